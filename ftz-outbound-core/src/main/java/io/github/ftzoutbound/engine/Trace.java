package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.engine.facts.Candidate;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.Finding;
import io.github.ftzoutbound.engine.facts.ItemRuling;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.engine.facts.OnList;
import io.github.ftzoutbound.engine.facts.Outcome;
import io.github.ftzoutbound.engine.facts.Supplement;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision's trace, built from the firings the outcome collector recorded.
 *
 * <p>Order (stable, whatever order Drools fired activations of equal rank in, which differs between a kjar build
 * and a run-time build of the same DRL): by phase ({@code classify, propose, resolve, annotate, conclude}), then
 * by the position in the request of the first item the firing concerns (request-wide firings first), then by the
 * rule's DRL file and name, then by the ids of the list entries of its match.
 */
final class Trace {
    private Trace() {
    }

    /** A firing with what its place in the trace is decided by, compared in the order stated above. */
    private record Resolved(Rule rule, int phase, List<ExportItem> items, List<ListEntryFact> entries,
                            String source, int firstItem, String entryKey) implements Comparable<Resolved> {
        @Override
        public int compareTo(Resolved o) {
            int c = Integer.compare(phase, o.phase);
            if (c == 0) {
                c = Integer.compare(firstItem, o.firstItem);
            }
            if (c == 0) {
                c = source.compareTo(o.source);
            }
            if (c == 0) {
                c = rule.getName().compareTo(o.rule.getName());
            }
            return c != 0 ? c : entryKey.compareTo(o.entryKey);
        }
    }

    static List<TraceEntry> entries(RuleSet ruleSet, List<Outcome.Firing> firings) {
        List<Resolved> resolved = new ArrayList<>(firings.size());
        // Plain loops over small lists: a full record builds one of these per firing (36 for 10 items).
        List<ExportItem> items = new ArrayList<>();
        List<ListEntryFact> entries = new ArrayList<>();
        for (Outcome.Firing f : firings) {
            items.clear();
            entries.clear();
            for (Object o : f.matched()) {
                if (o instanceof ExportItem i) {
                    addOnce(items, i);
                } else if (o instanceof Candidate c) {
                    addOnce(items, c.getItem());
                    if (c.getEntry() != null) {
                        addOnce(entries, c.getEntry());
                    }
                } else if (o instanceof ItemRuling r) {
                    addOnce(items, r.getItem());
                } else if (o instanceof Finding fi && fi.getItem() != null) {
                    addOnce(items, fi.getItem());
                } else if (o instanceof Supplement s) {
                    addOnce(items, s.getItem());
                } else if (o instanceof OnList ol) {
                    addOnce(items, ol.getItem());
                    addOnce(entries, ol.getEntry());
                } else if (o instanceof ListEntryFact e) {
                    addOnce(entries, e);
                }
            }
            int first = -1;
            for (ExportItem i : items) {
                first = first < 0 ? i.getPosition() : Math.min(first, i.getPosition());
            }
            String entryKey = "";
            if (!entries.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (ListEntryFact e : entries) {
                    sb.append(e.getList().getId()).append('/').append(e.getId()).append(' ');
                }
                entryKey = sb.toString();
            }
            resolved.add(new Resolved(f.rule(), phaseOf(f.rule()), List.copyOf(items), List.copyOf(entries),
                    ruleSet.sourceOf(f.rule()), first, entryKey));
        }
        java.util.Collections.sort(resolved);
        List<TraceEntry> out = new ArrayList<>(resolved.size());
        for (Resolved r : resolved) {
            List<Citation> cites = new ArrayList<>(1 + r.entries().size());
            ruleSet.citationOf(r.rule()).ifPresent(cites::add);
            for (ListEntryFact e : r.entries()) {
                cites.add(Clauses.of(e));
            }
            List<String> ids = new ArrayList<>(r.items().size());
            for (ExportItem i : r.items()) {
                if (!ids.contains(i.getId())) {
                    ids.add(i.getId());
                }
            }
            out.add(new TraceEntry(r.rule().getName(), r.source(), ids, cites));
        }
        return out;
    }

    /**
     * Adds a fact unless the list holds it already, as the LinkedHashSet before did: facts compare by identity or
     * by their own equals, and a firing matches a handful of them, so a scan beats hashing.
     */
    private static <T> void addOnce(List<T> list, T fact) {
        if (!list.contains(fact)) {
            list.add(fact);
        }
    }

    /** The rule's phase in evaluation order; a rule without a known phase (refused at load) sorts last. */
    static int phaseOf(Rule rule) {
        return Phase.of(rule).map(Enum::ordinal).orElse(Phase.values().length);
    }
}
