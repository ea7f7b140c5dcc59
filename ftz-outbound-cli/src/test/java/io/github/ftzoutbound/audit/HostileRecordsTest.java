package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** replay, report and explain read records strictly, survive bad ones, and escape what they show (issue 13). */
class HostileRecordsTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream());
        return new Run(exit, out.toString(), err.toString());
    }

    static String record(String requestId) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        ExportDecision d = TestServices.bundled().evaluateJson("""
                {"requestId":"%s","evaluationDate":"%s","processor":{"ftz":"NONE","ciio":false},
                 "dataItems":[{"id":"a","personalInformation":{"individuals":5}}]}"""
                .formatted(requestId, today), true);
        return DecisionJson.toJson(d, false);
    }

    @Test
    void recordsAreReadStrictly() throws Exception {
        String good = record("STRICT");
        assertEquals("STRICT", Records.read(good).requestId());
        List<String> bad = List.of(
                good.replaceFirst("\\{", "{\"unknownField\":1,"),
                good.replaceFirst("\\{", "{\"requestId\":\"DUP\","),
                good.replace("\"individuals\":5", "\"individuals\":\"5\""),
                good.replace("\"pathway\":\"EXEMPT\"", "\"pathway\":0"),
                good.replaceFirst("\"row\":(\\d+)", "\"row\":\"$1\""),
                good.replaceFirst("\"pathway\":\"EXEMPT\",", ""),
                good + " {}");
        for (String b : bad) {
            assertFalse(b.equals(good), "the mutation must change the record");
            assertThrows(IOException.class, () -> Records.read(b), b.substring(0, Math.min(200, b.length())));
        }
    }

    @Test
    void oneBadRecordNeitherAbortsReplayNorReportAndTheExitSaysSo(@TempDir Path dir) throws Exception {
        String good = record("GOOD");
        String missing = good.replaceFirst("\"pathway\":\"EXEMPT\",", "").replace("GOOD", "MISSING");
        Path in = Files.writeString(dir.resolve("records.jsonl"), good + "\n" + missing + "\n" + good + "\n");
        Run replay = run("replay", in.toString());
        assertEquals(2, replay.exit(), replay.err());
        assertTrue(replay.err().contains("line 2: ") && replay.err().contains("2 unchanged"), replay.err());
        assertFalse(replay.err().contains("NullPointerException"), replay.err());

        Path html = dir.resolve("report");
        Run report = run("report", in.toString(), "--out", html.toString());
        assertEquals(2, report.exit(), report.err());
        assertTrue(report.err().contains("2 decisions, 1 unreadable"), report.err());
    }

    @Test
    void theReportEscapesEverythingARecordHolds(@TempDir Path dir) throws Exception {
        String script = "<script>alert(1)</script>";
        String hostile = record("XSS").replace("\"code\":\"PI_PROTECTION_DUTIES\"",
                "\"code\":\"" + script.replace("/", "\\/") + "\"");
        assertTrue(hostile.contains("<script>"), "the record must carry the payload in a code");
        Path in = Files.writeString(dir.resolve("records.jsonl"), hostile + "\n");
        Path html = dir.resolve("report");
        Run report = run("report", in.toString(), "--out", html.toString());
        assertEquals(0, report.exit(), report.err());
        // The summary page counts the code under its obligations, escaped; the details are base64 data the page
        // turns into text nodes (ReportTest).
        String page = Files.readString(html.resolve("index.html"));
        assertFalse(page.contains(script), "stored XSS: the code was written unescaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        try (var files = Files.list(html.resolve("data"))) {
            for (Path f : files.toList()) {
                assertFalse(Files.readString(f).contains("<"), f + " carries markup");
            }
        }
    }

    @Test
    void controlCharactersInIdsNeverReachTheTerminal(@TempDir Path dir) throws Exception {
        // Only the decision's own requestId (the first key): the embedded request stays valid.
        String hostile = record("ESC").replaceFirst("\"requestId\":\"ESC\"",
                "\"requestId\":\"A\\\\u001b[2J\\\\u202eB\"");
        Path file = Files.writeString(dir.resolve("decision.json"), hostile);
        Run explain = run("explain", file.toString());
        assertEquals(0, explain.exit(), explain.err());
        assertFalse(explain.out().contains("\u001b") || explain.out().contains("\u202e"), explain.out());
        assertTrue(explain.out().contains("A\\u001b[2J\\u202eB"), explain.out());

        Path records = Files.writeString(dir.resolve("records.jsonl"),
                hostile.replaceFirst("\\{", "{\"x\\u001b[31m\":1,") + "\n");
        Run replay = run("replay", records.toString());
        assertEquals(2, replay.exit());
        assertFalse(replay.err().contains("\u001b"), replay.err());
    }
}
