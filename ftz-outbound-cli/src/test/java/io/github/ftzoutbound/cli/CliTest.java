package io.github.ftzoutbound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end: exit codes, streams, --lists, effective dating of a list given on the command line. */
public class CliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    public record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), in);
        return new Run(exit, out.toString(), err.toString());
    }

    public static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    static String request(String date, String sector, String scenario, long individuals) {
        return """
                {"requestId":"CLI-1","evaluationDate":"%s",
                 "processor":{"ftz":"ZHEJIANG","zone":"NINGBO","ciio":false,"sector":"%s"},
                 %s
                 "dataItems":[{"id":"ids","fields":["PASSPORT_NUMBER"],
                               "personalInformation":{"individuals":%d}}]}"""
                .formatted(date, sector, scenario == null ? "" : "\"scenario\":\"" + scenario + "\",", individuals);
    }

    /** A small dated Zhejiang list (also the server tests' broken list, with "sector:"). */
    public static final String DATED_LIST = """
            id: T-DATED
            ftz: ZHEJIANG
            status: OFFICIAL
            title: dated test list
            version: "1"
            effectiveFrom: 2026-01-01
            effectiveTo: 2027-01-01
            sectors: [TRAVEL]
            scenarios: [VISA_SERVICE]
            entries:
              - id: T-DATED-1
                dataClass: PERSONAL_INFORMATION
                fields: [PASSPORT_NUMBER]
                threshold: { individualsAtLeast: 300000 }
                pathway: SECURITY_ASSESSMENT
                description: passports, 300,000 a year
            """;

    static Path listDir(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve("dated.list.yaml"), yaml);
        return dir;
    }

    Run evaluate(Path lists, String request) {
        return run(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)),
                "evaluate", "-", "--lists", lists.toString(), "--no-bundled-lists");
    }

    @Test
    void evaluatesAFileAndPrintsTheCitedDecision() throws Exception {
        Path f = Files.createTempFile("req", ".json");
        Files.writeString(f, request("2026-11-23", "TRAVEL", null, 150000));
        Run r = run("evaluate", f.toString(), "--record", "full");
        assertEquals(0, r.exit(), r.err());
        JsonNode d = r.json();
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", d.get("pathway").asText());
        assertEquals("ZHEJIANG_FTZ", d.get("regime").asText());
        assertEquals("2026-11-23", d.get("evaluationDate").asText());
        assertTrue(d.get("ruleset").get("digest").asText().startsWith("sha256:"));
        assertFalse(d.get("trace").isEmpty());
        String firstId = d.get("items").get(0).get("citations").get(0).asText();
        assertTrue(d.get("clauses").get(firstId).get("text").asText().length() > 10, firstId);
        assertEquals(3, d.get("recordFormat").asInt());
        assertEquals("full", d.get("detail").asText());
        // Format 3: the trace names rules by their place in the rules table, the items' notChosen conditions by
        // their place in the conditions table.
        assertTrue(d.get("trace").get(0).get("rule").isInt());
        assertFalse(d.get("rules").get(d.get("trace").get(0).get("rule").asInt()).get("name").asText().isEmpty());
        assertTrue(d.get("items").get(0).get("notChosen").get(0).get("conditions").get(0).isInt());
        assertFalse(d.get("conditions").isEmpty());
    }

    @Test
    void evaluateAndEvaluateBatchPrintLeanRecordsByDefault(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("req.json");
        Files.writeString(f, request("2026-11-23", "TRAVEL", null, 150000));
        Run byDefault = run("evaluate", f.toString(), "--compact");
        assertEquals(0, byDefault.exit(), byDefault.err());
        assertEquals("lean", byDefault.json().get("detail").asText());
        assertNull(byDefault.json().get("trace"));
        Run lean = run("evaluate", f.toString(), "--compact", "--record", "lean");
        assertEquals(lean.out().replaceAll("\"(decisionId|evaluatedAt)\":\"[^\"]*\"", ""),
                byDefault.out().replaceAll("\"(decisionId|evaluatedAt)\":\"[^\"]*\"", ""));
        Path in = Files.writeString(dir.resolve("in.jsonl"), request("2026-11-23", "TRAVEL", null, 150000)
                .replace("\n", " ") + "\n");
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, run("evaluate-batch", in.toString(), out.toString()).exit());
        JsonNode line = JSON.readTree(Files.readAllLines(out).get(0));
        assertEquals("lean", line.get("detail").asText());
        assertEquals(0, run("evaluate-batch", in.toString(), out.toString(), "--record", "full").exit());
        line = JSON.readTree(Files.readAllLines(out).get(0));
        assertEquals("full", line.get("detail").asText());
        assertFalse(line.get("trace").isEmpty());
    }

    @Test
    void explainOfTheDefaultLeanRecordRecomputesTheAnalysisOnlyWhenItCan(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("req.json");
        Files.writeString(f, request("2026-11-23", "TRAVEL", null, 150000));
        Path withRequest = dir.resolve("lean-with-request.json");
        Files.writeString(withRequest, run("evaluate", f.toString(), "--with-request").out());
        Run recomputed = run("explain", withRequest.toString());
        assertEquals(0, recomputed.exit(), recomputed.err());
        assertTrue(recomputed.out().contains("(Lean record: the analysis below was recomputed"), recomputed.out());
        assertTrue(recomputed.out().contains("Why: "), recomputed.out());
        Path bare = dir.resolve("lean.json");
        Files.writeString(bare, run("evaluate", f.toString()).out());
        Run asIs = run("explain", bare.toString(), "--lang", "zh");
        assertEquals(0, asIs.exit(), asIs.err());
        assertTrue(asIs.out().contains("（精简记录：仅含结论及所引条款的编号和名称"), asIs.out());
        assertFalse(asIs.out().contains("理由："), asIs.out());
    }

    @Test
    void recordLeanPrintsTheAnswerWithCitationIdsAndLabelsOnly() throws Exception {
        Path f = Files.createTempFile("req", ".json");
        Files.writeString(f, request("2026-11-23", "TRAVEL", null, 150000));
        Run full = run("evaluate", f.toString(), "--record", "full", "--compact");
        Run lean = run("evaluate", f.toString(), "--record", "lean", "--compact");
        assertEquals(0, lean.exit(), lean.err());
        JsonNode d = lean.json();
        assertEquals("lean", d.get("detail").asText());
        assertEquals(full.json().get("pathway"), d.get("pathway"));
        assertEquals(full.json().get("citations"), d.get("citations"), "the same citation ids");
        assertNull(d.get("trace"));
        assertNull(d.get("items").get(0).get("notChosen"));
        String firstId = d.get("items").get(0).get("citations").get(0).asText();
        assertFalse(d.get("clauses").get(firstId).get("label").asText().isEmpty());
        assertNull(d.get("clauses").get(firstId).get("text"));
        assertTrue(lean.out().length() * 3 < full.out().length(), lean.out().length() + " vs " + full.out().length());
        Run wrong = run("evaluate", f.toString(), "--record", "medium");
        assertEquals(2, wrong.exit(), wrong.err());
        assertEquals("", wrong.out());
        assertTrue(wrong.err().contains("full or lean"), wrong.err());
    }

    @Test
    void anInvalidRequestExitsTwoWithPathsOnStderrAndNothingOnStdout() throws Exception {
        Run r = run(new ByteArrayInputStream("{\"requestId\":\"x\",\"cio\":true}".getBytes(StandardCharsets.UTF_8)),
                "evaluate", "-");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        JsonNode err = JSON.readTree(r.err());
        assertEquals("invalid-input", err.get("error").asText());
        assertTrue(err.get("problems").toString().contains("$.cio"), r.err());
        assertTrue(err.get("problems").toString().contains("$.processor"), r.err());
    }

    @Test
    void aMissingFileIsInvalidInput() {
        Run r = run("evaluate", "/nonexistent/request.json");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
    }

    @Test
    void aBrokenListFileExitsThreeWithFileAndLineAndDecidesNothing(@TempDir Path dir) throws Exception {
        listDir(dir, DATED_LIST.replace("    pathway: SECURITY_ASSESSMENT", "    pathway: SECURITY_ASESSMENT"));
        Run r = evaluate(dir, request("2026-06-01", "TRAVEL", "VISA_SERVICE", 400000));
        assertEquals(3, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("dated.list.yaml:15:") && r.err().contains("SECURITY_ASESSMENT"), r.err());
    }

    @Test
    void aListAppliesOnlyInsideItsWindow(@TempDir Path dir) throws Exception {
        listDir(dir, DATED_LIST);
        // Before the window: the list does not apply; national rules (CBDF 8) with ZJ-MEASURES 18.
        JsonNode before = evaluate(dir, request("2025-12-31", "TRAVEL", "VISA_SERVICE", 400000)).json();
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", before.get("pathway").asText());
        assertTrue(before.toString().contains("\"article\":18"), before.toString());
        // First day inside: the entry's threshold (300,000 ≤ 400,000) is met: security assessment.
        JsonNode first = evaluate(dir, request("2026-01-01", "TRAVEL", "VISA_SERVICE", 400000)).json();
        assertEquals("SECURITY_ASSESSMENT", first.get("pathway").asText());
        assertTrue(first.toString().contains("\"entryId\":\"T-DATED-1\""), first.toString());
        // Last day inside, and the first day after (effectiveTo is exclusive).
        assertEquals("SECURITY_ASSESSMENT",
                evaluate(dir, request("2026-12-31", "TRAVEL", "VISA_SERVICE", 400000)).json().get("pathway").asText());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION",
                evaluate(dir, request("2027-01-01", "TRAVEL", "VISA_SERVICE", 400000)).json().get("pathway").asText());
    }

    @Test
    void entryThresholdsAndScenariosDecideOnOrOffTheList(@TempDir Path dir) throws Exception {
        listDir(dir, DATED_LIST);
        // 299,999 is below the entry's threshold: off the list in a covered sector, so exempt (ZJ 11(2), CBDF 6).
        JsonNode below = evaluate(dir, request("2026-06-01", "TRAVEL", "VISA_SERVICE", 299999)).json();
        assertEquals("EXEMPT", below.get("pathway").asText());
        assertEquals("OFF_NEGATIVE_LIST", below.get("items").get(0).get("reason").asText());
        assertTrue(below.toString().contains("LIST_FILING"), "Zhejiang list obligations");
        assertFalse(below.toString().contains("ILLUSTRATIVE_LIST"), "an OFFICIAL list gives no sample warning");
        JsonNode at = evaluate(dir, request("2026-06-01", "TRAVEL", "VISA_SERVICE", 300000)).json();
        assertEquals("SECURITY_ASSESSMENT", at.get("pathway").asText());
        // A scenario the list does not name, or no scenario: the list does not apply.
        JsonNode other = evaluate(dir, request("2026-06-01", "TRAVEL", "HOTEL_BOOKING", 300000)).json();
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", other.get("pathway").asText());
        assertEquals(13, other.get("items").get(0).get("row").asInt());
        JsonNode none = evaluate(dir, request("2026-06-01", "TRAVEL", null, 300000)).json();
        assertEquals(13, none.get("items").get(0).get("row").asInt());
    }

    static final String JIANGSU_LIST = """
            id: T-JS
            ftz: JIANGSU
            status: OFFICIAL
            title: Jiangsu test list
            version: "1"
            effectiveFrom: 2026-01-01
            sectors: [BIOMEDICINE]
            entries:
              - id: T-JS-1
                dataClass: IMPORTANT_DATA
                fields: [GENOME_SEQUENCES]
                pathway: SECURITY_ASSESSMENT
              - id: T-JS-2
                dataClass: PERSONAL_INFORMATION
                fields: [PATIENT_NAME]
                threshold: { individualsAtLeast: 200000 }
                pathway: STANDARD_CONTRACT_OR_CERTIFICATION
            """;

    static String jiangsu(String fields, long individuals) {
        return """
                {"requestId":"CLI-JS","evaluationDate":"2026-06-01",
                 "processor":{"ftz":"JIANGSU","zone":"NANJING","ciio":false,"sector":"BIOMEDICINE"},
                 "dataItems":[{"id":"d","fields":[%s],"personalInformation":{"individuals":%d}}]}"""
                .formatted(fields, individuals);
    }

    @Test
    void everyListRowHoldsThroughTheCommandLine(@TempDir Path dir) throws Exception {
        listDir(dir, JIANGSU_LIST);
        // Row 5: the list designates genome sequences as important data.
        JsonNode r5 = evaluate(dir, jiangsu("\"GENOME_SEQUENCES\"", 0)).json();
        assertEquals("SECURITY_ASSESSMENT", r5.get("pathway").asText());
        assertEquals(5, r5.get("items").get(0).get("row").asInt());
        assertTrue(r5.toString().contains("\"entryId\":\"T-JS-1\""));
        // Row 10: patient names of 200,000 persons meet entry 2: standard contract, with Jiangsu's duties.
        JsonNode r10 = evaluate(dir, jiangsu("\"PATIENT_NAME\"", 200000)).json();
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", r10.get("pathway").asText());
        assertEquals(10, r10.get("items").get(0).get("row").asInt());
        assertTrue(r10.toString().contains("REPORT_TO_ZONE_ADMINISTRATION") && r10.toString().contains("INCIDENT_REPORTING"));
        // Row 11: 199,999 stays below entry 2: off the list, exempt, though CBDF 8 would ask a contract.
        JsonNode r11 = evaluate(dir, jiangsu("\"PATIENT_NAME\"", 199999)).json();
        assertEquals("EXEMPT", r11.get("pathway").asText());
        assertEquals(11, r11.get("items").get(0).get("row").asInt());
        assertTrue(r11.toString().contains("PI_PROTECTION_DUTIES"));
        // Row 15: data without personal information off the list.
        JsonNode r15 = evaluate(dir, jiangsu("\"LAB_EQUIPMENT_LOGS\"", 0)).json();
        assertEquals(15, r15.get("items").get(0).get("row").asInt());
        // Row 9 before the list: under 100,000 the national exemption decides, whatever the list says.
        JsonNode r9 = evaluate(dir, jiangsu("\"PATIENT_NAME\"", 99999)).json();
        assertEquals(9, r9.get("items").get(0).get("row").asInt());
    }

    @Test
    void anotherFtzsListDoesNotApply(@TempDir Path dir) throws Exception {
        listDir(dir, DATED_LIST.replace("ftz: ZHEJIANG", "ftz: JIANGSU"));
        JsonNode d = evaluate(dir, request("2026-06-01", "TRAVEL", "VISA_SERVICE", 300000)).json();
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", d.get("pathway").asText());
        assertFalse(d.toString().contains("T-DATED-1"));
    }

    @Test
    void batchWritesOneRecordPerLineAndGoesOnPastBadLines(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(in, request("2026-06-01", "TRAVEL", null, 10).replace("\n", "") + "\n{\"bad\":1}\n"
                + request("2026-06-01", "TRAVEL", null, 150000).replace("\n", "") + "\n");
        Run r = run("evaluate-batch", in.toString(), out.toString());
        assertEquals(0, r.exit(), r.err());
        var lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertEquals("EXEMPT", JSON.readTree(lines.get(0)).get("pathway").asText());
        assertEquals("invalid-input", JSON.readTree(lines.get(1)).get("error").asText());
        assertEquals(2, JSON.readTree(lines.get(1)).get("line").asInt());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", JSON.readTree(lines.get(2)).get("pathway").asText());
        assertTrue(r.err().contains("3 lines, 2 decided, 1 errors"), r.err());
    }

    @Test
    void lintListsExitCodes(@TempDir Path dir) throws Exception {
        listDir(dir, DATED_LIST);
        Run clean = run("lint-lists", dir.toString());
        assertEquals(1, clean.exit(), clean.out()); // 300,000 SA entry is stricter than the national tier
        assertTrue(clean.out().contains("dated.list.yaml:11:"), clean.out());
        Files.writeString(dir.resolve("dated.list.yaml"), DATED_LIST.replace("300000", "1000000"));
        assertEquals(0, run("lint-lists", dir.toString()).exit());
        Files.writeString(dir.resolve("dated.list.yaml"), DATED_LIST.replace("sectors:", "sector:"));
        assertEquals(3, run("lint-lists", dir.toString()).exit());
        // The bundled samples tier one field set at two volumes on purpose: tiers, not overlaps, so lint is clean.
        Run bundled = run("lint-lists", "../ftz-outbound-core/src/main/resources/lists");
        assertEquals(0, bundled.exit(), bundled.out());
        assertFalse(bundled.out().contains("overlaps"), bundled.out());
        // The example lists acknowledge their stricter-than-national rows, each with its reason.
        Run examples = run("lint-lists", "../docs/examples/lists");
        assertEquals(0, examples.exit(), examples.out());
        assertTrue(examples.out().contains("acknowledged STRICTER_THAN_NATIONAL: note: entry ZJX-PHARMA-CT-SA01"),
                examples.out());
    }
}
