package io.github.ftzoutbound.api;

import io.github.ftzoutbound.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: a non-bundled rule set must pass scenario suites before it serves. A Java caller that names a rules
 * directory but no suites is refused, by {@code build()} and by {@code reload}, unless it says
 * {@code allowUnvalidatedRules()} (for tools that check a rule set rather than serve it).
 */
class UnvalidatedRulesGateTest {

    /** A copy of the bundled rules under a version of its own, so a swap is visible. */
    private static Path rules(Path dir) throws Exception {
        Path rules = TestServices.copyBundledRules(dir);
        Files.writeString(rules.resolve("ruleset.properties"), "version=gate-test\n");
        return rules;
    }

    @Test
    void aRulesDirectoryWithoutSuitesIsRefusedByBuildBeforeAnythingIsCompiled(@TempDir Path tmp) throws Exception {
        Path rules = rules(tmp.resolve("rules"));
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> ExportDecisionService.builder().rulesDirectory(rules).build());
        assertEquals(1, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().get(0).startsWith(rules + ": no scenario suite given"), e.problems()::toString);
        assertTrue(e.problems().get(0).contains("allowUnvalidatedRules()"), "the message names the opt-out");
    }

    @Test
    void theExplicitOptOutBuildsTheRuleSetUnchecked(@TempDir Path tmp) throws Exception {
        Path rules = rules(tmp.resolve("rules"));
        ExportDecisionService s = ExportDecisionService.builder().rulesDirectory(rules).allowUnvalidatedRules()
                .build();
        assertEquals("gate-test", s.ruleset().version());
    }

    @Test
    void theBundledRulesNeedNoSuite() {
        // Tested with the release: no gate, no opt-out needed.
        assertFalse(ExportDecisionService.builder().build().ruleset().version().isBlank());
    }

    @Test
    void aRulesDirectoryThatPassesItsSuiteServes(@TempDir Path tmp) throws Exception {
        Path rules = rules(tmp.resolve("rules"));
        Path suite = Files.createDirectories(tmp.resolve("suite"));
        Files.copy(Path.of("src/test/resources/scenarios/smoke.scenario.yaml"),
                suite.resolve("smoke.scenario.yaml"));
        ExportDecisionService s = ExportDecisionService.builder().rulesDirectory(rules)
                .scenarioSuites(List.of(suite)).build();
        assertEquals("gate-test", s.ruleset().version());
    }

    @Test
    void reloadWithoutSuitesIsRefusedUnlessTheCandidateOptsOut(@TempDir Path tmp) throws Exception {
        ExportDecisionService service = ExportDecisionService.builder().build();
        String bundled = service.ruleset().digest();
        Path rules = rules(tmp.resolve("rules"));

        // An empty list of suites would pass vacuously: refused, and the bundled rules keep serving.
        var refused = service.reload(ExportDecisionService.builder().rulesDirectory(rules), List.of());
        assertFalse(refused.reloaded());
        assertEquals(List.of(rules + ": " + ExportDecisionService.NO_SUITE), refused.errors());
        assertEquals(bundled, service.ruleset().digest());
        assertEquals(bundled, refused.serving().digest());

        var unchecked = service.reload(ExportDecisionService.builder().rulesDirectory(rules).allowUnvalidatedRules(),
                List.of());
        assertTrue(unchecked.reloaded(), unchecked.errors()::toString);
        assertEquals("gate-test", service.ruleset().version());
    }

    @Test
    void reloadingTheBundledRulesNeedsNoSuite() {
        ExportDecisionService service = ExportDecisionService.builder().build();
        var r = service.reload(ExportDecisionService.builder(), List.of());
        assertTrue(r.reloaded(), r.errors()::toString);
    }
}
