package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.github.ftzoutbound.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Nothing lost: output that cannot be written never ends in exit 0, and a batch never overwrites its input. */
class OutputLossTest {
    private static final String CODE = "91320594MA1WLEDG0T";

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    static String request(String id) {
        return CliTest.request(today(), "RETAIL", null, 5).replace("CLI-1", id);
    }

    static String ledgerRequest(String id, long individuals) {
        return LedgerCliTest.request(id, today(), individuals);
    }

    /** Standard output that fails every write, as a full disk or a closed pipe does. */
    static Run runWithBrokenStdout(byte[] stdin, String... args) {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(new OutputStreamWriter(broken, StandardCharsets.UTF_8)),
                new PrintWriter(err), new ByteArrayInputStream(stdin));
        return new Run(exit, "", err.toString());
    }

    @Test
    void batchRefusesTheSameFileAsInputAndOutputBeforeTouchingIt(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), request("S-1") .replace("\n", " ") + "\n");
        byte[] before = Files.readAllBytes(in);

        Run same = run("evaluate-batch", in.toString(), in.toString());
        assertEquals(2, same.exit(), same.err());
        assertTrue(same.err().contains("same file"), same.err());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(in));

        Run dotted = run("evaluate-batch", in.toString(), dir.resolve(".").resolve("in.jsonl").toString());
        assertEquals(2, dotted.exit(), dotted.err());

        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);
        Run viaLink = run("evaluate-batch", in.toString(), link.toString());
        assertEquals(2, viaLink.exit(), viaLink.err());

        Path hard = Files.createLink(dir.resolve("hard.jsonl"), in);
        Run viaHardLink = run("evaluate-batch", hard.toString(), in.toString());
        assertEquals(2, viaHardLink.exit(), viaHardLink.err());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(in));

        Run other = run("evaluate-batch", in.toString(), dir.resolve("out.jsonl").toString());
        assertEquals(0, other.exit(), other.err());
    }

    @Test
    void evaluateWithBrokenStdoutExitsNonZero() {
        Run r = runWithBrokenStdout(request("B-1").getBytes(StandardCharsets.UTF_8), "evaluate", "-");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("output-failed"), r.err());
    }

    @Test
    void lostOutputIsReportedInChineseWithLangZh() {
        Run r = runWithBrokenStdout(request("B-1ZH").getBytes(StandardCharsets.UTF_8), "--lang", "zh", "evaluate", "-");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("output-failed"), r.err());
        assertTrue(r.err().contains("未能写入标准输出"), r.err());
    }

    @Test
    void explainWithBrokenStdoutExitsNonZero(@TempDir Path dir) throws Exception {
        Path req = Files.writeString(dir.resolve("r.json"), request("B-2"));
        Run r = runWithBrokenStdout(new byte[0], "explain", req.toString());
        assertEquals(1, r.exit(), r.err());
    }

    @Test
    void aDecisionWhoseOutputWasLostIsNotCommitted(@TempDir Path dir) throws Exception {
        String ledger = dir.resolve("ledger").toString();
        Run lost = runWithBrokenStdout(ledgerRequest("LOST-1", 60_000).getBytes(StandardCharsets.UTF_8),
                "evaluate", "-", "--ledger", ledger, "--commit");
        assertEquals(1, lost.exit(), lost.err());
        assertTrue(lost.err().contains("not committed"), lost.err());
        Run totals = run("ledger", "totals", CODE, today().substring(0, 4), "--ledger", ledger);
        assertEquals(0, totals.exit(), totals.err());
        assertEquals(0, totals.json().path("committed").path("individuals").asLong(), totals.out());
        assertEquals(60_000, totals.json().path("reserved").path("individuals").asLong(), totals.out());
        // Evaluated again with its output written, the same request commits (the reservation is superseded).
        Path req = Files.writeString(dir.resolve("again.json"), ledgerRequest("LOST-1", 60_000));
        Run again = run("evaluate", req.toString(), "--ledger", ledger, "--commit");
        assertEquals(0, again.exit(), again.err());
    }

    @Test
    void batchToAFullDeviceExitsNonZero(@TempDir Path dir) throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is not there");
        Path in = Files.writeString(dir.resolve("in.jsonl"), request("F-1").replace("\n", " ") + "\n");
        Run r = run("evaluate-batch", in.toString(), full.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("output-failed"), r.err());
    }

    @Test
    void ledgerExportToStdoutThatFailsExitsNonZero(@TempDir Path dir) throws Exception {
        String ledger = dir.resolve("ledger").toString();
        Path req = Files.writeString(dir.resolve("r.json"), ledgerRequest("E-1", 10));
        assertEquals(0, run("evaluate", req.toString(), "--ledger", ledger).exit());
        Run r = runWithBrokenStdout(new byte[0], "ledger", "export", "--year", today().substring(0, 4),
                "--ledger", ledger);
        assertEquals(1, r.exit(), r.err());
    }
}
