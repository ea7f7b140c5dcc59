package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/** Derived in DRL: the row matches the item, but the item answers true to one of the row's {@code unless} conditions. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class RowExcluded {
    private final ListEntryFact entry;
    private final ExportItem item;

    public RowExcluded(ListEntryFact entry, ExportItem item) {
        this.entry = entry;
        this.item = item;
    }

    public ListEntryFact getEntry() { return entry; }
    public ExportItem getItem() { return item; }
}
