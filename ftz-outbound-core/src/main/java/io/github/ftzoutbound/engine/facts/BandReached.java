package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/** Derived in DRL: the annual totals reach this band, so its row is on the list for items it matches. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class BandReached {
    private final ListBandFact band;

    public BandReached(ListBandFact band) {
        this.band = band;
    }

    public ListBandFact getBand() { return band; }
    public ListEntryFact getEntry() { return band.getEntry(); }
}
