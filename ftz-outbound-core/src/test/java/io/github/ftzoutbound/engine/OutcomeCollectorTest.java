package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.TraceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consequences record to the outcome collector (the DRL global {@code outcome}); the firing limit is the loop
 * guard, and a firing the collector did not see means no decision.
 */
class OutcomeCollectorTest {
    private static final String HEADER = """
            package rules.test
            import io.github.ftzoutbound.engine.facts.ExportCase;
            global io.github.ftzoutbound.engine.facts.Outcome outcome;
            """;

    private static String request() throws IOException {
        return Files.readString(Path.of("../docs/examples/national-exempt-small-volume.json"));
    }

    @Test
    void aLoopingRuleSetStopsAtTheFiringLimitAndDecidesNothing(@TempDir Path dir) throws IOException {
        Path rules = TestServices.copyBundledRules(dir);
        Files.writeString(rules.resolve("loop.drl"), HEADER + """
                rule "Test: seed a counter"
                    @noClause("test: a looping edit")
                    salience 500
                when
                    ExportCase()
                then
                    outcome.fired( drools );
                    insert( Long.valueOf( 0 ) );
                end

                rule "Test: count for ever"
                    @noClause("test: a looping edit")
                    salience 500
                when
                    $n : Long()
                then
                    outcome.fired( drools );
                    insert( Long.valueOf( $n + 1 ) );
                end
                """);
        ExportDecisionService service = ExportDecisionService.builder().rulesDirectory(rules)
                .allowUnvalidatedRules().build();
        EvaluationException e = assertThrows(EvaluationException.class, () -> service.evaluateJson(request()));
        assertTrue(e.getMessage().contains("looping"), e.getMessage());
        int items = 1; // the example request has one item
        assertTrue(e.getMessage().contains("past " + (DecisionEngine.MAX_FIRINGS_BASE
                + DecisionEngine.MAX_FIRINGS_PER_ITEM * items) + " matches"), e.getMessage());
    }

    @Test
    void aRuleThatFiresWithoutRecordingMeansNoDecision(@TempDir Path dir) throws IOException {
        Path rules = TestServices.copyBundledRules(dir);
        Files.writeString(rules.resolve("silent.drl"), HEADER + """
                rule "Test: a consequence that bypasses the collector"
                    @noClause("test: an edit that forgets the collector")
                    salience 500
                when
                    ExportCase()
                then
                    insert( Long.valueOf( 0 ) );
                end
                """);
        ExportDecisionService service = ExportDecisionService.builder().rulesDirectory(rules)
                .allowUnvalidatedRules().build();
        EvaluationException e = assertThrows(EvaluationException.class, () -> service.evaluateJson(request()));
        assertTrue(e.getMessage().contains("not recorded to the outcome collector"), e.getMessage());
    }

    @Test
    void theTraceIsSortedByPhaseThenItemThenFileAndRule() throws IOException {
        ExportDecision d = TestServices.bundled().evaluateJson(
                Files.readString(Path.of("../docs/examples/national-item-bases.json")));
        List<TraceEntry> trace = d.trace();
        assertTrue(trace.size() > 3, trace::toString);
        // The same request decided twice gives the same trace, entry for entry.
        assertEquals(trace, TestServices.bundled().evaluateJson(
                Files.readString(Path.of("../docs/examples/national-item-bases.json"))).trace());
        // Resolution (phase 3) never precedes a proposal (phase 2) in the trace.
        int lastProposal = -1;
        int firstResolution = Integer.MAX_VALUE;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).rule().startsWith("Resolve: the first")) {
                firstResolution = Math.min(firstResolution, i);
            } else if (trace.get(i).rule().startsWith("CBDF 5(1)(")
                    && !trace.get(i).rule().contains("sensitive persons exported")) {
                lastProposal = Math.max(lastProposal, i);
            }
        }
        assertTrue(lastProposal >= 0 && lastProposal < firstResolution, trace::toString);
    }

    @Test
    void aDutyOfTheRequestFiresOncePerRequestAndNamesEveryItemItConcerns() throws IOException {
        // Ten Zhejiang items, seven of them decided by the list (rows 5, 10, 11): ZJ 10(1) is the request's duty.
        ExportDecision d = TestServices.bundled().evaluateJson(
                Files.readString(Path.of("../ftz-outbound-core/src/test/resources/requests/ten-items-zhejiang.json")));
        List<TraceEntry> applications = d.trace().stream()
                .filter(e -> e.rule().startsWith("ZJ 10(1): ")).toList();
        assertEquals(1, applications.size(), applications::toString);
        List<String> listItems = d.items().stream().filter(i -> i.row() == 5 || i.row() == 10 || i.row() == 11)
                .map(i -> i.itemId()).toList();
        assertTrue(listItems.size() > 1, listItems::toString);
        assertEquals(listItems, applications.get(0).itemIds());
        // The obligation still names each of those items, once.
        assertEquals(listItems, d.obligations().stream().filter(o -> o.code().equals("ZONE_APPLICATION"))
                .findFirst().orElseThrow().itemIds());
        // Items no list row decided are not attached: the firing is for the items its condition matched.
        assertTrue(d.items().stream().anyMatch(i -> !listItems.contains(i.itemId())));
    }
}
