package io.github.ftzoutbound.scenarios;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.engine.RuleSet;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each rule fired, and each clause was cited by a firing rule, over a set of scenario results: the
 * legal team's measure of what their cases exercise. Counted from decision traces (the engine's
 * AgendaEventListener), not from a test library.
 */
public record RuleCoverage(List<RuleCount> rules, Map<String, Integer> clauses) {
    /** One rule and the number of times it fired. */
    public record RuleCount(String name, String source, int fired) {
    }

    public static RuleCoverage of(ExportDecisionService service, List<ScenarioResult> results) {
        Map<String, Integer> fired = new TreeMap<>();
        Map<String, Integer> clauses = new TreeMap<>();
        for (ScenarioResult r : results) {
            if (r.decision() == null) {
                continue;
            }
            for (TraceEntry t : r.decision().trace()) {
                fired.merge(t.source() + "|" + t.rule(), 1, Integer::sum);
                for (Citation c : t.citations()) {
                    clauses.merge(c.key(), 1, Integer::sum);
                }
            }
        }
        RuleSet ruleSet = service.ruleSet();
        List<RuleCount> rules = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            String source = ruleSet.sourceOf(rule);
            rules.add(new RuleCount(rule.getName(), source, fired.getOrDefault(source + "|" + rule.getName(), 0)));
        }
        return new RuleCoverage(List.copyOf(rules), clauses);
    }

    public List<RuleCount> neverFired() {
        return rules.stream().filter(r -> r.fired() == 0).toList();
    }

    /** The report written to target/rule-coverage.json: rules (name, source, fired), rulesTotal, rulesFired, clauses. */
    public Map<String, Object> report() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rules", rules);
        m.put("rulesTotal", rules.size());
        m.put("rulesFired", rules.size() - neverFired().size());
        m.put("clauses", clauses);
        return m;
    }
}
