package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.lists.ListStatus;
import io.github.ftzoutbound.lists.NegativeList;
import io.github.ftzoutbound.model.Ftz;

import java.time.LocalDate;
import java.util.List;

/** A loaded negative list as the rules see it. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class NegativeListFact {
    private final NegativeList list;

    public NegativeListFact(NegativeList list) {
        this.list = list;
    }

    public NegativeList getList() { return list; }
    public String getId() { return list.id(); }
    public Ftz getFtz() { return list.ftz(); }
    public ListStatus getStatus() { return list.status(); }
    public boolean isIllustrative() { return list.status() == ListStatus.ILLUSTRATIVE; }
    /** Real metadata but not every row: it never exempts what it does not list. */
    public boolean isIncomplete() { return list.status() == ListStatus.INCOMPLETE; }
    /** The FTZ that published the list (JIANGSU, ZHEJIANG, or another FTZ such as BEIJING). */
    public String getFtzCode() { return list.ftzCode(); }
    public String getTitle() { return list.title(); }
    public String getVersion() { return list.version(); }
    public List<String> getSectors() { return list.sectors(); }
    public List<String> getScenarios() { return list.scenarios(); }

    /** The list names the processor's sector (an absent sector is never covered). */
    public boolean coversSector(String sector) {
        return sector != null && list.sectors().contains(sector);
    }

    /** A list naming no scenarios covers all; one naming some covers only those (an absent scenario is not). */
    public boolean coversScenario(String scenario) {
        return list.scenarios().isEmpty() || scenario != null && list.scenarios().contains(scenario);
    }

    /** In force on the date: effectiveFrom inclusive, effectiveTo exclusive (open when absent). */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(list.effectiveFrom()) && (list.effectiveTo() == null || date.isBefore(list.effectiveTo()));
    }

    @Override
    public String toString() {
        return "NegativeList[" + list.id() + "]";
    }
}
