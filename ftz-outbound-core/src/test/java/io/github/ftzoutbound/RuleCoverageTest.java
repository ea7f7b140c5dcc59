package io.github.ftzoutbound;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.scenarios.RuleCoverage;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every DRL rule must fire in at least one legal case of the scenario suites: a rule no case exercises is a
 * rule nobody has checked. Writes target/rule-coverage.json for the legal team.
 */
class RuleCoverageTest {
    @Test
    void everyRuleFiresInSomeScenario() throws Exception {
        ExportDecisionService service = TestServices.withExampleLists();
        RuleCoverage coverage = RuleCoverage.of(service, ScenarioSuites.load(ScenarioSuiteTest.SCENARIOS).stream()
                .map(s -> ScenarioSuites.run(service, s)).toList());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/rule-coverage.json"), DecisionJson.toJson(coverage.report(), true));
        assertTrue(coverage.neverFired().isEmpty(), () -> coverage.neverFired().size()
                + " rule(s) never fired in any scenario:\n  " + String.join("\n  ",
                coverage.neverFired().stream().map(r -> r.source() + ": " + r.name()).toList()));
    }
}
