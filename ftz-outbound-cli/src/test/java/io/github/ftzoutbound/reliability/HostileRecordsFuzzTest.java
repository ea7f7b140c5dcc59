package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.audit.Explainer;
import io.github.ftzoutbound.audit.Records;
import io.github.ftzoutbound.audit.Replay;
import io.github.ftzoutbound.cli.Main;
import io.github.ftzoutbound.report.ReportFiles;
import io.github.ftzoutbound.report.ReportLang;
import io.github.ftzoutbound.report.ReportWriter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile decision records through {@code explain}, {@code report} and {@code replay}, as {@link HostileInputFuzzTest}
 * does for requests: mutated records (fields dropped, duplicated, retyped, truncated, control characters and markup
 * inserted) may only be read and shown, or refused with an {@link IOException}; never another exception, never a
 * raw control character on the terminal or unescaped markup in the report, and the commands exit 0, 2 or 4.
 */
class HostileRecordsFuzzTest {
    static final ExportDecisionService SERVICE = TestServices.bundled();
    static final long SEED = new Random().nextLong();
    static final int CASES = 1_500;
    static final String[] INSERTS = {"\"<script>x</script>\"", "\"\\u001b[2J\"", "\"\\u202e\"", "null", "0", "-1",
            "1e999", "\"\"", "[]", "{}", "true", "\"EXEMPT\"", "\"2099-01-01\"", "12345678901234567890123"};

    static String record() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        ExportDecision d = SERVICE.evaluateJson("""
                {"requestId":"FUZZ","evaluationDate":"%s","processor":{"ftz":"ZHEJIANG","zone":"NINGBO","ciio":false,
                 "sector":"RETAIL"},"dataItems":[{"id":"a","fields":["PASSPORT_NUMBER"],
                 "personalInformation":{"individuals":150000,"sensitiveIndividuals":3}}]}""".formatted(today), true);
        return DecisionJson.toJson(d, false);
    }

    static String mutate(String json, Random r) {
        StringBuilder sb = new StringBuilder(json);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(6)) {
                case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(40)));
                case 1 -> sb.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
                case 2 -> {
                    // replace a value after a colon
                    int colon = sb.indexOf(":", at);
                    if (colon > 0) {
                        sb.insert(colon + 1, INSERTS[r.nextInt(INSERTS.length)] + ",\"x\":");
                    }
                }
                case 3 -> sb.setLength(Math.max(1, at));
                case 4 -> sb.insert(at, (char) r.nextInt(0x20));
                default -> {
                    int q = sb.indexOf("\"", at);
                    if (q > 0) {
                        sb.insert(q + 1, "\\u00" + Integer.toHexString(r.nextInt(0x20) | 0x100).substring(1));
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void mutatedRecordsAreShownSafelyOrRefused(@TempDir Path dir) throws IOException {
        Random r = new Random(SEED);
        List<ExportDecision> readable = new ArrayList<>();
        String good = record();
        int read = 0;
        for (int i = 0; i < CASES; i++) {
            String m = mutate(good, r);
            ExportDecision d;
            try {
                d = Records.read(m);
            } catch (IOException expected) {
                continue;
            } catch (RuntimeException e) {
                fail("seed " + SEED + " case " + i + ": reading threw " + e + "\n" + m);
                return;
            }
            read++;
            try {
                String text = Explainer.explain(d, Explainer.Lang.EN) + Explainer.explain(d, Explainer.Lang.ZH);
                for (char c : text.toCharArray()) {
                    if (Character.isISOControl(c) && c != '\n') {
                        fail("seed " + SEED + " case " + i + ": control character U+" + Integer.toHexString(c)
                                + " reached the terminal\n" + m);
                    }
                }
                readable.add(d);
                if (d.request() != null) {
                    Replay.replay(SERVICE, d);
                }
            } catch (IllegalArgumentException | io.github.ftzoutbound.model.InvalidRequestException
                     | io.github.ftzoutbound.api.EvaluationException e) {
                // a readable record that cannot be replayed: the command reports it with its line
            } catch (RuntimeException e) {
                fail("seed " + SEED + " case " + i + ": " + e + "\n" + m);
            }
        }
        assertTrue(read > 0, "some mutations keep the record readable (seed " + SEED + ")");
        // Every readable mutation in one report: the page holds no markup from them, and the data files are
        // nothing but base64 in a script call (ReportFiles.json fails otherwise).
        for (ReportLang lang : ReportLang.values()) {
            Path report = dir.resolve("report-" + lang);
            try (ReportWriter w = new ReportWriter(report, lang, "fuzz", java.time.Clock.systemUTC(), 100)) {
                for (ExportDecision d : readable) {
                    w.add(d);
                }
                w.finish();
            }
            assertFalse(Files.readString(report.resolve("index.html")).contains("<script>x"),
                    "seed " + SEED + ": markup unescaped on the page");
            ReportFiles.everything(report);
        }
    }

    @Test
    void theCommandsExitCleanlyOnAFileOfMutatedRecords(@TempDir Path dir) throws Exception {
        Random r = new Random(SEED + 1);
        String good = record();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(mutate(good, r).replace("\n", " ").replace("\r", " "));
        }
        lines.add(good);
        Path in = Files.write(dir.resolve("records.jsonl"), lines);
        for (String[] args : List.of(new String[]{"replay", in.toString()},
                new String[]{"report", in.toString(), "--out", dir.resolve("r.html").toString()})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream());
            assertTrue(exit == 0 || exit == 2 || exit == 4, "seed " + SEED + ": " + args[0] + " exit " + exit + "\n"
                    + err);
            // No stack trace and no unexpected exception (a parser's message may name the cause it wraps).
            assertFalse(err.toString().contains("\tat ") || err.toString().contains("NullPointerException")
                    || err.toString().contains("ClassCastException"), "seed " + SEED + ": " + err);
            for (char c : err.toString().toCharArray()) {
                assertFalse(Character.isISOControl(c) && c != '\n' && c != '\r', "seed " + SEED
                        + ": control character on stderr");
            }
        }
        for (int i = 0; i < 50; i++) {
            Path one = Files.writeString(dir.resolve("one.json"), mutate(good, r));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new String[]{"explain", one.toString()}, new PrintWriter(out), new PrintWriter(err),
                    InputStream.nullInputStream());
            assertTrue(exit == 0 || exit == 2 || exit == 3, "seed " + SEED + ": explain exit " + exit + "\n" + err);
        }
    }

    /**
     * {@code explain} also evaluates a request it is given (not only a record): mutated requests are decided and
     * shown, or refused with exit 2, never exit 1 or 3, a stack trace or a raw control character on either stream.
     */
    @Test
    void explainOfMutatedRequestsDecidesOrRefusesCleanly(@TempDir Path dir) throws Exception {
        Random r = new Random(SEED + 2);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String good = """
                {"requestId":"FUZZ-REQ","evaluationDate":"%s","processor":{"ftz":"JIANGSU","zone":"SUZHOU","ciio":false,
                 "sector":"AUTOMOTIVE_MANUFACTURING"},"dataItems":[{"id":"a","fields":["OWNER_NAME"],
                 "personalInformation":{"individuals":150000,"sensitiveIndividuals":3}}]}""".formatted(today);
        int decided = 0;
        for (int i = 0; i < 60; i++) {
            String m = i == 0 ? good : mutate(good, r);
            Path one = Files.writeString(dir.resolve("request.json"), m);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new String[]{"explain", one.toString(), "--lang", i % 2 == 0 ? "en" : "zh"},
                    new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream());
            assertTrue(exit == 0 || exit == 2, "seed " + SEED + " case " + i + ": explain exit " + exit + "\n" + err
                    + "\n" + m);
            decided += exit == 0 ? 1 : 0;
            assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"),
                    "seed " + SEED + " case " + i + ": " + err);
            for (char c : (out.toString() + err).toCharArray()) {
                assertFalse(Character.isISOControl(c) && c != '\n' && c != '\r', "seed " + SEED + " case " + i
                        + ": control character U+" + Integer.toHexString(c) + " reached the terminal\n" + m);
            }
        }
        assertTrue(decided >= 1, "the unmutated request is explained");
    }

    /** The text {@code explain} prints for a mutated record that it reads carries no raw control character. */
    @Test
    void explainPrintsNoRawControlCharacterForAnyMutatedRecord(@TempDir Path dir) throws Exception {
        Random r = new Random(SEED + 3);
        String good = record();
        for (int i = 0; i < 100; i++) {
            String m = mutate(good, r);
            Path one = Files.writeString(dir.resolve("record.json"), m);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new String[]{"explain", one.toString()}, new PrintWriter(out), new PrintWriter(err),
                    InputStream.nullInputStream());
            assertTrue(exit == 0 || exit == 2 || exit == 3, "seed " + SEED + ": explain exit " + exit + "\n" + err);
            for (char c : (out.toString() + err).toCharArray()) {
                assertFalse(Character.isISOControl(c) && c != '\n' && c != '\r', "seed " + SEED + " case " + i
                        + ": control character U+" + Integer.toHexString(c) + "\n" + m);
            }
        }
    }
}
