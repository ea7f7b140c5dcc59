package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;

/**
 * What one evaluation gives Drools, for the bare-Drools probe to match: the rules in the request's FTZ's base, the facts
 * inserted before the rules fire (list facts, law-in-force facts, the case and the items) and the rule firings
 * (one trace entry each). In the engine's package only to read the rule set's fact lists; bench sources only.
 */
public final class EngineCounts {
    public final int rules;
    public final int facts;
    public final double firings;

    public EngineCounts(ExportDecisionService service, ExportRequest[] requests) {
        RuleSet ruleSet = service.ruleSet();
        ExportRequest r = requests[0];
        // The rules of the base the requests fire in (one per FTZ), not every rule of the set.
        rules = ruleSet.kieBase(r.processor().ftz()).getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        java.util.List<io.github.ftzoutbound.engine.facts.ExportItem> items = io.github.ftzoutbound.Requests.exportItems(r);
        // The list facts the engine inserts for this request (rows indexed by field code at load, issue 14).
        facts = ruleSet.listFactsFor(items).size() + ruleSet.law().facts(r.evaluationDate()).size() + 1
                + r.dataItems().size();
        long fired = 0;
        for (ExportRequest q : requests) {
            fired += service.evaluate(q).trace().size();
        }
        firings = fired / (double) requests.length;
    }

    @Override
    public String toString() {
        return rules + " rules, " + facts + " facts, " + String.format("%.1f", firings) + " firings";
    }
}
