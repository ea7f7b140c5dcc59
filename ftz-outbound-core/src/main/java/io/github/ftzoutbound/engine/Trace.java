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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    private record Resolved(Rule rule, int phase, List<ExportItem> items, List<ListEntryFact> entries,
                            String source, int firstItem, String entryKey) {
    }

    static List<TraceEntry> entries(RuleSet ruleSet, List<Outcome.Firing> firings) {
        List<Resolved> resolved = new ArrayList<>(firings.size());
        for (Outcome.Firing f : firings) {
            Set<ExportItem> items = new LinkedHashSet<>();
            Set<ListEntryFact> entries = new LinkedHashSet<>();
            for (Object o : f.matched()) {
                if (o instanceof ExportItem i) {
                    items.add(i);
                } else if (o instanceof Candidate c) {
                    items.add(c.getItem());
                    if (c.getEntry() != null) {
                        entries.add(c.getEntry());
                    }
                } else if (o instanceof ItemRuling r) {
                    items.add(r.getItem());
                } else if (o instanceof Finding fi && fi.getItem() != null) {
                    items.add(fi.getItem());
                } else if (o instanceof Supplement s) {
                    items.add(s.getItem());
                } else if (o instanceof OnList ol) {
                    items.add(ol.getItem());
                    entries.add(ol.getEntry());
                } else if (o instanceof ListEntryFact e) {
                    entries.add(e);
                }
            }
            int first = items.stream().mapToInt(ExportItem::getPosition).min().orElse(-1);
            StringBuilder entryKey = new StringBuilder();
            entries.forEach(e -> entryKey.append(e.getList().getId()).append('/').append(e.getId()).append(' '));
            resolved.add(new Resolved(f.rule(), phaseOf(f.rule()), List.copyOf(items), List.copyOf(entries),
                    ruleSet.sourceOf(f.rule()), first, entryKey.toString()));
        }
        resolved.sort(Comparator.comparingInt(Resolved::phase).thenComparingInt(Resolved::firstItem)
                .thenComparing(Resolved::source).thenComparing(r -> r.rule().getName())
                .thenComparing(Resolved::entryKey));
        List<TraceEntry> out = new ArrayList<>(resolved.size());
        for (Resolved r : resolved) {
            List<Citation> cites = new ArrayList<>();
            ruleSet.citationOf(r.rule()).ifPresent(cites::add);
            r.entries().forEach(e -> cites.add(Clauses.of(e)));
            List<String> ids = r.items().stream().map(ExportItem::getId).distinct().toList();
            out.add(new TraceEntry(r.rule().getName(), r.source(), ids, cites));
        }
        return out;
    }

    /** The rule's phase in evaluation order; a rule without a known phase (refused at load) sorts last. */
    static int phaseOf(Rule rule) {
        return Phase.of(rule).map(Enum::ordinal).orElse(Phase.values().length);
    }
}
