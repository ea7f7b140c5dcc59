package io.github.ftzoutbound.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.NotChosen;
import io.github.ftzoutbound.cli.Main;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.RequestReader;
import io.github.ftzoutbound.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decision records: replayable, explained in the law's words, reportable, and a list revision's impact shown. */
class AuditTrailTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String request(String id, String scenario, long individuals) {
        return """
                {"requestId":"%s","evaluationDate":"2026-11-23",
                 "processor":{"name":"Ningbo Example Trading Co.","ftz":"ZHEJIANG","zone":"NINGBO","ciio":false,
                              "sector":"CROSS_BORDER_ECOMMERCE"},
                 "scenario":"%s",
                 "dataItems":[{"id":"buyers","fields":["BUYER_ID_NUMBER"],"personalInformation":{"individuals":%d}}]}"""
                .formatted(id, scenario, individuals);
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), java.io.InputStream.nullInputStream());
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void twoEvaluationsOfOneRequestDifferOnlyInIdAndTime() throws Exception {
        String a = DecisionJson.toJson(TestServices.bundled().evaluateJson(request("R", "CROSS_BORDER_ECOMMERCE_PLATFORM", 600000), true), false);
        Thread.sleep(5);
        String b = DecisionJson.toJson(TestServices.bundled().evaluateJson(request("R", "CROSS_BORDER_ECOMMERCE_PLATFORM", 600000), true), false);
        assertNotEquals(a, b);
        assertEquals(strip(a), strip(b));
        JsonNode d = JSON.readTree(a);
        assertTrue(d.has("evaluatedAt") && d.has("requestDigest") && d.has("request"), a);
    }

    static String strip(String decision) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree(decision);
        n.remove("decisionId");
        n.remove("evaluatedAt");
        return n.toString();
    }

    @Test
    void theRequestDigestIsTheSha256OfTheCanonicalRequest() throws Exception {
        ExportDecision d = TestServices.bundled().evaluateJson(request("R", "CROSS_BORDER_ECOMMERCE_PLATFORM", 10), true);
        String canonical = DecisionJson.canonicalRequest(d.request());
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, d.requestDigest());
        // Key order and white space of the caller's JSON do not matter; content does.
        String reordered = "{\"dataItems\":[{\"personalInformation\":{\"individuals\":10},\"fields\":[\"BUYER_ID_NUMBER\"],"
                + "\"id\":\"buyers\"}],\"scenario\":\"CROSS_BORDER_ECOMMERCE_PLATFORM\",\"processor\":{\"sector\":"
                + "\"CROSS_BORDER_ECOMMERCE\",\"ciio\":false,\"zone\":\"NINGBO\",\"ftz\":\"ZHEJIANG\",\"name\":"
                + "\"Ningbo Example Trading Co.\"},\"evaluationDate\":\"2026-11-23\",\"requestId\":\"R\"}";
        assertEquals(d.requestDigest(), TestServices.bundled().evaluateJson(reordered).requestDigest());
        assertNotEquals(d.requestDigest(), TestServices.bundled()
                .evaluateJson(request("R", "CROSS_BORDER_ECOMMERCE_PLATFORM", 11)).requestDigest());
        // The embedded request reads back through the strict reader as the same request.
        assertEquals(d.request(), RequestReader.read(DecisionJson.toJson(d.request(), false)));
    }

    @Test
    void itemsExplainTheDecidingConditionWithFiguresAndWhyNotStricter() {
        ExportDecision d = TestServices.bundled().evaluateJson(request("R", "CROSS_BORDER_ECOMMERCE_PLATFORM", 600000));
        ItemDecision item = d.item("buyers");
        assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, item.pathway());
        assertTrue(item.explanation().contains("ZJ-2024-ECOMMERCE-001") && item.explanation().contains("600,000")
                && item.explanation().contains("≥ 500,000"), item.explanation());
        assertTrue(item.explanationZh().contains("600,000"), item.explanationZh());
        NotChosen sa = item.notChosen().stream().filter(n -> n.pathway() == Pathway.SECURITY_ASSESSMENT).findFirst()
                .orElseThrow();
        assertTrue(sa.conditions().stream().anyMatch(c -> c.condition().contains("security-assessment tier")
                && c.citations().stream().anyMatch(x -> x.instrument().equals("ZJ-MEASURES"))), sa::toString);
        // CBDF 8 applied (600,000 is in its band) but the list row decided: that is said, with the rows.
        NotChosen national = item.notChosen().stream().filter(n -> n.pathway() == Pathway.SECURITY_ASSESSMENT).findFirst().orElseThrow();
        assertTrue(national.conditions().stream().anyMatch(c -> c.condition().contains("600,000 non-sensitive < 1,000,000")),
                national::toString);
        assertTrue(item.notChosen().stream().anyMatch(n -> n.pathway() == Pathway.STRICTER_REGIME));
        assertTrue(item.notChosen().stream().noneMatch(n -> n.pathway() == Pathway.STANDARD_CONTRACT_OR_CERTIFICATION),
                "only stricter pathways are listed");
    }

    @Test
    void anOutrankedStricterClauseIsNamedWithItsRow() {
        String json = """
                {"requestId":"R","evaluationDate":"2026-11-23","processor":{"ftz":"NONE","ciio":false},
                 "basis":"CONTRACT_WITH_INDIVIDUAL",
                 "dataItems":[{"id":"bookings","personalInformation":{"individuals":2000000}}]}""";
        ItemDecision item = TestServices.bundled().evaluateJson(json).item("bookings");
        assertEquals(Pathway.EXEMPT, item.pathway());
        assertTrue(item.notChosen().stream().flatMap(n -> n.conditions().stream())
                .anyMatch(c -> c.condition().contains("But row 7 of the reading, which decided, comes before row 12")),
                item.notChosen()::toString);
    }

    @Test
    void explainPrintsTheDecisionForAPersonInEnglishAndChinese(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("d.json");
        Files.writeString(rec, DecisionJson.toJson(TestServices.bundled()
                .evaluateJson(request("R", "CROSS_BORDER_ECOMMERCE_PLATFORM", 600000)), true));
        Run en = run("explain", rec.toString());
        assertEquals(0, en.exit(), en.err());
        assertTrue(en.out().contains("Pathway: standard contract or certification") && en.out().contains("Why not security assessment"), en.out());
        Run zh = run("explain", rec.toString(), "--lang", "zh");
        assertTrue(zh.out().contains("结论：订立个人信息出境标准合同或通过个人信息保护认证")
                && zh.out().contains("为何不适用申报数据出境安全评估") && zh.out().contains("《中国（浙江）自由贸易试验区"), zh.out());
        // Every obligation and warning reads in Chinese, and none in English (issue 16).
        io.github.ftzoutbound.api.ExportDecision d = Records.read(Files.readString(rec));
        assertFalse(d.obligations().isEmpty() || d.warnings().isEmpty());
        for (var o : d.obligations()) {
            assertTrue(zh.out().contains("：" + o.messageZh()), o.messageZh());
            assertFalse(zh.out().contains(o.message()), o.message());
            assertTrue(en.out().contains(o.message()), o.message());
        }
        for (var w : d.warnings()) {
            assertTrue(zh.out().contains(w.messageZh()) && !zh.out().contains(w.message()), w.messageZh());
            assertTrue(en.out().contains(w.message()), w.message());
        }
        Path req = dir.resolve("r.json");
        Files.writeString(req, request("R", "CROSS_BORDER_ECOMMERCE_PLATFORM", 10));
        assertTrue(run("explain", req.toString()).out().contains("Pathway: exempt"));
        assertEquals(2, run("explain", rec.toString(), "--lang", "fr").exit());
    }

    @Test
    void replayShowsExactlyTheDecisionsARevisedListChanges(@TempDir Path dir) throws Exception {
        // Archive three decisions under the bundled lists.
        Path records = dir.resolve("records.jsonl");
        StringBuilder sb = new StringBuilder();
        for (String[] r : new String[][]{{"A", "CROSS_BORDER_ECOMMERCE_PLATFORM", "600000"},
                {"B", "CROSS_BORDER_ECOMMERCE_PLATFORM", "400000"}, {"C", "CROSS_BORDER_LOGISTICS", "600000"}}) {
            sb.append(DecisionJson.toJson(TestServices.bundled().evaluateJson(request(r[0], r[1], Long.parseLong(r[2])), true), false)).append('\n');
        }
        Files.writeString(records, sb.toString());
        Run same = run("replay", records.toString());
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.err().contains("3 unchanged, 0 changed"), same.err());
        assertEquals("", same.out());

        // A revision of the e-commerce list lowers entry 001's threshold from 500,000 to 300,000.
        Path lists = Files.createDirectories(dir.resolve("lists"));
        for (Path p : Files.list(Path.of("../ftz-outbound-core/src/main/resources/lists")).toList()) {
            String yaml = Files.readString(p);
            Files.writeString(lists.resolve(p.getFileName()), yaml.replace("thresholds: [ { counts: NON_SENSITIVE_PERSONS, atLeast: 500000 } ]",
                    "thresholds: [ { counts: NON_SENSITIVE_PERSONS, atLeast: 300000 } ]"));
        }
        Run revised = run("replay", records.toString(), "--no-bundled-lists", "--lists", lists.toString());
        assertEquals(4, revised.exit(), revised.err());
        assertTrue(revised.err().contains("2 unchanged, 1 changed"), revised.err());
        JsonNode change = JSON.readTree(revised.out().strip());
        assertEquals("B", change.get("requestId").asText());
        assertEquals("EXEMPT", change.get("changes").get("pathway").get("old").asText());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", change.get("changes").get("pathway").get("new").asText());
        assertTrue(change.get("changes").get("citations").get("new").toString().contains("ZJ-2024-ECOMMERCE-001"));
        assertNotEquals(change.get("oldRuleset").get("digest"), change.get("newRuleset").get("digest"));
    }

    @Test
    void leanBatchRecordsWithTheirRequestsReplayAndReport(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, request("A", "CROSS_BORDER_ECOMMERCE_PLATFORM", 600000).replace("\n", "") + "\n"
                + request("B", "CROSS_BORDER_ECOMMERCE_PLATFORM", 400000).replace("\n", "") + "\n");
        Path out = dir.resolve("out.jsonl");
        Run batch = run("evaluate-batch", in.toString(), out.toString(), "--lean", "--with-request", "--threads", "2");
        assertEquals(0, batch.exit(), batch.err());
        String first = Files.readAllLines(out).get(0);
        assertFalse(first.contains("\"trace\"") || first.contains("\"text\""), "lean records drop trace and clause texts");
        assertTrue(first.contains("\"request\""), first);
        Run replay = run("replay", out.toString());
        assertEquals(0, replay.exit(), replay.err());
        assertTrue(replay.err().contains("2 unchanged, 0 changed"), replay.err());
        Run report = run("report", out.toString(), "--out", dir.resolve("r.html").toString());
        assertEquals(0, report.exit(), report.err());
    }

    @Test
    void replayKeepsRequestWideAndItemWarningsOfOneCodeApart() throws Exception {
        // Jiangsu holdings reach reference rule 2 (request-wide IMPORTANT_DATA_CANDIDATE) and an item shows a
        // rule-5 sign (item IMPORTANT_DATA_CANDIDATE): a record whose item warning was removed must differ.
        String json = """
                {"requestId":"W","evaluationDate":"2026-11-23","processor":{"ftz":"JIANGSU","zone":"SUZHOU","ciio":false,
                 "holdings":{"individuals":10000000}},
                 "dataItems":[{"id":"plc","importantDataIndicators":["CONTROL_SYSTEM_PARAMETERS"]}]}""";
        ExportDecision d = TestServices.bundled().evaluateJson(json, true);
        assertEquals(2, d.warnings().stream().filter(w -> w.code().equals("IMPORTANT_DATA_CANDIDATE")).count());
        assertTrue(Replay.differences(d, TestServices.bundled().evaluate(d.request(), true)).isEmpty());
        ExportDecision tampered = new ExportDecision(d.requestId(), d.decisionId(), d.evaluatedAt(), d.evaluationDate(),
                d.requestDigest(), d.regime(), d.pathway(), d.items(), d.citations(), d.obligations(),
                d.warnings().stream().filter(w -> !w.itemIds().contains("plc")).toList(), d.ruleset(),
                d.engineVersion(), d.trace(), d.request());
        assertTrue(Replay.differences(tampered, d).containsKey("warnings"));
    }

    @Test
    void theHtmlReportIsSelfContainedAndShowsEveryClauseText(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("decisions.jsonl");
        List<ExportDecision> ds = List.of(
                TestServices.bundled().evaluateJson(request("A", "CROSS_BORDER_ECOMMERCE_PLATFORM", 600000)),
                TestServices.bundled().evaluateJson(request("B<script>", "CROSS_BORDER_ECOMMERCE_PLATFORM", 10)),
                TestServices.bundled().evaluateJson(request("C", "CROSS_BORDER_ECOMMERCE_PLATFORM", 3000000)));
        StringBuilder sb = new StringBuilder();
        ds.forEach(d -> sb.append(DecisionJson.toJson(d, false)).append('\n'));
        Files.writeString(in, sb.toString());
        Path out = dir.resolve("report");
        Run r = run("report", in.toString(), "--out", out.toString(), "--lang", "en");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("index.html"));
        String all = ReportFiles.everything(out);
        assertFalse(all.matches("(?s).*(src|href)=\"?(https?:)?//.*"), "no external assets");
        assertTrue(html.contains("<script src=\"data/rows.js\"></script>"), "data from the report's own folder");
        assertFalse(html.contains("B<script>"), "request ids are escaped");
        assertTrue(html.contains("<select id=\"filter\""));
        for (ExportDecision d : ds) {
            for (Citation c : d.citations()) {
                assertTrue(all.contains(new ObjectMapper().writeValueAsString(c.text())), "clause text missing: "
                        + c.key());
            }
            assertTrue(all.contains("\"i\":" + new ObjectMapper().writeValueAsString(d.requestId())));
        }
        assertTrue(html.contains("<tr data-pathway=\"" + ds.get(0).pathway() + "\">"));
    }
}
