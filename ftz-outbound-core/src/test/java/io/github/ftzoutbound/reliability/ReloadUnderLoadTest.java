package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reload under load (issue 13): threads evaluate without pause while the rules are reloaded with a good rule set, a
 * broken one, one whose scenarios never return (the reload times out), the bundled one again and the good one again.
 * Every decision names exactly one of the two rule sets that served (never a refused one) and equals, field by field
 * and trace included, the decision a single thread gets from a service built on that rule set alone. The timed-out
 * reload does not block the reloads after it. Each phase waits for the workers to decide under the new rules (a
 * counter per digest, not a sleep); the timeouts are hang guards, not timing assertions.
 */
class ReloadUnderLoadTest {
    static final int THREADS = 4;
    static final Duration HANG_GUARD = Duration.ofMinutes(8);
    static final String OLD_BOUND = "ExportCase( !ciio, annualIndividuals < 100000 )";
    static final String NEW_BOUND = "ExportCase( !ciio, annualIndividuals < 200000 )";
    /** Persons per request: both sides of 100,000, 200,000 and 1,000,000, where the two rule sets differ or agree. */
    static final long[] PERSONS = {5, 99_999, 100_000, 150_000, 199_999, 200_000, 999_999, 1_000_000};

    static String request(int i) {
        return ("{\"requestId\":\"LOAD-%d\",\"evaluationDate\":\"2026-11-23\",\"processor\":{\"ftz\":\"NONE\","
                + "\"ciio\":false},\"dataItems\":[{\"id\":\"staff\",\"personalInformation\":{\"individuals\":%d}}]}")
                .formatted(i, PERSONS[i]);
    }

    /** The bundled rules with CBDF 5(1)(4)'s bound raised to 200,000: a rule set that decides differently. */
    static Path revised(Path dir) throws Exception {
        Path rules = TestServices.copyBundledRules(dir);
        Path file = rules.resolve("cbdf/cbdf-art05-pi-exemptions.drl");
        String drl = Files.readString(file);
        assertTrue(drl.contains(OLD_BOUND), "the test edits this constraint; update the test with the DRL");
        Files.writeString(file, drl.replace(OLD_BOUND, NEW_BOUND));
        Files.writeString(rules.resolve("ruleset.properties"), "version=reload-under-load\n");
        return rules;
    }

    static Path suite(Path dir, String name, String yaml) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".scenario.yaml"), yaml);
        return dir;
    }

    @Test
    void decisionsDuringReloadsNameOneRuleSetAndEqualItsSerialDecisions(@TempDir Path tmp) throws Exception {
        Path good = revised(tmp.resolve("good"));
        Path broken = TestServices.copyBundledRules(tmp.resolve("broken"));
        Files.writeString(broken.resolve("engine/broken.drl"), "package rules.engine\nrule \"half\" when then\n");
        Path looping = TestServices.copyBundledRules(tmp.resolve("looping"));
        Files.writeString(looping.resolve("engine/looping.drl"), """
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;
                rule "Never returns"
                    @noClause("a test of the reload timeout")
                    salience 300
                when
                    $item : ExportItem()
                then
                    try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { throw new RuntimeException(e); }
                end
                """);
        Path goodSuite = suite(tmp.resolve("good-suite"), "revised", """
                - name: After the revision, 150,000 persons a year are exempt
                  request:
                    requestId: REV-1
                    evaluationDate: "2026-11-23"
                    processor: { ftz: NONE, ciio: false }
                    dataItems: [ { id: staff, personalInformation: { individuals: 150000 } } ]
                  expect:
                    pathway: EXEMPT
                """);
        Path bundledSuite = Files.createDirectories(tmp.resolve("bundled-suite"));
        Files.copy(Path.of("../ftz-outbound-core/src/test/resources/scenarios/smoke.scenario.yaml"),
                bundledSuite.resolve("smoke.scenario.yaml"));

        // The serial oracle: each request decided by one thread on a service that only ever had that rule set.
        ExportDecisionService bundledAlone = ExportDecisionService.builder().build();
        ExportDecisionService goodAlone = ExportDecisionService.builder().rulesDirectory(good)
                .allowUnvalidatedRules().build();
        String bundled = bundledAlone.ruleset().digest();
        String revised = goodAlone.ruleset().digest();
        assertFalse(bundled.equals(revised));
        Map<String, List<String>> serial = Map.of(bundled, serial(bundledAlone), revised, serial(goodAlone));
        assertFalse(serial.get(bundled).equals(serial.get(revised)), "the two rule sets must decide differently");

        ExportDecisionService service = ExportDecisionService.builder().build();
        Map<String, AtomicLong> decidedUnder = new ConcurrentHashMap<>();
        Map<String, String> mismatches = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Long>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            workers.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    int i = (int) ((n + offset) % PERSONS.length);
                    ExportDecision d = service.evaluateJson(request(i));
                    String digest = d.ruleset().digest();
                    List<String> expected = serial.get(digest);
                    if (expected == null) {
                        mismatches.putIfAbsent("digest " + digest, "a decision under a rule set that never served");
                    } else if (!expected.get(i).equals(Json.canonical(d, true))) {
                        mismatches.putIfAbsent(digest + " request " + i,
                                Json.diff(expected.get(i), Json.canonical(d, true)));
                    }
                    decidedUnder.computeIfAbsent(digest, k -> new AtomicLong()).incrementAndGet();
                    n++;
                }
                return n;
            }));
        }
        try {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                awaitDecisions(decidedUnder, bundled, 1);

                var first = service.reload(ExportDecisionService.builder().rulesDirectory(good), List.of(goodSuite));
                assertTrue(first.reloaded(), first.errors().toString());
                awaitDecisions(decidedUnder, revised, 1);

                var refused = service.reload(ExportDecisionService.builder().rulesDirectory(broken),
                        List.of(goodSuite));
                assertFalse(refused.reloaded());
                assertTrue(refused.errors().toString().contains("broken.drl"), refused.errors().toString());
                assertEquals(revised, service.ruleset().digest(), "a refused reload leaves the rules serving");

                var timedOut = service.reload(ExportDecisionService.builder().rulesDirectory(looping),
                        List.of(bundledSuite), Duration.ofSeconds(20));
                assertFalse(timedOut.reloaded());
                assertTrue(timedOut.errors().get(0).contains("timed out"), timedOut.errors().toString());
                assertEquals(revised, service.ruleset().digest());

                // Not blocked by the abandoned reload, whose thread may still be compiling or sleeping.
                long before = count(decidedUnder, bundled);
                var back = service.reload(ExportDecisionService.builder(), List.of(bundledSuite));
                assertTrue(back.reloaded(), back.errors().toString());
                awaitDecisions(decidedUnder, bundled, before + 1);

                before = count(decidedUnder, revised);
                var again = service.reload(ExportDecisionService.builder().rulesDirectory(good), List.of(goodSuite));
                assertTrue(again.reloaded(), again.errors().toString());
                awaitDecisions(decidedUnder, revised, before + 1);
            });
        } finally {
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES), "the workers did not stop");
        }
        long total = 0;
        for (Future<Long> w : workers) {
            total += w.get(); // rethrows a worker's exception (an evaluation that failed during a reload)
        }
        assertEquals(Map.of(), mismatches, "decisions during reloads must equal the serial decisions");
        assertEquals(java.util.Set.of(bundled, revised), decidedUnder.keySet());
        assertEquals(total, count(decidedUnder, bundled) + count(decidedUnder, revised));
    }

    private static List<String> serial(ExportDecisionService service) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < PERSONS.length; i++) {
            out.add(Json.canonical(service.evaluateJson(request(i)), true));
        }
        return out;
    }

    private static long count(Map<String, AtomicLong> decided, String digest) {
        AtomicLong n = decided.get(digest);
        return n == null ? 0 : n.get();
    }

    /** Waits until the workers have made at least {@code n} decisions under this rule set (the hang guard bounds it). */
    private static void awaitDecisions(Map<String, AtomicLong> decided, String digest, long n)
            throws InterruptedException {
        while (count(decided, digest) < n) {
            Thread.onSpinWait();
            Thread.sleep(1); // yields the core to the workers; the condition, not the sleep, is what is waited for
        }
    }
}
