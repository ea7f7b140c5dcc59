package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.rule.Rule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phases are saliences (issue 14 step 3): every rule states one, a rule without one is refused at load with its file
 * and line, and a later phase reads the earlier phases' facts complete.
 */
public class PhasesTest {
    /** What the probe rules below saw, in firing order (the evaluations of this class run on the test thread). */
    public static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    private static List<String> problems(String attributes) {
        String drl = """
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;
                rule "Probe"
                    @noClause("test")
                %s
                when
                    $item : ExportItem()
                then
                    outcome.fired( drools );
                end
                """.formatted(attributes);
        return DrlMetadataGuard.problems(List.of(new SourceFile("rules/engine/probe.drl", drl)));
    }

    @Test
    void everyPhaseSalienceIsAccepted() {
        for (Phase p : Phase.values()) {
            assertEquals(List.of(), problems("    salience " + p.salience() + " // phase: " + p.label()), p::label);
        }
    }

    @Test
    void aRuleWithoutAPhaseIsRefusedWithItsFileAndLine() {
        List<String> p = problems("");
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("rules/engine/probe.drl:3: rule \"Probe\" states no phase"), p::toString);
        assertTrue(p.get(0).contains("classify 500, propose 400, resolve 300, annotate 200, conclude 100"), p::toString);
    }

    @Test
    void aSalienceBetweenPhasesIsRefused() {
        // 401 would fire before every other proposal: an order the legal reading does not have.
        for (String salience : List.of("401", "0", "-100", "600")) {
            List<String> p = problems("    salience " + salience);
            assertEquals(1, p.size(), p::toString);
            assertTrue(p.get(0).contains("has salience " + salience + ", which is not a phase"), p::toString);
        }
    }

    @Test
    void aDynamicSalienceIsRefused() {
        List<String> p = problems("    salience ( $item.getPosition() )");
        assertTrue(p.size() == 1 && p.get(0).contains("which is not a phase"), p::toString);
    }

    @Test
    void groupsAndFocusAreRefusedEvenBesideAPhase() {
        for (String attribute : List.of("ruleflow-group \"propose\"", "agenda-group \"propose\"",
                "activation-group \"one\"", "auto-focus true")) {
            List<String> p = problems("    salience 400\n    " + attribute);
            assertEquals(1, p.size(), p::toString);
            assertTrue(p.get(0).startsWith("rules/engine/probe.drl:3: rule \"Probe\" uses "
                    + attribute.substring(0, attribute.indexOf(' '))), p::toString);
        }
        // The old form alone: both problems, the group and the missing phase.
        assertEquals(2, problems("    ruleflow-group \"propose\"").size());
    }

    @Test
    void aRulesFolderWithARuleWithoutAPhaseDoesNotLoad(@TempDir Path dir) throws Exception {
        Path rules = TestServices.copyBundledRules(dir);
        Files.writeString(rules.resolve("engine/unphased.drl"), """
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;
                global io.github.ftzoutbound.engine.facts.Outcome outcome;
                rule "A new rule without its phase"
                    @noClause("test")
                when
                    $item : ExportItem()
                then
                    outcome.fired( drools );
                end
                """);
        var e = assertThrows(io.github.ftzoutbound.api.RuleSetException.class, () -> ExportDecisionService.builder()
                .rulesDirectory(rules).allowUnvalidatedRules().build());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("unphased.drl:4: rule \"A new rule without its phase\""
                + " states no phase")), e.problems()::toString);
    }

    @Test
    void theBundledRulesEachHaveAPhaseAndResolutionHasItsOwn() {
        Map<Phase, List<String>> byPhase = new EnumMap<>(Phase.class);
        for (Rule r : TestServices.bundled().ruleSet().rules()) {
            Phase p = Phase.of(r).orElseThrow(() -> new AssertionError(r.getName() + " has no phase"));
            byPhase.computeIfAbsent(p, k -> new ArrayList<>()).add(r.getName());
        }
        assertEquals(List.of("Resolve: the first applicable row of the legal reading decides the item"),
                byPhase.get(Phase.RESOLVE));
        assertEquals(List.of("Resolve: the request takes the strictest pathway of its items"),
                byPhase.get(Phase.CONCLUDE));
        for (Phase p : List.of(Phase.CLASSIFY, Phase.PROPOSE, Phase.ANNOTATE)) {
            assertTrue(byPhase.getOrDefault(p, List.of()).size() > 5, () -> p + ": " + byPhase.get(p));
        }
    }

    /**
     * Probe rules that count what the phases before them inserted: a count rule is linked from the start (an
     * accumulate needs no fact to fire), so if a later phase could run before an earlier one was complete, it would
     * fire first with a partial count and again with the final one. Each fires once, with the whole count.
     */
    @Test
    void aLaterPhaseReadsTheEarlierPhasesFactsComplete(@TempDir Path dir) throws Exception {
        Path rules = TestServices.copyBundledRules(dir);
        // In a file that sorts first, so that load order alone would put these rules before every other.
        Files.writeString(rules.resolve("engine/aaa-phase-probe.drl"), """
                package rules.engine
                import io.github.ftzoutbound.engine.facts.Candidate;
                import io.github.ftzoutbound.engine.facts.ItemRuling;
                import io.github.ftzoutbound.engine.facts.OnList;
                global io.github.ftzoutbound.engine.facts.Outcome outcome;
                rule "Probe: the conclusion's phase counts item rulings"
                    @noClause("test")
                    salience 100
                when
                    Number( $n : intValue ) from accumulate( ItemRuling(), count( 1 ) )
                then
                    io.github.ftzoutbound.engine.PhasesTest.SEEN.add( "conclude " + $n );
                    outcome.fired( drools );
                end
                rule "Probe: annotation counts item rulings"
                    @noClause("test")
                    salience 200
                when
                    Number( $n : intValue ) from accumulate( ItemRuling(), count( 1 ) )
                then
                    io.github.ftzoutbound.engine.PhasesTest.SEEN.add( "annotate " + $n );
                    outcome.fired( drools );
                end
                rule "Probe: resolution counts candidates"
                    @noClause("test")
                    salience 300
                when
                    Number( $n : intValue ) from accumulate( Candidate(), count( 1 ) )
                then
                    io.github.ftzoutbound.engine.PhasesTest.SEEN.add( "resolve " + $n );
                    outcome.fired( drools );
                end
                rule "Probe: proposal counts list matches"
                    @noClause("test")
                    salience 400
                when
                    Number( $n : intValue ) from accumulate( OnList(), count( 1 ) )
                then
                    io.github.ftzoutbound.engine.PhasesTest.SEEN.add( "propose " + $n );
                    outcome.fired( drools );
                end
                """);
        ExportDecisionService service = ExportDecisionService.builder().rulesDirectory(rules)
                .allowUnvalidatedRules().build();
        // Ten Zhejiang items, seven of them on the list: classification inserts list matches, proposals candidates.
        String request = Files.readString(Path.of("src/test/resources/requests/ten-items-zhejiang.json"));
        SEEN.clear();
        ExportDecision d = service.evaluateJson(request);
        List<String> seen = List.copyOf(SEEN);
        assertEquals(4, seen.size(), seen::toString);
        assertTrue(seen.get(0).startsWith("propose ") && !seen.get(0).equals("propose 0"), seen::toString);
        assertTrue(seen.get(1).startsWith("resolve ") && Integer.parseInt(seen.get(1).substring(8)) >= 10,
                seen::toString);
        assertEquals("annotate " + d.items().size(), seen.get(2));
        assertEquals("conclude " + d.items().size(), seen.get(3));
        assertEquals(10, d.items().size());
    }
}
