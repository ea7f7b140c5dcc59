package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.Requests;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the JVM in the middle of a batch writing to an H2 file ledger, twice, and shows after each restart that
 * no acknowledged commit was lost and nothing was counted twice; then finishes the batch and checks the whole
 * year against a hand count.
 *
 * <p>{@code mvn -B verify} runs it once (15 to 20 s). {@code mvn -B -Pdurability test} runs it
 * {@value #REPEAT_PROPERTY}=20 times in a row, each on a fresh database, and fails on the first failure: the check
 * that the kill-and-restart handshake leaves nothing to timing.
 */
class LedgerDurabilityTest {
    static final String REPEAT_PROPERTY = "ftz.durability.repeat";
    private static final int COUNT = 300;
    private static final String CODE = LedgerDatabases.creditCode(401);

    @TestFactory
    Stream<DynamicTest> aKilledBatchLosesNoCommittedExportAndCountsNoneTwice(@TempDir Path dir) {
        int repeat = Integer.getInteger(REPEAT_PROPERTY, 1);
        return IntStream.rangeClosed(1, repeat).mapToObj(n -> DynamicTest.dynamicTest("run " + n + " of " + repeat,
                () -> killTwiceThenFinish(Files.createDirectory(dir.resolve("run-" + n)))));
    }

    private static void killTwiceThenFinish(Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        Map<Integer, String> acknowledged = new HashMap<>();
        // Per run, the one export the child was allowed to start after its last acknowledgement.
        Set<Integer> allowedUnacknowledged = new HashSet<>();

        for (int killAfter : new int[]{40, 80}) {
            List<String> lines = runAndKill(url, killAfter);
            assertFalse(lines.contains("DONE"), "the batch must be killed in the middle, not finish: " + lines.size());
            int last = -1;
            for (String line : lines) {
                if (line.startsWith("COMMITTED ") || line.startsWith("ALREADY ")) {
                    String[] f = line.split(" ");
                    last = Integer.parseInt(f[1]);
                    if (line.startsWith("COMMITTED ")) {
                        acknowledged.put(last, f[2]);
                    }
                }
            }
            allowedUnacknowledged.add(last + 1);
            // After the crash: every acknowledged commit is there, committed, and no request counts twice.
            try (JdbcExportLedger ledger = JdbcExportLedger.builder(url).open()) {
                Map<String, LedgerRecord> byDecision = new HashMap<>();
                Map<String, Integer> committedPerRequest = new HashMap<>();
                long committedPersons = 0;
                for (LedgerRecord r : ledger.records(2026)) {
                    byDecision.put(r.decisionId(), r);
                    if (r.status() == Status.COMMITTED) {
                        committedPerRequest.merge(r.requestId(), 1, Integer::sum);
                        committedPersons += r.persons().individuals();
                    }
                }
                for (Map.Entry<Integer, String> a : acknowledged.entrySet()) {
                    LedgerRecord r = byDecision.get(a.getValue());
                    assertNotNull(r, "acknowledged commit of export " + a.getKey() + " lost");
                    assertEquals(Status.COMMITTED, r.status(), "export " + a.getKey());
                }
                committedPerRequest.forEach((request, n) -> assertEquals(1, n, request + " committed " + n + " times"));
                // The handshake lets the child start exactly one export past its last acknowledged one, so that
                // one may or may not have been committed when the kill landed; no other export can be.
                for (String request : committedPerRequest.keySet()) {
                    int i = Integer.parseInt(request.substring("CRASH-".length()));
                    assertTrue(acknowledged.containsKey(i) || allowedUnacknowledged.contains(i),
                            "export " + i + " is committed but was neither acknowledged nor the one allowed next: "
                                    + allowedUnacknowledged);
                }
                long expected = 0;
                for (String request : committedPerRequest.keySet()) {
                    expected += CrashBatchMain.persons(Integer.parseInt(request.substring("CRASH-".length())));
                }
                assertEquals(expected, committedPersons);
                assertEquals(new PersonCounts(committedPersons, 0), ledger.totals(CODE, 2026).committed());
            }
        }

        // Restart in this JVM and finish the batch: already committed exports are refused, not counted again.
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JdbcExportLedger ledger = JdbcExportLedger.builder(url).open()) {
            CrashBatchMain.run(TestServices.bundled().withLedger(ledger).withEvaluationDateOverride("test: exports dated across the year"), ledger, CODE, COUNT,
                    new PrintStream(buffer, true, StandardCharsets.UTF_8));
            long already = buffer.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("ALREADY")).count();
            assertTrue(already >= acknowledged.size(), "every committed export is refused on the rerun: " + already);

            // The whole year against a hand count: export i saw exactly the exports before it.
            long total = 0;
            Map<String, LedgerRecord> committed = new HashMap<>();
            for (LedgerRecord r : ledger.records(2026)) {
                if (r.status() == Status.COMMITTED) {
                    assertEquals(null, committed.put(r.requestId(), r), r.requestId() + " committed twice");
                }
            }
            assertEquals(COUNT, committed.size());
            for (int i = 0; i < COUNT; i++) {
                LedgerRecord r = committed.get(CrashBatchMain.requestId(i));
                assertEquals(total, r.totalsBefore().individuals(), "export " + i + " totals before it");
                assertEquals(Requests.tier(total + CrashBatchMain.persons(i), 0), r.pathway(), "export " + i);
                total += CrashBatchMain.persons(i);
            }
            assertEquals(new PersonCounts(total, 0), ledger.totals(CODE, 2026).committed());
            assertEquals(0, ledger.totals(CODE, 2026).openReservations());
            assertTrue(total >= 1_000_000, "the year crosses both tiers: " + total);
            assertEquals(Pathway.SECURITY_ASSESSMENT, committed.get(CrashBatchMain.requestId(COUNT - 1)).pathway());
        }
    }

    /**
     * Starts the batch in a child JVM, lets it run export after export, one permit at a time, and kills it
     * (SIGKILL) once it has acknowledged killAfter commits and been allowed one more export. The kill lands
     * somewhere in that last export (before it starts, while it is decided, while it is committed, or after), so
     * the child has committed exactly killAfter exports or killAfter + 1: never more, whatever the timing.
     */
    private static List<String> runAndKill(String url, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CrashBatchMain.class.getName(), url, CODE,
                String.valueOf(COUNT))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
             Writer permits = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            int committed = 0;
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                // The child waits for a permit after READY and after each export, committed or refused as ALREADY.
                if (line.equals("READY") || line.startsWith("COMMITTED ") || line.startsWith("ALREADY ")) {
                    if (line.startsWith("COMMITTED ")) {
                        committed++;
                    }
                    permits.write("NEXT\n"); // one more export
                    permits.flush();
                    if (committed == killAfter) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no H2 close
                        break;
                    }
                }
            }
            // Nothing the child may have written after the last permit is read: only what this side saw counts as
            // acknowledged, as for a caller that crashed with the child.
        } catch (IOException e) {
            // The pipe to a child killed while the permit was written: the kill is what this test wants.
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");
        }
        assertEquals(killAfter, lines.stream().filter(l -> l.startsWith("COMMITTED ")).count(),
                "the child acknowledged exactly the commits the test allowed before the kill");
        return lines;
    }
}
