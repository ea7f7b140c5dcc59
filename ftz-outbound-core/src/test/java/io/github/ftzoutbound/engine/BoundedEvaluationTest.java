package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules never run unbounded (issue 13): a looping rule set is stopped by the firing limit, a slow one by the
 * deadline, and a reload whose candidate hangs times out without blocking the next reload. The timeouts below are
 * hang guards (a test that would otherwise never end), not timing assertions.
 */
class BoundedEvaluationTest {
    static final Duration HANG_GUARD = Duration.ofSeconds(120);

    static String request() {
        return """
                {"requestId":"L","evaluationDate":"%s","processor":{"ftz":"NONE","ciio":false},
                 "dataItems":[{"id":"a","personalInformation":{"individuals":5}}]}"""
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    /** The bundled rules plus one more rule, in a rules directory of their own. */
    static Path rulesWith(Path dir, String consequence) throws Exception {
        TestServices.copyBundledRules(dir);
        Files.writeString(dir.resolve("engine/extra.drl"), """
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;
                rule "Extra rule under test"
                    @noClause("a test of the engine's bounds")
                    salience 300
                when
                    $item : ExportItem()
                then
                    %s
                end
                """.formatted(consequence));
        return dir;
    }

    @Test
    void aLoopingRuleIsStoppedByTheFiringLimit(@TempDir Path dir) throws Exception {
        // update() re-activates the rule on the same item for ever: only the firing limit ends it.
        ExportDecisionService s = ExportDecisionService.builder().rulesDirectory(rulesWith(dir, "update( $item );"))
                .allowUnvalidatedRules().build();
        EvaluationException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(EvaluationException.class, () -> s.evaluateJson(request())));
        assertTrue(e.getMessage().contains("kept firing past " + (DecisionEngine.MAX_FIRINGS_BASE
                + DecisionEngine.MAX_FIRINGS_PER_ITEM) + " matches"), e.getMessage());
    }

    @Test
    void anEvaluationPastItsDeadlineDecidesNothing() {
        ExportDecisionService bounded = ExportDecisionService.builder().evaluationDeadline(Duration.ZERO).build();
        EvaluationException e = assertThrows(EvaluationException.class, () -> bounded.evaluateJson(request()));
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
        assertEquals("EXEMPT", TestServices.bundled().evaluateJson(request()).pathway().name());
        assertThrows(IllegalArgumentException.class,
                () -> ExportDecisionService.builder().evaluationDeadline(Duration.ofSeconds(-1)));
    }

    @Test
    void aReloadThatHangsTimesOutAndNeverBlocksTheNext(@TempDir Path dir) throws Exception {
        // A consequence that never returns (sleeping here, so that the abandoned thread ends when interrupted).
        Path hanging = rulesWith(dir.resolve("hanging"), "try { Thread.sleep(Long.MAX_VALUE); } "
                + "catch (InterruptedException e) { throw new RuntimeException(e); }");
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.copy(Path.of("../ftz-outbound-core/src/test/resources/scenarios/smoke.scenario.yaml"),
                scenarios.resolve("smoke.scenario.yaml"));
        ExportDecisionService service = ExportDecisionService.builder().build();
        String serving = service.ruleset().digest();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            var refused = service.reload(ExportDecisionService.builder().rulesDirectory(hanging), List.of(scenarios),
                    Duration.ofSeconds(15)); // time enough to compile; the first scenario then never returns
            assertFalse(refused.reloaded());
            assertTrue(refused.errors().get(0).contains("timed out"), refused.errors().toString());
            assertEquals(serving, service.ruleset().digest());
            // The next reload is not blocked by the abandoned one.
            var next = service.reload(ExportDecisionService.builder(), List.of(scenarios), Duration.ofMinutes(1));
            assertTrue(next.reloaded(), next.errors().toString());
        });
    }
}
