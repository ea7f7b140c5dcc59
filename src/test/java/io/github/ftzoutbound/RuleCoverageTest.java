package io.github.ftzoutbound;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every DRL rule must fire in at least one legal case of the scenario suites: a rule no case exercises is a
 * rule nobody has checked. Writes target/rule-coverage.json for the legal team.
 */
class RuleCoverageTest {
    @Test
    void everyRuleFiresInSomeScenario() throws Exception {
        ExportDecisionService service = TestServices.bundled();
        Map<String, Integer> fired = new TreeMap<>();
        for (Scenario s : ScenarioSuites.load(ScenarioSuiteTest.SCENARIOS)) {
            ScenarioResult r = ScenarioSuites.run(service, s);
            if (r.decision() != null) {
                for (TraceEntry t : r.decision().trace()) {
                    fired.merge(t.source() + "|" + t.rule(), 1, Integer::sum);
                }
            }
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (Rule rule : service.ruleSet().rules()) {
            String source = service.ruleSet().sourceOf(rule);
            int n = fired.getOrDefault(source + "|" + rule.getName(), 0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", rule.getName());
            m.put("source", source);
            m.put("fired", n);
            rules.add(m);
            if (n == 0) {
                never.add(source + ": " + rule.getName());
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rules", rules);
        report.put("rulesTotal", rules.size());
        report.put("rulesFired", rules.size() - never.size());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/rule-coverage.json"), DecisionJson.toJson(report, true));
        assertTrue(never.isEmpty(), () -> never.size() + " rule(s) never fired in any scenario:\n  "
                + String.join("\n  ", never));
    }
}
