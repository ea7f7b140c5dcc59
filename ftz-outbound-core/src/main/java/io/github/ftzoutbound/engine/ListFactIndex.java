package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.lists.DataClass;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list facts of a rule set, indexed at load so that an evaluation inserts only the rows that can concern its
 * items (issue 14). An index, not a decision: a row is inserted when it could match, and the rules still decide
 * whether it does (scenario, bands, conditions). A row an item can match shares a field code with it or is named
 * in its {@code listRows}; any other row could only ever fire the band rules of its own bands, which conclude
 * nothing for an item it does not match.
 *
 * <p>Always inserted: lists, duties, adoptions, and the rows some rule reads without an item to match them: rows
 * defined by description (an item must rule them out by name: "List row: a covered-sector item naming none of the
 * rows defined by description…") and important-data rows (the fields-not-given rules ask whether an applicable list
 * names important data at all, and name its rows). Facts keep their load order, so a request sees its rows in the
 * order the full set would have given them.
 */
final class ListFactIndex {
    /** Facts inserted together, with their place in the load order: a row (its entry and bands) or another fact. */
    private record Group(int seq, List<Object> facts) {
    }

    private final List<Object> all = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<Group> always = new ArrayList<>();
    private final Map<String, List<Group>> byField = new HashMap<>();
    private final Map<String, List<Group>> byRowId = new HashMap<>();

    /** A fact every evaluation gets (a list, duty or adoption). Call in load order. */
    void always(Object fact) {
        Group g = new Group(groups.size(), List.of(fact));
        groups.add(g);
        always.add(g);
        all.add(fact);
    }

    /** A row: its entry fact and its band facts. Call in load order. */
    void row(ListEntryFact entry, List<Object> entryAndBands) {
        Group g = new Group(groups.size(), List.copyOf(entryAndBands));
        groups.add(g);
        all.addAll(entryAndBands);
        if (entry.isDescriptionDefined() || entry.getDataClass() == DataClass.IMPORTANT_DATA) {
            always.add(g);
            return;
        }
        for (String field : entry.getFields()) {
            byField.computeIfAbsent(field, k -> new ArrayList<>()).add(g);
        }
        byRowId.computeIfAbsent(entry.getId(), k -> new ArrayList<>()).add(g);
    }

    /** Every list fact, as loaded. */
    List<Object> all() {
        return all;
    }

    /** The list facts one evaluation needs for these items, in load order. */
    List<Object> forItems(Collection<ExportItem> items) {
        boolean[] wanted = new boolean[groups.size()];
        for (Group g : always) {
            wanted[g.seq()] = true;
        }
        for (ExportItem item : items) {
            for (String field : item.getFields()) {
                mark(byField.get(field), wanted);
            }
            for (String rowId : item.getListRows()) {
                mark(byRowId.get(rowId), wanted);
            }
        }
        List<Object> out = new ArrayList<>(all.size());
        for (Group g : groups) {
            if (wanted[g.seq()]) {
                out.addAll(g.facts());
            }
        }
        return out;
    }

    private static void mark(List<Group> found, boolean[] wanted) {
        if (found != null) {
            for (Group g : found) {
                wanted[g.seq()] = true;
            }
        }
    }
}
