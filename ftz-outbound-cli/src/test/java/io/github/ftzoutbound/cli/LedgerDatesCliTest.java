package io.github.ftzoutbound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ftzoutbound.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.ftzoutbound.cli.CliTest.JSON;
import static io.github.ftzoutbound.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evaluation dates and durable decision records on the command line (issue 13). */
class LedgerDatesCliTest {
    @Test
    void aFarDateIsRefusedWithALedgerUnlessOverriddenAndTheOverrideIsRecorded(@TempDir Path dir) throws Exception {
        String ledger = dir.resolve("ledger").toString();
        Path far = Files.writeString(dir.resolve("far.json"), LedgerCliTest.request("FAR", "2099-06-01", 90_000));
        Run refused = run("evaluate", far.toString(), "--ledger", ledger);
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("$.evaluationDate"), refused.err());
        Run stillRefused = run("evaluate", far.toString(), "--ledger", ledger, "--date-override", "back-filling");
        assertEquals(2, stillRefused.exit(), stillRefused.err());
        assertEquals(2, run("evaluate", far.toString()).exit(), "2099 is out of range without a ledger too");

        Path earlier = Files.writeString(dir.resolve("earlier.json"),
                LedgerCliTest.request("EARLIER", OutputLossTest.today().substring(0, 4) + "-01-02", 60_000));
        assertEquals(2, run("evaluate", earlier.toString(), "--date-override", "no ledger").exit());
        Run overridden = run("evaluate", earlier.toString(), "--ledger", ledger, "--commit",
                "--date-override", "back-filling January");
        assertEquals(0, overridden.exit(), overridden.err());
        assertEquals("back-filling January", overridden.json().path("ledger").path("evaluationDateOverride").asText());

        Run records = run("ledger", "export", "--year", OutputLossTest.today().substring(0, 4), "--decisions",
                "--ledger", ledger);
        assertEquals(0, records.exit(), records.err());
        JsonNode record = JSON.readTree(records.out().strip());
        assertEquals(overridden.json().get("decisionId"), record.get("decisionId"));
        assertEquals("EARLIER", record.path("request").path("requestId").asText());
    }

    @Test
    void everyDecisionOfACommittedBatchIsInTheLedgerEvenWhenTheOutputIsLost(@TempDir Path dir) throws Exception {
        String ledger = dir.resolve("ledger").toString();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            in.append(OutputLossTest.ledgerRequest("LOST-" + i, 1_000)).append('\n');
        }
        Path input = Files.writeString(dir.resolve("in.jsonl"), in.toString());
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is not there");
        Run r = run("evaluate-batch", input.toString(), full.toString(), "--ledger", ledger, "--commit",
                "--threads", "1");
        assertEquals(1, r.exit(), r.err());
        Run totals = run("ledger", "totals", "91320594MA1WLEDG0T", OutputLossTest.today().substring(0, 4),
                "--ledger", ledger);
        long committed = totals.json().path("committedExports").asLong();
        Run records = run("ledger", "export", "--year", OutputLossTest.today().substring(0, 4), "--decisions",
                "--ledger", ledger);
        long open = totals.json().path("openReservations").asLong();
        long stored = records.out().lines().count();
        // The batch stopped at the failed write; every decision it made (committed or not) has its record.
        assertTrue(committed >= 1, totals.out());
        assertEquals(committed + open, stored, "every decision made has its record: " + records.out());
    }
}
