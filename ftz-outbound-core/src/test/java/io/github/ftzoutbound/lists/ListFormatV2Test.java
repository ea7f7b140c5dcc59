package io.github.ftzoutbound.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Pathway;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** List format 2: the schema, the loader's refusals, the code catalog, lint, and what the engine does with them. */
class ListFormatV2Test {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path SCHEMA = Path.of("../docs/schemas/negative-list-v2.schema.json");

    static final String V2 = """
            format: 2
            id: T-2
            ftz: ZHEJIANG
            status: ILLUSTRATIVE
            title: test
            version: "1"
            effectiveFrom: 2026-01-01
            conditions:
              - { code: FILED, zh: 已备案, en: Filed }
            sectors:
              - code: PHARMACEUTICALS
                otherRoutes:
                  - { id: T-2-R, dataType: IMPORTANT_DATA, fields: [GENE_SEQUENCE_DATA], route: HUMAN_GENETIC_RESOURCES }
                scenarios:
                  - code: CLINICAL_TRIAL
                    securityAssessment:
                      - { id: T-2-SA, dataType: PERSONAL_INFORMATION, fields: [SUBJECT_NAME], unless: [FILED],
                          thresholds: [ { counts: ALL_PERSONS, atLeast: 1000000 } ] }
                    standardContractOrCertification:
                      - { id: T-2-SCC, dataType: PERSONAL_INFORMATION, fields: [SUBJECT_NAME],
                          thresholds: [ { counts: ALL_PERSONS, atLeast: 200000, below: 1000000 } ] }
              - code: CIVIL_AVIATION
            """;

    static List<String> problems(String yaml) {
        return assertThrows(RuleSetException.class,
                () -> ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", yaml)))).problems();
    }

    static void assertProblem(String yaml, String contains) {
        List<String> p = problems(yaml);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("lists/t.list.yaml:") && s.contains(contains)),
                () -> "expected a problem containing " + contains + ", got " + p);
    }

    static List<Path> listFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".list.yaml")).sorted().toList();
        }
    }

    @Test
    void everyBundledAndExampleListOfFormat2MatchesThePublishedSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(Files.readString(SCHEMA)));
        List<Path> files = new ArrayList<>(listFiles(Path.of("../ftz-outbound-core/src/main/resources/lists")));
        files.addAll(listFiles(Path.of("../docs/examples/lists")));
        int checked = 0;
        for (Path f : files) {
            JsonNode node = YAML.readTree(Files.readString(f));
            if (node.path("format").asInt(1) != 2) {
                continue; // format 1 (the automotive sample) still loads; the schema describes format 2
            }
            Set<ValidationMessage> errors = schema.validate(node);
            assertTrue(errors.isEmpty(), () -> f + ": " + errors);
            checked++;
        }
        assertEquals(4, checked, "the bundled Zhejiang and Jiangsu lists and the two format-2 examples");
        // The schema can fail: a row in the standard-contract sub-list with a route is refused.
        JsonNode bad = YAML.readTree(V2.replace("atLeast: 200000, below: 1000000 } ] }",
                "atLeast: 200000, below: 1000000 } ], route: X }"));
        assertFalse(schema.validate(bad).isEmpty());
        assertFalse(schema.validate(YAML.readTree(V2.replace("counts: ALL_PERSONS", "counts: PERSONS"))).isEmpty());
    }

    @Test
    void format2IsReadIntoOneListPerSectorWithTypedRowsBandsRoutesAndConditions() {
        List<NegativeList> parts = ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", V2)));
        assertEquals(2, parts.size());
        NegativeList pharma = parts.get(0);
        assertEquals(List.of("PHARMACEUTICALS"), pharma.sectors());
        assertEquals(List.of("CLINICAL_TRIAL"), pharma.scenarios());
        assertEquals(List.of("CIVIL_AVIATION"), parts.get(1).sectors());
        ListEntry route = pharma.entries().get(0);
        assertEquals(Pathway.STRICTER_REGIME, route.pathway());
        assertEquals("HUMAN_GENETIC_RESOURCES", route.route());
        assertNull(route.scenario());
        ListEntry sa = pharma.entries().get(1);
        assertEquals(Pathway.SECURITY_ASSESSMENT, sa.pathway());
        assertEquals(List.of(new Band(Counts.ALL_PERSONS, 1_000_000, null)), sa.bands());
        assertEquals(List.of("FILED"), sa.unless());
        assertEquals(new Band(Counts.ALL_PERSONS, 200_000, 1_000_000L), pharma.entries().get(2).bands().get(0));
        assertEquals(2, pharma.format());
    }

    @Test
    void format2RefusesWhatThePublishedLayoutCannotMean() {
        assertProblem(V2.replace("unless: [FILED]", "unless: [NOT_DECLARED]"), "not declared in the list's conditions");
        assertProblem(V2.replace("route: HUMAN_GENETIC_RESOURCES }", "}"), "route is required");
        assertProblem(V2.replace("id: T-2-SCC, dataType: PERSONAL_INFORMATION", "id: T-2-SCC, dataType: IMPORTANT_DATA"),
                "standard-contract sub-list");
        assertProblem(V2.replace("atLeast: 200000, below: 1000000", "atLeast: 200000, below: 200000"), "must be above atLeast");
        assertProblem(V2.replace("counts: ALL_PERSONS, atLeast: 1000000", "counts: PERSONS, atLeast: 1000000"), "unknown counts");
        assertProblem(V2.replace("status: ILLUSTRATIVE", "status: OFFICIAL"), "names its sources");
        assertProblem(V2.replace("ftz: ZHEJIANG", "ftz: ATLANTIS"), "unknown ftz");
        assertProblem(V2.replace("fields: [GENE_SEQUENCE_DATA], ", ""), "needs fields, or a description");
        assertProblem(V2.replace("format: 2", "format: 3"), "format must be 1 or 2");
    }

    @Test
    void anAdoptionNeedsItsListAnotherFtzAndACompleteList() {
        SourceFile bj = new SourceFile("lists/bj.list.yaml", V2.replace("ftz: ZHEJIANG", "ftz: BEIJING"));
        String adoption = """
                id: A-1
                adoptingFtz: JIANGSU
                list: T-2
                adoptedFrom: 2026-02-01
                document: 通知
                """;
        ListLoader.Loaded ok = ListLoader.load(List.of(bj), List.of(new SourceFile("lists/a.adoption.yaml", adoption)), List.of());
        assertEquals("A-1", ok.adoptions().get(0).id());
        List<String> missing = assertThrows(RuleSetException.class, () -> ListLoader.load(List.of(),
                List.of(new SourceFile("lists/a.adoption.yaml", adoption)), List.of())).problems();
        assertTrue(missing.get(0).contains("not loaded"), missing::toString);
        List<String> self = assertThrows(RuleSetException.class, () -> ListLoader.load(
                List.of(new SourceFile("lists/t.list.yaml", V2.replace("ftz: ZHEJIANG", "ftz: JIANGSU"))),
                List.of(new SourceFile("lists/a.adoption.yaml", adoption)), List.of())).problems();
        assertTrue(self.get(0).contains("only another FTZ's list"), self::toString);
        List<String> incomplete = assertThrows(RuleSetException.class, () -> ListLoader.load(
                List.of(new SourceFile("lists/bj.list.yaml", bj.content().replace("status: ILLUSTRATIVE", "status: INCOMPLETE"))),
                List.of(new SourceFile("lists/a.adoption.yaml", adoption)), List.of())).problems();
        assertTrue(incomplete.get(0).contains("INCOMPLETE"), incomplete::toString);
        List<String> sector = assertThrows(RuleSetException.class, () -> ListLoader.load(List.of(bj),
                List.of(new SourceFile("lists/a.adoption.yaml", adoption + "sectors: [RETAIL]\n")), List.of())).problems();
        assertTrue(sector.get(0).contains("does not cover"), sector::toString);
    }

    @Test
    void theCodeCatalogSuggestsTheNearestCodesAndRefusesConflictingNames() {
        CodeCatalog codes = ListLoader.load(List.of(), List.of(), ClasspathFiles.under("lists", "codes.yaml")).codes();
        assertEquals(List.of("CROSS_BORDER_ECOMMERCE"), codes.suggest(CodeCatalog.Kind.SECTOR, "CROSS_BORDER_ECOMERCE"));
        assertTrue(codes.unknownMessage(CodeCatalog.Kind.FIELD, "BUYER_ID_NUMBR").contains("did you mean BUYER_ID_NUMBER"));
        assertEquals(List.of(), codes.suggest(CodeCatalog.Kind.FIELD, "ZZZZZZZZZZZZZZZZZZZZZZ"));
        assertEquals("医药", codes.all(CodeCatalog.Kind.SECTOR).get("PHARMACEUTICALS").zh());
        List<String> p = assertThrows(RuleSetException.class, () -> ListLoader.load(List.of(), List.of(), List.of(
                new SourceFile("a/codes.yaml", "sectors:\n  X_SECTOR: { zh: 甲, en: A }\n"),
                new SourceFile("b/codes.yaml", "sectors:\n  X_SECTOR: { zh: 乙, en: B }\n")))).problems();
        assertTrue(p.get(0).startsWith("b/codes.yaml:2:") && p.get(0).contains("already defined in a/codes.yaml"), p::toString);
    }

    @Test
    void aRequestWithAnUnknownCodeIsRefusedWithSuggestionsNeverDecided() {
        String json = """
                {"requestId":"U","evaluationDate":"2026-03-02","processor":{"ftz":"ZHEJIANG","zone":"HANGZHOU","ciio":false,
                 "sector":"CROSS_BORDER_ECOMERCE"},"scenario":"CROSS_BORDER_ECOMMERCE_PLATFROM",
                 "dataItems":[{"id":"a","fields":["BUYER_ID_NUMBR"],"personalInformation":{"individuals":600000}}]}
                """;
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> TestServices.bundled().evaluateJson(json));
        assertEquals(3, e.problems().size(), e.problems()::toString);
        assertEquals("$.processor.sector", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("did you mean CROSS_BORDER_ECOMMERCE"), e.problems()::toString);
        assertEquals("$.scenario", e.problems().get(1).path());
        assertTrue(e.problems().get(1).message().contains("did you mean CROSS_BORDER_ECOMMERCE_PLATFORM"));
        assertEquals("$.dataItems[0].fields[0]", e.problems().get(2).path());
        assertTrue(e.problems().get(2).message().contains("did you mean BUYER_ID_NUMBER"));
    }

    @Test
    void aRouteRowPutsItsRouteInTheItemDecision() {
        String json = """
                {"requestId":"R","evaluationDate":"2026-03-02","processor":{"ftz":"ZHEJIANG","zone":"HANGZHOU","ciio":false,
                 "sector":"PHARMACEUTICALS"},"scenario":"CLINICAL_TRIAL",
                 "dataItems":[{"id":"g","fields":["GENE_SEQUENCE_DATA"]},{"id":"s","fields":["AGGREGATE_STATISTICS"]}]}
                """;
        ExportDecision d = TestServices.withExampleLists().evaluateJson(json);
        assertEquals(Pathway.STRICTER_REGIME, d.pathway());
        assertEquals("HUMAN_GENETIC_RESOURCES", d.items().get(0).route());
        assertEquals("LIST_ROUTE", d.items().get(0).reason());
        assertNull(d.items().get(1).route());
        assertTrue(io.github.ftzoutbound.api.DecisionJson.toJson(d, false).contains("\"route\":\"HUMAN_GENETIC_RESOURCES\""));
        String text = io.github.ftzoutbound.audit.Explainer.explain(d, io.github.ftzoutbound.audit.Explainer.Lang.EN);
        assertTrue(text.contains("Route: HUMAN_GENETIC_RESOURCES"), text);
    }

    @Test
    void lintTreatsTieredBandsAsTiersNotOverlapsAndHonoursAcknowledgements() {
        List<NegativeList> parts = ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", V2)));
        CodeCatalog codes = ListLoader.load(List.of(), List.of(), ClasspathFiles.under("lists", "codes.yaml")).codes();
        ListLint.Report tiers = ListLint.lint(parts, codes);
        assertTrue(tiers.findings().stream().noneMatch(f -> f.code().equals("OVERLAP")), tiers::toString);
        // Without the band the SCC row is not a tier below the SA row: an overlap.
        List<NegativeList> overlapping = ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml",
                V2.replace("thresholds: [ { counts: ALL_PERSONS, atLeast: 200000, below: 1000000 } ]", "examples: [x]"))));
        ListLint.Report overlap = ListLint.lint(overlapping, codes);
        assertTrue(overlap.findings().stream().anyMatch(f -> f.code().equals("OVERLAP") && f.rows().contains("T-2-SCC")),
                overlap::toString);
        String acked = V2 + """
                acknowledged:
                  - { finding: STRICTER_THAN_NATIONAL, rows: [T-2-SA], reason: as published }
                  - { finding: OVERLAP, rows: [T-2-X, T-2-Y], reason: stale }
                """;
        ListLint.Report r = ListLint.lint(ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", acked))), codes);
        assertTrue(r.acknowledged().stream().anyMatch(f -> f.code().equals("STRICTER_THAN_NATIONAL")
                && "as published".equals(f.acknowledged())), r::toString);
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("STRICTER_THAN_NATIONAL")), r::toString);
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("UNUSED_ACKNOWLEDGEMENT")), r::toString);
        // A code no catalog defines is a finding that no acknowledgement can silence.
        ListLint.Report unknown = ListLint.lint(ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml",
                V2.replace("[SUBJECT_NAME], unless", "[SUBJECT_NAM], unless")))), codes);
        assertTrue(unknown.findings().stream().anyMatch(f -> f.code().equals("UNKNOWN_CODE")
                && f.message().contains("did you mean SUBJECT_NAME?")), unknown::toString);
    }

    @Test
    void format1FilesStillLoadAsTheyDid() throws Exception {
        String v1 = Files.readString(Path.of("../docs/examples/lists/js-2025-automotive.list.yaml"));
        NegativeList l = ListLoader.parseAll(List.of(new SourceFile("lists/a.list.yaml", v1))).get(0);
        assertEquals(1, l.format());
        assertEquals(new Threshold(500000L, null), l.entries().get(0).threshold());
        assertEquals(List.of(new Band(Counts.NON_SENSITIVE_PERSONS, 500000, null)), l.entries().get(0).bands());
        assertEquals(RowDataType.IMPORTANT_DATA, l.entries().get(3).dataType());
    }

    @Test
    void anIncompleteListDecidesWhatItListsAndNeverExemptsTheRest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("js-retail.list.yaml"), """
                format: 2
                id: JS-RETAIL-PART
                ftz: JIANGSU
                status: INCOMPLETE
                title: 部分转录的清单
                version: "1"
                effectiveFrom: 2025-08-13
                sectors:
                  - code: RETAIL
                    standardContractOrCertification:
                      - { id: JS-RETAIL-1, dataType: PERSONAL_INFORMATION, fields: [BUYER_NAME],
                          thresholds: [ { counts: ALL_PERSONS, atLeast: 300000 } ] }
                """);
        var service = io.github.ftzoutbound.api.ExportDecisionService.builder().addListDirectory(dir).build();
        String json = """
                {"requestId":"I","evaluationDate":"2026-03-02","processor":{"ftz":"JIANGSU","zone":"SUZHOU","ciio":false,
                 "sector":"RETAIL"},"personalInformationTotals":{"individuals":300000,"sensitiveIndividuals":0},
                 "dataItems":[{"id":"listed","fields":["BUYER_NAME"],"personalInformation":{"individuals":300000}},
                              {"id":"unlisted","fields":["SHIPPING_ADDRESS"],"personalInformation":{"individuals":300000}},
                              {"id":"other","fields":["SKU"]}]}
                """;
        ExportDecision d = service.evaluateJson(json);
        // Listed: the row decides (row 10), cited with the list.
        assertEquals(10, d.items().get(0).row());
        assertTrue(d.items().get(0).citations().stream().anyMatch(c -> "JS-RETAIL-1".equals(c.entryId())));
        // Not listed: decided as if no list covered the sector: CBDF 8 (row 13), never JS 10.
        assertEquals(13, d.items().get(1).row());
        assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, d.items().get(1).pathway());
        assertEquals(16, d.items().get(2).row());
        assertTrue(d.citations().stream().noneMatch(c -> "JS-MEASURES".equals(c.instrument()) && Integer.valueOf(10).equals(c.article())));
        var incomplete = d.warnings().stream().filter(w -> w.code().equals("LIST_INCOMPLETE")).findFirst().orElseThrow();
        assertEquals(List.of("unlisted", "other"), incomplete.itemIds());
        // Below the row's band the listed data is off the row, and still not exempt under the list.
        ExportDecision below = service.evaluateJson(json.replace("300000", "299999"));
        assertEquals(13, below.items().get(0).row());
    }
}
