package io.github.ftzoutbound.ledger.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ftzoutbound.cli.Main;
import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: "a killed batch leaves committed exports with no decision record". The command line's
 * {@code evaluate-batch --ledger … --commit}, in a child JVM ({@link CrashCliBatchMain}), is killed with SIGKILL twice
 * at points the parent chooses through a permit handshake on every database commit (no sleeps, no timing): once
 * inside an open transaction, once between a reservation and its commit. After each kill, every row of the ledger,
 * and so every committed export, has its decision record (stored in the reservation's transaction), and
 * {@code ledger export --decisions} gives exactly those records. Then the batch is rerun to the end.
 * On H2 (a file database in the child) and on PostgreSQL ({@code FTZ_PG_URL}; skipped and reported when absent).
 */
class BatchCrashCliTest {
    private static final int LINES = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void dropDatabases() throws Exception {
        LedgerDatabases.dropAll();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static String request(int i, String code) {
        return ("{\"requestId\":\"KILLED-%d\",\"evaluationDate\":\"%s\",\"processor\":{\"ftz\":\"NONE\",\"ciio\":false,"
                + "\"creditCode\":\"%s\"},\"dataItems\":[{\"id\":\"orders\",\"personalInformation\":"
                + "{\"individuals\":%d}}]}").formatted(i, today(), code, 20_000 + i);
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabases.Kind.class)
    void aKilledCommittingBatchLeavesEveryExportWithItsDecisionRecord(LedgerDatabases.Kind kind, @TempDir Path dir)
            throws Exception {
        String url = LedgerDatabases.fresh(kind);
        String code = LedgerDatabases.creditCode(913);
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            in.append(request(i, code)).append('\n');
        }
        Path input = Files.writeString(dir.resolve("in.jsonl"), in.toString());
        int year = Integer.parseInt(today().substring(0, 4));
        try (JdbcExportLedger ledger = JdbcExportLedger.builder(url).open()) {
            assertEquals(0, ledger.records(year).size(), "a fresh ledger");
        }

        // Kill 1: in the 7th transaction's commit, not yet committed (each export: reserve with record, commit).
        List<String> first = runAndKill(url, input, dir.resolve("out-1.jsonl"), 7, true);
        assertFalse(first.stream().anyMatch(l -> l.startsWith("GATE EXIT")), "killed in the middle: " + first);
        int committedAfterFirst = checkEveryRowHasItsRecord(url, year);
        assertTrue(committedAfterFirst >= 1 && committedAfterFirst < LINES, "some exports committed, not all: "
                + committedAfterFirst);

        // Kill 2, on a rerun: right after a commit returned, before the next transaction.
        List<String> second = runAndKill(url, input, dir.resolve("out-2.jsonl"), 8, false);
        assertFalse(second.stream().anyMatch(l -> l.startsWith("GATE EXIT")), "killed in the middle: " + second);
        int committedAfterSecond = checkEveryRowHasItsRecord(url, year);
        assertTrue(committedAfterSecond > committedAfterFirst && committedAfterSecond < LINES,
                committedAfterFirst + " then " + committedAfterSecond);

        // Finish: every request committed once, each with its record; the output holds the new decisions.
        StringWriter err = new StringWriter();
        Main.run(new String[]{"evaluate-batch", input.toString(), dir.resolve("out-3.jsonl").toString(), "--ledger",
                url, "--commit", "--threads", "1"}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                InputStream.nullInputStream());
        assertEquals(LINES, checkEveryRowHasItsRecord(url, year), err.toString());
    }

    /**
     * Every row (reserved, committed, superseded) has its decision record and {@code ledger export --decisions}
     * gives them, matching the rows; no request is committed twice. Returns how many exports are committed.
     */
    private static int checkEveryRowHasItsRecord(String url, int year) throws Exception {
        Map<String, LedgerRecord> rows = new HashMap<>();
        Map<String, Integer> committedPerRequest = new HashMap<>();
        try (JdbcExportLedger ledger = JdbcExportLedger.builder(url).open()) {
            for (LedgerRecord r : ledger.records(year)) {
                rows.put(r.decisionId(), r);
                assertTrue(r.hasDecisionRecord(), r.decisionId() + " (" + r.status() + ") has no decision record");
                if (r.status() == Status.COMMITTED) {
                    committedPerRequest.merge(r.requestId(), 1, Integer::sum);
                }
            }
        }
        committedPerRequest.forEach((request, n) -> assertEquals(1, n, request + " committed " + n + " times"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[]{"ledger", "export", "--year", String.valueOf(year), "--decisions", "--ledger",
                url}, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream());
        assertEquals(0, exit, err.toString());
        List<String> records = out.toString().lines().toList();
        assertEquals(rows.size(), records.size(), "one record per row");
        for (String line : records) {
            JsonNode record = JSON.readTree(line);
            LedgerRecord row = rows.get(record.path("decisionId").asText());
            assertNotNull(row, "a record without its row: " + record.path("decisionId"));
            assertEquals(row.requestId(), record.path("request").path("requestId").asText());
            assertEquals(row.pathway().name(), record.path("pathway").asText());
        }
        return committedPerRequest.size();
    }

    /**
     * Runs the batch in a child JVM, granting every commit until the {@code killAt}-th: with {@code inside}, the
     * child is killed while it waits for that commit's permit (its transaction written, not committed); otherwise
     * the permit is granted and the child is killed once the commit has returned.
     */
    private static List<String> runAndKill(String url, Path input, Path output, int killAt, boolean inside)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                CrashCliBatchMain.class.getName(), "evaluate-batch", input.toString(), output.toString(),
                "--ledger", url, "--commit", "--threads", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new java.util.ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
             Writer permits = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            int commit = 0;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("GATE COMMIT ")) {
                    commit = Integer.parseInt(line.substring("GATE COMMIT ".length()));
                    if (inside && commit == killAt) {
                        child.destroyForcibly(); // SIGKILL inside an open transaction
                        break;
                    }
                    permits.write("NEXT\n");
                    permits.flush();
                } else if (line.startsWith("GATE COMMITTED ") && !inside && commit == killAt) {
                    child.destroyForcibly(); // SIGKILL between two transactions
                    break;
                }
            }
        } catch (IOException e) {
            // The pipe to a child killed while a permit was written: the kill is what this test wants.
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");
        }
        return lines;
    }
}
