package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecisionService;
import org.junit.jupiter.api.AfterEach;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled rule set loaded on a second thread while picocli parses (issue 14, step 6; off unless
 * {@code -Dftz.cli.preload=true}): a command uses it only
 * when its options describe the bundled rule set, and a load that fails in the background ends the command exactly
 * as the same failure on the main thread does (same stderr, same exit code, nothing on stdout).
 */
class RuleSetPreloadTest {
    @TempDir
    static Path tmp;
    static Path broken;
    static Path passing;
    static String request;

    @BeforeAll
    static void setUp() throws Exception {
        broken = TestServices.copyBundledRules(tmp.resolve("broken"));
        Path drl = broken.resolve("cbdf/cbdf-art05-pi-exemptions.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then x( end\n");
        passing = Files.createDirectories(tmp.resolve("passing"));
        Files.copy(Path.of("../ftz-outbound-core/src/test/resources/scenarios/smoke.scenario.yaml"),
                passing.resolve("smoke.scenario.yaml"));
        request = CliTest.request("2026-11-23", "AUTOMOTIVE_MANUFACTURING", null, 10).replace("\n", " ");
    }

    @AfterEach
    void dropUnusedLoad() {
        RuleSetPreload.clear();
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
    void startsOnlyForACommandThatLoadsTheBundledRuleSet() {
        assertTrue(RuleSetPreload.wanted(new String[]{"evaluate", "req.json"}, null));
        assertTrue(RuleSetPreload.wanted(new String[]{"--lang", "zh", "evaluate", "req.json", "--compact"}, null));
        for (String command : List.of("evaluate-batch", "explain", "replay", "test", "coverage")) {
            assertTrue(RuleSetPreload.wanted(new String[]{command, "x"}, ""), command);
        }
        // Another rule set, help, an argument file (it may name --rules), an allowlist, no command, other commands.
        for (String[] args : List.of(new String[]{"evaluate", "r.json", "--rules", "dir"},
                new String[]{"evaluate", "r.json", "--rules=dir"}, new String[]{"evaluate", "r.json", "--lists", "d"},
                new String[]{"evaluate", "r.json", "--lists=d"}, new String[]{"evaluate", "r.json", "--no-bundled-lists"},
                new String[]{"evaluate", "r.json", "--allowed-digests", "f"}, new String[]{"evaluate", "--help"},
                new String[]{"evaluate", "-h"}, new String[]{"--version"}, new String[]{"evaluate", "@args.txt"},
                new String[]{}, new String[]{"help", "evaluate"}, new String[]{"lint-lists", "d"},
                new String[]{"validate-rules", "d"}, new String[]{"serve"}, new String[]{"report", "r.json"})) {
            assertFalse(RuleSetPreload.wanted(args, null), String.join(" ", args));
        }
        assertFalse(RuleSetPreload.wanted(new String[]{"evaluate", "r.json"}, "/etc/digests"));
    }

    @Test
    void offUnlessAskedFor() {
        // This JVM runs without -Dftz.cli.preload=true: main() starts nothing, and a command builds its own.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("ftz.cli.preload") == null);
        assertFalse(RuleSetPreload.startFor(new String[]{"evaluate", "req.json"}, null));
        RuleSetPreload.clear();
    }

    @Test
    void evaluateDecidesWithThePreloadedServiceAndTakesItOnce() {
        AtomicInteger loads = new AtomicInteger();
        assertTrue(RuleSetPreload.start(() -> {
            loads.incrementAndGet();
            return TestServices.bundled();
        }));
        Run preloaded = run("evaluate", "-", "--compact");
        assertEquals(Main.DECIDED, preloaded.exit(), preloaded.err());
        assertEquals(1, loads.get());
        // Taken: the next run builds its own, and decides the same.
        Run own = run("evaluate", "-", "--compact");
        assertEquals(Main.DECIDED, own.exit(), own.err());
        assertEquals(1, loads.get());
        assertEquals(withoutIds(own.out()), withoutIds(preloaded.out()));
        assertTrue(preloaded.out().contains("\"pathway\""), preloaded.out());
    }

    @Test
    void aRulesDirectoryIsNeverServedByThePreloadedBundledRuleSet() {
        AtomicInteger loads = new AtomicInteger();
        RuleSetPreload.start(() -> {
            loads.incrementAndGet();
            return TestServices.bundled();
        });
        // The broken directory must fail as it does without a preload: the bundled rule set does not stand in.
        Run r = run("evaluate", "-", "--rules", broken.toString(), "--scenarios", passing.toString());
        assertEquals(Main.RULES_FAILED, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("cbdf-art05-pi-exemptions.drl"), r.err());
    }

    @Test
    void aBrokenRuleSetLoadedInTheBackgroundFailsExactlyAsOnTheMainThread() {
        Run direct = run("evaluate", "-", "--rules", broken.toString(), "--scenarios", passing.toString());
        assertEquals(Main.RULES_FAILED, direct.exit(), direct.err());
        assertTrue(direct.err().contains("\"rules-failed\"") && direct.err().contains("cbdf-art05-pi-exemptions.drl"),
                direct.err());

        // The same load, on the preload thread, taken by a command that names no --rules.
        RuleSetPreload.start(() -> ExportDecisionService.builder().rulesDirectory(broken)
                .scenarioSuites(List.of(passing)).build());
        Run background = run("evaluate", "-");
        assertEquals(direct, background);

        RuleSetPreload.start(() -> ExportDecisionService.builder().rulesDirectory(broken)
                .scenarioSuites(List.of(passing)).build());
        Run chinese = run("--lang", "zh", "evaluate", "-");
        assertEquals(run("--lang", "zh", "evaluate", "-", "--rules", broken.toString(), "--scenarios",
                passing.toString()), chinese);
        assertTrue(chinese.err().contains("messageZh"), chinese.err());
    }

    @Test
    void anUnexpectedFailureOfTheLoadIsAFailureAndDecidesNothing() {
        RuleSetPreload.start(() -> {
            throw new IllegalStateException("the rule base could not be built");
        });
        Run r = run("evaluate", "-");
        assertEquals(Main.FAILURE, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("\"failure\"") && r.err().contains("the rule base could not be built"), r.err());
    }

    @Test
    void invalidInputIsRefusedWithoutWaitingForTheRules() throws Exception {
        // A load that never finishes: a command that stops at its input must not wait for it.
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        RuleSetPreload.start(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("not reached");
        });
        Run r = run("evaluate", tmp.resolve("missing.json").toString());
        assertEquals(Main.INVALID_INPUT, r.exit(), r.err());
        assertEquals("", r.out());
        never.countDown();
    }

    /** The parts of a decision that differ between any two runs. */
    private static String withoutIds(String json) {
        return json.replaceAll("\"decisionId\":\"[^\"]*\"", "").replaceAll("\"evaluatedAt\":\"[^\"]*\"", "");
    }
}
