package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/** Derived in DRL: an applicable entry matches the item but its threshold is not met: the item is off the list. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class BelowThreshold {
    private final ListEntryFact entry;
    private final ExportItem item;

    public BelowThreshold(ListEntryFact entry, ExportItem item) {
        this.entry = entry;
        this.item = item;
    }

    public ListEntryFact getEntry() { return entry; }
    public ExportItem getItem() { return item; }
}
