package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, item 4: "a non-bundled rule set must pass scenario suites before it serves". A reload already had to;
 * {@code evaluate --rules DIR} (and evaluate-batch, explain, serve) served any rule set that compiled. Now they go
 * through the same gate as a reload, after the digest allowlist, and fail closed with exit 3 and nothing decided.
 */
class RulesScenarioGateTest {
    @TempDir
    static Path tmp;
    static Path rules;
    static Path passing;
    static Path failing;
    static String request;

    @BeforeAll
    static void setUp() throws Exception {
        rules = TestServices.copyBundledRules(tmp.resolve("rules"));
        passing = Files.createDirectories(tmp.resolve("passing"));
        Files.copy(Path.of("../ftz-outbound-core/src/test/resources/scenarios/smoke.scenario.yaml"),
                passing.resolve("smoke.scenario.yaml"));
        failing = Files.createDirectories(tmp.resolve("failing"));
        // The smoke scenario with the wrong pathway: what a rule set that decides differently would produce.
        Files.writeString(failing.resolve("wrong.scenario.yaml"),
                Files.readString(passing.resolve("smoke.scenario.yaml"))
                        .replace("name: Jiangsu e-commerce", "name: WRONG-EXPECTATION Jiangsu e-commerce")
                        .replace("pathway: STANDARD_CONTRACT_OR_CERTIFICATION", "pathway: EXEMPT"));
        request = CliTest.request("2026-11-23", "AUTOMOTIVE_MANUFACTURING", null, 10).replace("\n", " ");
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void evaluateWithRulesAndNoSuitesDecidesNothing() {
        Run r = run("evaluate", "-", "--rules", rules.toString());
        assertEquals(Main.RULES_FAILED, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("must pass scenario suites before it serves") && r.err().contains("--scenarios"),
                r.err());
    }

    @Test
    void evaluateWithRulesThatFailASuiteDecidesNothingAndNamesTheScenario() {
        Run r = run("evaluate", "-", "--rules", rules.toString(), "--scenarios", failing.toString());
        assertEquals(Main.RULES_FAILED, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("WRONG-EXPECTATION") && r.err().contains("1 problem(s)"), r.err());
    }

    @Test
    void evaluateWithRulesThatPassTheirSuitesDecides() {
        Run r = run("evaluate", "-", "--rules", rules.toString(), "--scenarios", passing.toString());
        assertEquals(Main.DECIDED, r.exit(), r.err());
        assertTrue(r.out().contains("\"pathway\""), r.out());
    }

    @Test
    void anEmptyOrMissingSuiteFolderIsNoGate() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-scenarios"));
        Run e = run("evaluate", "-", "--rules", rules.toString(), "--scenarios", empty.toString());
        assertEquals(Main.RULES_FAILED, e.exit(), e.err());
        assertEquals("", e.out());
        assertTrue(e.err().contains("no scenario in this folder"), e.err());
        Run m = run("evaluate", "-", "--rules", rules.toString(), "--scenarios", tmp.resolve("missing").toString());
        assertEquals(Main.RULES_FAILED, m.exit(), m.err());
    }

    @Test
    void theRulesDirectorysOwnScenariosFolderIsTheDefaultGate(@TempDir Path own) throws Exception {
        Path withSuites = TestServices.copyBundledRules(own.resolve("rules"));
        Files.createDirectories(withSuites.resolve("scenarios"));
        Files.copy(failing.resolve("wrong.scenario.yaml"), withSuites.resolve("scenarios/wrong.scenario.yaml"));
        Path batchOut = own.resolve("out.jsonl");
        Path in = Files.writeString(own.resolve("in.jsonl"), request + "\n");
        Run r = run("evaluate-batch", in.toString(), batchOut.toString(), "--rules", withSuites.toString());
        assertEquals(Main.RULES_FAILED, r.exit(), r.err());
        assertTrue(r.err().contains("WRONG-EXPECTATION"), r.err());
        assertTrue(!Files.exists(batchOut) || Files.size(batchOut) == 0, "nothing decided");
    }

    @Test
    void explainOfARequestIsGatedToo() throws Exception {
        Path req = Files.writeString(tmp.resolve("request.json"), request);
        Run gated = run("explain", req.toString(), "--rules", rules.toString());
        assertEquals(Main.RULES_FAILED, gated.exit(), gated.err());
        assertEquals("", gated.out());
        assertTrue(gated.err().contains("must pass scenario suites"), gated.err());
    }

    @Test
    void theLibraryGateRefusesAnEmptySuiteListAndLeavesTheBundledRulesAlone() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> ExportDecisionService.builder()
                .rulesDirectory(rules).scenarioSuites(List.of()).build());
        assertTrue(e.problems().get(0).contains("no scenario suite given"), e.problems().toString());
        // The bundled rules are tested with the release: suites given to a bundled build are not run.
        assertEquals(TestServices.bundled().ruleset().digest(), ExportDecisionService.builder()
                .scenarioSuites(List.of(failing)).build().ruleset().digest());
    }
}
