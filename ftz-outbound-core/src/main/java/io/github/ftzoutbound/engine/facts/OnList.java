package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.lists.DataClass;

/** Derived in DRL: an applicable entry matches the item and its threshold is met, so the item is on the list. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class OnList {
    private final ListEntryFact entry;
    private final ExportItem item;

    public OnList(ListEntryFact entry, ExportItem item) {
        this.entry = entry;
        this.item = item;
    }

    public ListEntryFact getEntry() { return entry; }
    public ExportItem getItem() { return item; }
    public DataClass getDataClass() { return entry.getDataClass(); }
}
