package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.lists.DataClass;
import io.github.ftzoutbound.lists.ListEntry;
import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/** One list entry as the rules see it; the threshold comparison itself is written in DRL. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class ListEntryFact {
    private final NegativeListFact list;
    private final ListEntry entry;

    public ListEntryFact(NegativeListFact list, ListEntry entry) {
        this.list = list;
        this.entry = entry;
    }

    public NegativeListFact getList() { return list; }
    public String getId() { return entry.id(); }
    public String getScenario() { return entry.scenario(); }
    public DataClass getDataClass() { return entry.dataClass(); }
    public List<String> getFields() { return entry.fields(); }
    public Pathway getPathway() { return entry.pathway(); }
    public String getDescription() { return entry.description(); }
    public boolean isUnconditional() { return entry.threshold() == null; }
    /** Lower bound on the annual non-sensitive total, or -1 when the entry sets none. */
    public long getIndividualsAtLeast() {
        return entry.threshold() == null || entry.threshold().individualsAtLeast() == null ? -1
                : entry.threshold().individualsAtLeast();
    }
    /** Lower bound on the annual sensitive total, or -1 when the entry sets none. */
    public long getSensitiveIndividualsAtLeast() {
        return entry.threshold() == null || entry.threshold().sensitiveIndividualsAtLeast() == null ? -1
                : entry.threshold().sensitiveIndividualsAtLeast();
    }

    @Override
    public String toString() {
        return "ListEntry[" + entry.id() + "]";
    }
}
