package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.model.Pathway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The legal team's loop: copy the rules, change a threshold, validate, test, measure coverage, reload into a
 * running service; a broken edit is refused with file and line while the old rules keep answering.
 */
class LegalWorkflowTest {
    /** A hypothetical revision: the CBDF Art. 5 item 4 exemption raised from 100,000 to 200,000 persons. */
    static final String OLD_BOUND = "ExportCase( !ciio, annualIndividuals < 100000 )";
    static final String NEW_BOUND = "ExportCase( !ciio, annualIndividuals < 200000 )";

    static final String REVISED_SCENARIO = """
            - name: After the revision, 150,000 persons a year are exempt
              request:
                requestId: REV-1
                evaluationDate: "2026-11-23"
                processor: { ftz: NONE, ciio: false }
                dataItems: [ { id: staff, personalInformation: { individuals: 150000 } } ]
              expect:
                pathway: EXEMPT
                itemCitations: { staff: [ { instrument: CBDF, article: 5, paragraph: 1, item: 4 } ] }
            """;

    static String request(long individuals) {
        return """
                {"requestId":"W","evaluationDate":"2026-11-23","processor":{"ftz":"NONE","ciio":false},
                 "dataItems":[{"id":"staff","personalInformation":{"individuals":%d}}]}""".formatted(individuals);
    }

    static Path revisedRules(Path dir) throws Exception {
        Path rules = TestServices.copyBundledRules(dir);
        Path file = rules.resolve("cbdf/cbdf-art05-pi-exemptions.drl");
        String drl = Files.readString(file);
        assertTrue(drl.contains(OLD_BOUND), "the test edits this constraint; update the test with the DRL");
        Files.writeString(file, drl.replace(OLD_BOUND, NEW_BOUND));
        Files.writeString(rules.resolve("ruleset.properties"), "version=revision-test\n");
        return rules;
    }

    static Path suite(Path dir, String yaml) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("revision.scenario.yaml"), yaml);
        return dir;
    }

    @Test
    void validateTestAndCoverageReportTheConsequencesOfAnEdit(@TempDir Path tmp) throws Exception {
        Path rules = revisedRules(tmp.resolve("rules"));
        CliTest.Run valid = CliTest.run("validate-rules", rules.toString());
        assertEquals(0, valid.exit(), valid.out());
        assertTrue(valid.out().contains("revision-test") && valid.out().contains("clean"), valid.out());

        // The project's own suites catch the change: some case at 100,000–199,999 now fails.
        CliTest.Run old = CliTest.run("test", "../ftz-outbound-core/src/test/resources/scenarios", "--rules", rules.toString());
        assertEquals(1, old.exit(), old.out());
        assertTrue(old.out().lines().reduce((a, b) -> b).orElse("").matches("\\d+ passed, [1-9]\\d* failed"), old.out());

        Path suites = suite(tmp.resolve("suites"), REVISED_SCENARIO);
        CliTest.Run revised = CliTest.run("test", suites.toString(), "--rules", rules.toString());
        assertEquals(0, revised.exit(), revised.out());
        assertTrue(revised.out().endsWith("1 passed, 0 failed\n") || revised.out().contains("1 passed, 0 failed"), revised.out());
        CliTest.Run underBundled = CliTest.run("test", suites.toString());
        assertEquals(1, underBundled.exit(), "the bundled rules still say standard contract at 150,000");

        CliTest.Run coverage = CliTest.run("coverage", suites.toString(), "--rules", rules.toString(),
                "--json", tmp.resolve("cov.json").toString());
        assertEquals(1, coverage.exit(), "one scenario cannot fire every rule");
        assertTrue(coverage.out().contains("CBDF 5(1)(4)") && coverage.out().contains("CBDF art5 para1 item4"),
                coverage.out());
        assertTrue(Files.readString(tmp.resolve("cov.json")).contains("\"rulesTotal\""));
    }

    @Test
    void aBrokenEditIsReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = revisedRules(tmp.resolve("rules"));
        Path file = rules.resolve("cbdf/cbdf-art05-pi-exemptions.drl");
        Files.writeString(file, Files.readString(file).replace(NEW_BOUND, "annualIndividuals < )"));
        CliTest.Run r = CliTest.run("validate-rules", rules.toString());
        assertEquals(3, r.exit());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("rules/cbdf/cbdf-art05-pi-exemptions\\.drl:\\d+: .+")), r.out());
        assertEquals(3, CliTest.run("test", "../ftz-outbound-core/src/test/resources/scenarios", "--rules", rules.toString()).exit());
    }

    @Test
    void aMalformedSuiteExitsTwo(@TempDir Path tmp) throws Exception {
        Path suites = suite(tmp, "- name: no request\n  expect: {}\n");
        assertEquals(2, CliTest.run("test", suites.toString()).exit());
        suite(tmp, "- name: x\n  request: {}\n  expect: { pathwy: EXEMPT }\n");
        assertEquals(2, CliTest.run("test", tmp.toString()).exit());
    }

    @Test
    void reloadSwapsOnlyACandidateThatCompilesAndPassesItsSuites(@TempDir Path tmp) throws Exception {
        ExportDecisionService service = ExportDecisionService.builder().build();
        String bundledDigest = service.ruleset().digest();
        assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, service.evaluateJson(request(150000)).pathway());

        // A broken candidate: refused with file and line, the old rules keep answering.
        Path broken = revisedRules(tmp.resolve("broken"));
        Path file = broken.resolve("cbdf/cbdf-art05-pi-exemptions.drl");
        Files.writeString(file, Files.readString(file).replace(NEW_BOUND, "annualIndividuals < )"));
        var refused = service.reload(ExportDecisionService.builder().rulesDirectory(broken)
                .allowUnvalidatedRules(), List.of());
        assertFalse(refused.reloaded());
        assertTrue(refused.errors().get(0).startsWith("rules/cbdf/cbdf-art05-pi-exemptions.drl:"), refused.errors()::toString);
        assertEquals(bundledDigest, service.ruleset().digest());

        // A candidate that compiles but fails the project's suites: refused.
        Path revised = revisedRules(tmp.resolve("revised"));
        var failing = service.reload(ExportDecisionService.builder().rulesDirectory(revised),
                List.of(Path.of("../ftz-outbound-core/src/test/resources/scenarios")));
        assertFalse(failing.reloaded());
        assertFalse(failing.errors().isEmpty());
        assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, service.evaluateJson(request(150000)).pathway());

        // The same candidate with the suite written for the revision: live, no restart.
        var live = service.reload(ExportDecisionService.builder().rulesDirectory(revised),
                List.of(suite(tmp.resolve("suites"), REVISED_SCENARIO)));
        assertTrue(live.reloaded(), live.errors()::toString);
        assertEquals("revision-test", service.ruleset().version());
        assertNotEquals(bundledDigest, service.ruleset().digest());
        ExportDecision after = service.evaluateJson(request(150000));
        assertEquals(Pathway.EXEMPT, after.pathway());
        assertEquals("revision-test", after.ruleset().version());
    }

    @Test
    void evaluationsDuringAReloadAreEachWhollyOldOrWhollyNew(@TempDir Path tmp) throws Exception {
        ExportDecisionService service = ExportDecisionService.builder().build();
        String oldDigest = service.ruleset().digest();
        Path revised = revisedRules(tmp.resolve("revised"));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<ExportDecision>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                List<ExportDecision> seen = new ArrayList<>();
                while (!stop.get() || seen.size() < 50) {
                    seen.add(service.evaluateJson(request(150000)));
                }
                return seen;
            }));
        }
        Thread.sleep(100);
        var result = service.reload(ExportDecisionService.builder().rulesDirectory(revised)
                .allowUnvalidatedRules(), List.of());
        assertTrue(result.reloaded(), result.errors()::toString);
        String newDigest = service.ruleset().digest();
        Thread.sleep(100);
        stop.set(true);
        int oldSeen = 0;
        int newSeen = 0;
        for (Future<List<ExportDecision>> f : futures) {
            for (ExportDecision d : f.get(60, TimeUnit.SECONDS)) {
                if (d.ruleset().digest().equals(oldDigest)) {
                    oldSeen++;
                    assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, d.pathway());
                } else {
                    newSeen++;
                    assertEquals(newDigest, d.ruleset().digest());
                    assertEquals(Pathway.EXEMPT, d.pathway());
                }
            }
        }
        pool.shutdown();
        assertTrue(oldSeen > 0 && newSeen > 0, "saw " + oldSeen + " old and " + newSeen + " new decisions");
    }
}
