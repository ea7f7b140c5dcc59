package io.github.ftzoutbound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ftzoutbound.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.github.ftzoutbound.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger on the command line: --ledger on evaluate and evaluate-batch, and the ledger commands' exit codes. */
class LedgerCliTest {
    private static final String CODE = "91320594MA1WLEDG0T";
    /** These tests decide exports on fixed days of 2026, which a ledger accepts only with a stated reason. */
    static final String OVERRIDE = "test: exports on fixed days of 2026";

    static String request(String id, String date, long individuals) {
        return """
                {"requestId":"%s","evaluationDate":"%s","processor":{"ftz":"NONE","ciio":false,"creditCode":"%s"},
                 "dataItems":[{"id":"orders","personalInformation":{"individuals":%d}}]}"""
                .formatted(id, date, CODE, individuals).replace("\n", " ");
    }

    @Test
    void evaluateReservesCommitRecordsAndTheTotalsAndTheCsvShowIt(@TempDir Path dir) throws Exception {
        String ledger = dir.resolve("ledger").toString();
        Path first = Files.writeString(dir.resolve("first.json"), request("CLI-L1", "2026-11-20", 60_000));
        Run r1 = run("evaluate", first.toString(), "--ledger", ledger, "--date-override", OVERRIDE);
        assertEquals(0, r1.exit(), r1.err());
        JsonNode d1 = r1.json();
        assertEquals("EXEMPT", d1.get("pathway").asText());
        assertEquals("COUNT_ALL", d1.path("ledger").path("policy").asText());
        assertEquals(0, d1.path("ledger").path("totalsBefore").path("individuals").asLong());
        String id = d1.get("decisionId").asText();

        Run commit = run("ledger", "commit", id, "--ledger", ledger);
        assertEquals(0, commit.exit(), commit.err());
        assertEquals("COMMITTED", commit.json().get("status").asText());
        assertEquals(2, run("ledger", "commit", "no-such-decision", "--ledger", ledger).exit());
        Run cancelCommitted = run("ledger", "cancel", id, "--ledger", ledger);
        assertEquals(2, cancelCommitted.exit());
        assertTrue(cancelCommitted.err().contains("reservation-state"), cancelCommitted.err());

        Path second = Files.writeString(dir.resolve("second.json"), request("CLI-L2", "2026-11-21", 45_000));
        Run r2 = run("evaluate", second.toString(), "--ledger", ledger, "--commit", "--date-override", OVERRIDE);
        assertEquals(0, r2.exit(), r2.err());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", r2.json().get("pathway").asText());
        assertEquals(60_000, r2.json().path("ledger").path("totalsBefore").path("individuals").asLong());

        Run totals = run("ledger", "totals", CODE, "2026", "--ledger", ledger);
        assertEquals(0, totals.exit(), totals.err());
        assertEquals(105_000, totals.json().path("committed").path("individuals").asLong());
        assertEquals(2, totals.json().path("committedExports").asLong());
        assertEquals(2, run("ledger", "totals", "91320594MA1WLEDG0X", "2026", "--ledger", ledger).exit());

        Path csv = dir.resolve("2026.csv");
        assertEquals(0, run("ledger", "export", "--year", "2026", "--out", csv.toString(), "--ledger", ledger).exit());
        byte[] bytes = Files.readAllBytes(csv);
        // The UTF-8 byte-order mark first, so that Excel reads the file as UTF-8.
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("decision_id,request_id,credit_code,year,export_date"));
        Run stdout = run("ledger", "export", "--year", "2026", "--ledger", ledger);
        assertEquals(0, stdout.exit());
        assertTrue(stdout.out().startsWith("\uFEFFdecision_id,"), stdout.out());
        assertTrue(stdout.out().contains(",CLI-L2," + CODE + ",2026,2026-11-21,45000,0,"), stdout.out());
        Run noBom = run("ledger", "export", "--year", "2026", "--no-bom", "--ledger", ledger);
        assertTrue(noBom.out().startsWith("decision_id,"), noBom.out());
    }

    @Test
    void invalidInputExitsTwoAndALedgerThatCannotOpenExitsOne(@TempDir Path dir) throws Exception {
        String ledger = dir.resolve("ledger").toString();
        Path both = Files.writeString(dir.resolve("both.json"), """
                {"requestId":"CLI-BOTH","evaluationDate":"2026-11-20",
                 "processor":{"ftz":"NONE","ciio":false,"creditCode":"%s",
                              "exportedThisYear":{"individuals":1,"sensitiveIndividuals":0}},
                 "dataItems":[{"id":"orders","personalInformation":{"individuals":1}}]}""".formatted(CODE));
        Run r = run("evaluate", both.toString(), "--ledger", ledger);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("$.processor.exportedThisYear"), r.err());
        assertEquals("", r.out());
        // Without --ledger the same request is decided: the credit code is informational.
        assertEquals(0, run("evaluate", both.toString()).exit());

        assertEquals(2, run("evaluate", both.toString(), "--ledger", ledger, "--ledger-policy", "COUNT_SOME").exit());
        assertEquals(2, run("evaluate", both.toString(), "--ledger", ledger, "--reservation-ttl", "soon").exit());
        assertEquals(2, run("ledger", "commit", "x").exit(), "--ledger is required");
        assertEquals(2, run("evaluate", both.toString(), "--commit").exit(), "--commit needs --ledger");
        Run broken = run("ledger", "totals", CODE, "2026", "--ledger", "jdbc:nosuchdb://nowhere");
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains("ledger-failed"), broken.err());
    }

    @Test
    void evaluateBatchCommitsInFileOrderThroughTheLedger(@TempDir Path dir) throws Exception {
        String ledger = dir.resolve("ledger").toString();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            in.append(request("B-" + i, "2026-0" + (1 + i % 9) + "-15", 10_000)).append('\n');
        }
        in.append(request("B-0", "2026-01-15", 10_000)).append('\n'); // already committed: an error line
        Path input = Files.writeString(dir.resolve("in.jsonl"), in.toString());
        Path output = dir.resolve("out.jsonl");
        Run r = run("evaluate-batch", input.toString(), output.toString(), "--ledger", ledger, "--commit",
                "--date-override", OVERRIDE, "--threads", "1", "--reservation-ttl", "2h", "--splitting-window", "10");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(13, lines.size());
        for (int i = 0; i < 12; i++) {
            JsonNode d = CliTest.JSON.readTree(lines.get(i));
            assertEquals(i * 10_000L, d.path("ledger").path("totalsBefore").path("individuals").asLong(), "line " + i);
            assertEquals(10, d.path("ledger").path("window").path("days").asInt());
            assertEquals(i < 9 ? "EXEMPT" : "STANDARD_CONTRACT_OR_CERTIFICATION", d.get("pathway").asText(), "line " + i);
        }
        assertTrue(lines.get(12).contains("\"invalid-input\"") && lines.get(12).contains("$.requestId"), lines.get(12));
        Run totals = run("ledger", "totals", CODE, "2026", "--ledger", ledger);
        assertEquals(120_000, totals.json().path("committed").path("individuals").asLong());
        assertEquals(0, totals.json().path("openReservations").asLong());
    }
}
