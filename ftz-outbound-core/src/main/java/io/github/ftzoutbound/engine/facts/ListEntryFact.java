package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.lists.Band;
import io.github.ftzoutbound.lists.Counts;
import io.github.ftzoutbound.lists.DataClass;
import io.github.ftzoutbound.lists.ListEntry;
import io.github.ftzoutbound.lists.RowDataType;
import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/** One list row as the rules see it; its threshold bands are {@link ListBandFact}s, compared in DRL. */
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
    public ListEntry getEntry() { return entry; }
    public String getId() { return entry.id(); }
    public String getSector() { return entry.sector(); }
    public String getScenario() { return entry.scenario(); }
    public DataClass getDataClass() { return entry.dataClass(); }
    public RowDataType getDataType() { return entry.dataType(); }
    public String getSubCategory() { return entry.subCategory(); }
    public List<String> getFields() { return entry.fields(); }
    public Pathway getPathway() { return entry.pathway(); }
    public String getDescription() { return entry.description(); }
    public String getScale() { return entry.scale(); }
    /** The named route outside the three pathways (e.g. HUMAN_GENETIC_RESOURCES), or null. */
    public String getRoute() { return entry.route(); }
    /** List conditions which, answered true by an item, keep this row from applying to it. */
    public List<String> getUnless() { return entry.unless(); }
    public List<Band> getBands() { return entry.bands(); }
    /** A row without fields: matched only when an item names it in {@code listRows}. */
    public boolean isDescriptionDefined() { return entry.descriptionDefined(); }
    /** No threshold band: the row applies whatever the volume. */
    public boolean isUnconditional() { return entry.bands().isEmpty(); }
    /** Lower bound on the annual non-sensitive total, or -1 when the row sets none (format 1's view). */
    public long getIndividualsAtLeast() { return bound(Counts.NON_SENSITIVE_PERSONS); }
    /** Lower bound on the annual sensitive total, or -1 when the row sets none (format 1's view). */
    public long getSensitiveIndividualsAtLeast() { return bound(Counts.SENSITIVE_PERSONS); }

    private long bound(Counts counts) {
        return entry.bands().stream().filter(b -> b.counts() == counts && b.below() == null)
                .mapToLong(Band::atLeast).findFirst().orElse(-1);
    }

    /** "≥ 500,000 persons (sensitive and non-sensitive together) or ≥ 10,000 sensitive persons". */
    public String describeBands() {
        if (entry.bands().isEmpty()) {
            return "none, always applies";
        }
        return String.join(" or ", entry.bands().stream().map(Band::describe).toList());
    }

    /** The same bands in Chinese: "500,000人以上个人信息（敏感个人信息与非敏感个人信息合计）或10,000人以上敏感个人信息". */
    public String describeBandsZh() {
        if (entry.bands().isEmpty()) {
            return "无门槛，一律适用";
        }
        return String.join("或", entry.bands().stream().map(Band::describeZh).toList());
    }

    @Override
    public String toString() {
        return "ListEntry[" + entry.id() + "]";
    }
}
