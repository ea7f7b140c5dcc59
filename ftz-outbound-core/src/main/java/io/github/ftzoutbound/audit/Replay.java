package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.Warning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-evaluates an archived decision's embedded request under a (current or candidate) rule set and reports what
 * would change: pathway, item pathways, citations, obligations or warnings, with old and new values.
 */
public final class Replay {
    private Replay() {
    }

    /** The differences, empty when the decision would stand unchanged. */
    public static Map<String, Object> differences(ExportDecision old, ExportDecision now) {
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "pathway", old.pathway().name(), now.pathway().name());
        diff(changes, "items", itemPathways(old), itemPathways(now));
        diff(changes, "citations", citationKeys(old.citations()), citationKeys(now.citations()));
        diff(changes, "obligations", obligations(old.obligations()), obligations(now.obligations()));
        diff(changes, "warnings", warnings(old.warnings()), warnings(now.warnings()));
        return changes;
    }

    /** One replayed record: the archived decision, the new one, what changed. */
    public record Outcome(ExportDecision old, ExportDecision now, Map<String, Object> changes) {
        public boolean changed() {
            return !changes.isEmpty();
        }

        public Map<String, Object> report() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requestId", old.requestId());
            m.put("decisionId", old.decisionId());
            m.put("oldRuleset", old.ruleset());
            m.put("newRuleset", now.ruleset());
            m.put("changes", changes);
            return m;
        }
    }

    public static Outcome replay(ExportDecisionService service, ExportDecision archived) {
        if (archived.request() == null) {
            throw new IllegalArgumentException("decision " + archived.decisionId()
                    + " has no embedded request; archive decisions made with --with-request");
        }
        // A decision made with the annual ledger is replayed from the snapshot it carries (the totals are in its
        // embedded request already; policy and splitting window in the snapshot), never against today's ledger.
        ExportDecision now = archived.ledger() != null
                ? service.evaluateWithLedgerSnapshot(archived.request(), archived.ledger(), true)
                : service.reevaluate(archived.request(), true);
        return new Outcome(archived, now, differences(archived, now));
    }

    private static void diff(Map<String, Object> changes, String what, Object old, Object now) {
        if (!old.equals(now)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("old", old);
            m.put("new", now);
            changes.put(what, m);
        }
    }

    private static Map<String, String> itemPathways(ExportDecision d) {
        Map<String, String> m = new TreeMap<>();
        for (ItemDecision i : d.items()) {
            m.put(i.itemId(), i.pathway().name());
        }
        return m;
    }

    private static Set<String> citationKeys(List<Citation> citations) {
        Set<String> s = new TreeSet<>();
        citations.forEach(c -> s.add(c.key()));
        return s;
    }

    // A code may appear twice, once request-wide (no items) and once for items: both are kept.
    private static Map<String, List<String>> obligations(List<Obligation> obligations) {
        Map<String, List<String>> m = new TreeMap<>();
        obligations.forEach(o -> m.put(scoped(o.code(), o.itemIds()), o.itemIds()));
        return m;
    }

    private static Map<String, List<String>> warnings(List<Warning> warnings) {
        Map<String, List<String>> m = new TreeMap<>();
        warnings.forEach(w -> m.put(scoped(w.code(), w.itemIds()), w.itemIds()));
        return m;
    }

    private static String scoped(String code, List<String> itemIds) {
        return itemIds.isEmpty() ? code + " (request)" : code;
    }
}
