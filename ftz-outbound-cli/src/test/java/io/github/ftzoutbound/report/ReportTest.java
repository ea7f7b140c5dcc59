package io.github.ftzoutbound.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report folder: escaping, languages, paging into chunks, print and font CSS, and where it may be written. */
class ReportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final String HOSTILE = "<script>alert(1)</script>";

    private static ExportDecision example(String name) throws IOException {
        return TestServices.withExampleLists().evaluateJson(Files.readString(Path.of("../docs/examples", name)));
    }

    /** A real decision whose ids, codes and messages carry markup, as a tampered archive might. */
    private static ExportDecision hostile() throws IOException {
        ExportDecision d = example("jiangsu-scc-cumulative.json");
        List<Warning> warnings = new ArrayList<>(d.warnings());
        warnings.add(new Warning("X" + HOSTILE, List.of(HOSTILE), List.of(), "message " + HOSTILE, "提示 " + HOSTILE));
        return new ExportDecision(HOSTILE, "\"><img src=x onerror=alert(1)>", d.evaluatedAt(), d.evaluationDate(),
                d.requestDigest(), d.regime(), d.pathway(), d.items().stream().map(i -> new io.github.ftzoutbound.api
                .ItemDecision(HOSTILE, i.pathway(), "R" + HOSTILE, i.row(), i.citations(), i.explanation(),
                i.explanationZh(), i.notChosen(), i.route())).toList(), d.citations(), d.obligations(), warnings,
                d.ruleset(), d.engineVersion(), d.trace(), null, null);
    }

    private static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), stdin);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {
    }

    @Test
    void markupInIdsAndCodesRendersInert(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("d.jsonl");
        Files.writeString(in, DecisionJson.toJson(hostile(), false) + "\n");
        for (String lang : new String[]{"en", "zh"}) {
            Path out = dir.resolve("r-" + lang);
            Run r = run(InputStream.nullInputStream(), "report", in.toString(), "--out", out.toString(), "--lang", lang);
            assertEquals(0, r.exit(), r.err());
            String html = Files.readString(out.resolve("index.html"));
            // The summary shows the hostile codes escaped; nothing else from a record reaches the page as markup.
            assertFalse(html.contains("<script>alert") || html.contains("<img"), html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "codes are shown, escaped");
            assertEquals(2, html.split("<script", -1).length - 1, "only the page's own two scripts");
            // The data files are base64 in a script call: the markup is only inside JSON strings, which the page
            // puts into text nodes (el() sets textContent; the script never assigns innerHTML).
            assertFalse(Files.readString(out.resolve("data/rows.js")).contains("<"));
            JsonNode row = ReportFiles.rows(out).get(0);
            assertEquals(HOSTILE, row.get(0).asText());
            assertTrue(html.contains("textContent") && !html.contains("innerHTML") && !html.contains("insertAdjacentHTML")
                    && !html.contains("document.write"), "the script builds text nodes only");
        }
    }

    @Test
    void theReportIsInTheLanguageAskedFor(@TempDir Path dir) throws Exception {
        ExportDecision d = example("jiangsu-scc-cumulative.json");
        for (ReportLang lang : ReportLang.values()) {
            Path out = dir.resolve(lang.name());
            try (ReportWriter w = new ReportWriter(out, lang, "d.jsonl", CLOCK, 10)) {
                w.add(d);
                w.finish();
            }
            String html = Files.readString(out.resolve("index.html"));
            JsonNode item = ReportFiles.chunks(out).get(0).get("d").get(0).get("t").get(0);
            JsonNode cond = item.get("n").get(0).get("c").get(0);
            if (lang == ReportLang.ZH) {
                assertTrue(html.contains("<html lang=\"zh-CN\">") && html.contains("<h1>决定报告</h1>")
                        && html.contains("1 项决定") && html.contains("标准合同或认证"), html);
                assertEquals(d.items().get(0).explanationZh(), item.get("x").asText());
                assertEquals(d.items().get(0).notChosen().get(0).conditions().get(0).conditionZh(), cond.get("x").asText());
                assertTrue(html.contains("<li data-k=\"why.not.stricter\">为何不适用更严格的路径</li>"));
                assertTrue(html.contains("<li data-k=\"trace\">规则轨迹</li>"));
                JsonNode chunk = ReportFiles.chunks(out).get(0);
                assertEquals(d.obligations().get(0).messageZh(),
                        chunk.get("M").get(chunk.get("d").get(0).get("o").get(0).get("m").asInt()).asText());
            } else {
                assertTrue(html.contains("<html lang=\"en\">") && html.contains("<h1>Decision report</h1>")
                        && html.contains("<b>1 decision</b>") && html.contains("Standard contract or certification"));
                assertEquals(d.items().get(0).explanation(), item.get("x").asText());
                assertEquals(d.items().get(0).notChosen().get(0).conditions().get(0).condition(), cond.get("x").asText());
                assertTrue(html.contains("<li data-k=\"why.not.stricter\">Why not stricter</li>"));
                JsonNode chunk = ReportFiles.chunks(out).get(0);
                assertEquals(d.obligations().get(0).message(),
                        chunk.get("M").get(chunk.get("d").get(0).get("o").get(0).get("m").asInt()).asText());
            }
            assertTrue(html.contains("Generated 2026-11-30T12:00:00Z") || html.contains("生成于 2026-11-30T12:00:00Z"));
        }
    }

    @Test
    void reasonWarningAndObligationCodesShowTheirNameWithTheCodeBeside(@TempDir Path dir) throws Exception {
        // The Zhejiang example relies on the illustrative list: its decision carries ILLUSTRATIVE_LIST.
        ExportDecision d = example("zhejiang-on-list-security-assessment.json");
        assertTrue(d.warnings().stream().anyMatch(w -> w.code().equals("ILLUSTRATIVE_LIST")), d.warnings().toString());
        String reason = d.items().get(0).reason();
        String obligation = d.obligations().get(0).code();
        for (ReportLang lang : ReportLang.values()) {
            Path out = dir.resolve(lang.name());
            try (ReportWriter w = new ReportWriter(out, lang, "d.jsonl", CLOCK, 10)) {
                w.add(d);
                w.finish();
            }
            String html = Files.readString(out.resolve("index.html"));
            Labels l = new Labels(lang);
            String warningName = l.t("warning.ILLUSTRATIVE_LIST");
            assertEquals(lang == ReportLang.ZH ? "示例性负面清单" : "Illustrative list", warningName);
            // Summary tables: the name, then the code (still searchable).
            assertTrue(html.contains("<tr data-warning=\"ILLUSTRATIVE_LIST\"><td>" + warningName
                    + " <code>ILLUSTRATIVE_LIST</code></td>"), html);
            assertTrue(html.contains("<tr data-reason=\"" + reason + "\"><td>" + l.t("reason." + reason)
                    + " <code>" + reason + "</code></td>"), reason);
            assertTrue(html.contains("<tr data-obligation=\"" + obligation + "\"><td>" + l.t("obligation." + obligation)
                    + " <code>" + obligation + "</code></td>"), obligation);
            // Filters: the name and the code.
            assertTrue(html.contains("<option value=\"ILLUSTRATIVE_LIST\">" + warningName + " · ILLUSTRATIVE_LIST</option>"));
            // Cards: the page's script reads the names from the labels it carries.
            assertTrue(html.contains("<li data-k=\"warning.ILLUSTRATIVE_LIST\">" + warningName + "</li>"));
            assertTrue(html.contains("coded('reason', it.r)") && html.contains("coded(s[3], x.k)"));
        }
    }

    @Test
    void decisionsArePagedIntoChunksWithSharedTextsStoredOnce(@TempDir Path dir) throws Exception {
        ExportDecision d = example("zhejiang-on-list-security-assessment.json");
        Path out = dir.resolve("r");
        try (ReportWriter w = new ReportWriter(out, ReportLang.EN, "d.jsonl", CLOCK, 3)) {
            for (int i = 0; i < 7; i++) {
                w.add(d);
            }
            assertEquals(7, w.finish().decisions());
        }
        List<JsonNode> chunks = ReportFiles.chunks(out);
        assertEquals(List.of(3, 3, 1), chunks.stream().map(c -> c.get("d").size()).toList());
        JsonNode rows = ReportFiles.rows(out);
        assertEquals(7, rows.size());
        assertEquals(3, rows.get(6).get(5).asInt(), "the 7th decision is in chunk 3");
        assertEquals(0, rows.get(6).get(6).asInt(), "as its first");
        // Each clause (label and text) once per chunk, however many decisions cite it.
        JsonNode clauses = chunks.get(0).get("C");
        List<String> texts = new ArrayList<>();
        clauses.forEach(c -> texts.add(c.get(0).asText() + "\t" + c.get(1).asText()));
        assertEquals(texts.size(), texts.stream().distinct().count());
        assertEquals(d.trace().size(), chunks.get(0).get("d").get(2).get("r").size());
    }

    @Test
    void thePageNamesCjkFontsAndPrintsCleanly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        try (ReportWriter w = new ReportWriter(out, ReportLang.ZH, "d.jsonl", CLOCK, 10)) {
            w.add(example("jiangsu-scc-cumulative.json"));
            w.finish();
        }
        String html = Files.readString(out.resolve("index.html"));
        for (String font : new String[]{"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
                "Microsoft YaHei"}) {
            assertTrue(html.contains("\"" + font + "\""), font);
        }
        assertTrue(html.contains("@media print{"));
        assertTrue(html.contains("<svg role=\"img\""), "the chart is inline SVG");
        assertFalse(html.matches("(?s).*(src|href)=\"?(https?:)?//.*"), "no external assets");
    }

    @Test
    void theFolderIsNeverOneThatHoldsSomethingElse(@TempDir Path dir) throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "keep me");
        assertThrows(IOException.class, () -> new ReportWriter(other, ReportLang.EN, "x", CLOCK, 10).close());
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
        // An earlier, longer report: its extra chunks are removed, not shown as part of the new one.
        Path out = dir.resolve("r");
        ExportDecision d = example("jiangsu-scc-cumulative.json");
        for (int n : new int[]{5, 2}) {
            try (ReportWriter w = new ReportWriter(out, ReportLang.EN, "x", CLOCK, 1)) {
                for (int i = 0; i < n; i++) {
                    w.add(d);
                }
                w.finish();
            }
        }
        try (Stream<Path> s = Files.list(out.resolve("data"))) {
            assertEquals(3, s.count(), "rows.js and two chunks");
        }
    }

    @Test
    void theCommandReadsStandardInputAndListsUnreadableLines(@TempDir Path dir) throws Exception {
        String lines = DecisionJson.toJson(example("national-exempt-small-volume.json"), false) + "\n{broken\n\n";
        Path out = dir.resolve("r");
        Run r = run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "report", "-", "--out",
                out.toString(), "--lang", "en");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("report: 1 decisions, 1 unreadable lines"), r.err());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("1 unreadable line<") && html.contains("<li>line 2: "), html);
        assertEquals(1, Files.readAllLines(out.resolve("unreadable.txt")).size());
        Run bad = run(InputStream.nullInputStream(), "report", "-", "--out", out.toString(), "--lang", "fr");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--lang must be en or zh"));
    }

    @Test
    void noCorePackageUsesTheReportOrTheTemplateEngine() throws IOException {
        // The report moves to the CLI module when the project is split (core: Drools, Jackson, SnakeYAML, slf4j).
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("../ftz-outbound-core/src/main/java/io/github/ftzoutbound"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = p.getParent().getFileName().toString();
                if (pkg.equals("cli") || pkg.equals("report")) {
                    continue;
                }
                String src = Files.readString(p);
                if (src.contains("io.github.ftzoutbound.report") || src.contains("gg.jte")) {
                    offenders.add(p.toString());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
