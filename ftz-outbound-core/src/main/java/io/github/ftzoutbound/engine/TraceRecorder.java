package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.engine.facts.BelowThreshold;
import io.github.ftzoutbound.engine.facts.Candidate;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.Finding;
import io.github.ftzoutbound.engine.facts.ItemRuling;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.engine.facts.OnList;
import io.github.ftzoutbound.engine.facts.Supplement;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records every rule that fires, in order, with the items and list entries of its match: the decision's
 * trace. Also a guard: a rule set that keeps firing past a bound (a looping edit) is halted, and the engine
 * then refuses to decide rather than answer from a half-run session.
 */
final class TraceRecorder extends DefaultAgendaEventListener {
    record Fired(Rule rule, List<ExportItem> items, List<ListEntryFact> entries) {
    }

    private final List<Fired> fired = new ArrayList<>();
    private final int maxFirings;
    private boolean halted;

    TraceRecorder(int maxFirings) {
        this.maxFirings = maxFirings;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Set<ExportItem> items = new LinkedHashSet<>();
        Set<ListEntryFact> entries = new LinkedHashSet<>();
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof ExportItem i) {
                items.add(i);
            } else if (o instanceof Candidate c) {
                items.add(c.getItem());
                if (c.getEntry() != null) {
                    entries.add(c.getEntry());
                }
            } else if (o instanceof ItemRuling r) {
                items.add(r.getItem());
            } else if (o instanceof Finding f && f.getItem() != null) {
                items.add(f.getItem());
            } else if (o instanceof Supplement s) {
                items.add(s.getItem());
            } else if (o instanceof OnList ol) {
                items.add(ol.getItem());
                entries.add(ol.getEntry());
            } else if (o instanceof BelowThreshold bt) {
                items.add(bt.getItem());
                entries.add(bt.getEntry());
            } else if (o instanceof ListEntryFact e) {
                entries.add(e);
            }
        }
        fired.add(new Fired(event.getMatch().getRule(), List.copyOf(items), List.copyOf(entries)));
        if (fired.size() > maxFirings && !halted) {
            halted = true;
            event.getKieRuntime().halt();
        }
    }

    List<Fired> fired() {
        return fired;
    }

    boolean halted() {
        return halted;
    }
}
