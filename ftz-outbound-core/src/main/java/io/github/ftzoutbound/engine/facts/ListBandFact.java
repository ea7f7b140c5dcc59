package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.lists.Band;
import io.github.ftzoutbound.lists.Counts;

/** One threshold band of a list row; which tally it counts and its bounds. The comparison is written in DRL. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class ListBandFact {
    private final ListEntryFact entry;
    private final Band band;

    public ListBandFact(ListEntryFact entry, Band band) {
        this.entry = entry;
        this.band = band;
    }

    public ListEntryFact getEntry() { return entry; }
    public Counts getCounts() { return band.counts(); }
    public long getAtLeast() { return band.atLeast(); }
    /** Upper bound (exclusive), or -1 when the band is open above. */
    public long getBelow() { return band.below() == null ? -1 : band.below(); }
    public String describe() { return band.describe(); }
    public String describeZh() { return band.describeZh(); }

    @Override
    public String toString() {
        return "Band[" + entry.getId() + " " + band.describe() + "]";
    }
}
