package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.Processor;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The value types of the lists package on their own: the dates a duty or an adoption is in force (both sides of
 * each bound), the sectors an adoption covers, a band's wording, the format-1 view of a row, the code catalog's
 * suggestions, and the request references a typo must never slip past.
 */
class ListValuesTest {
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2027, 1, 1);

    @Test
    void anAdoptionIsInForceFromItsFirstDayUntilTheDayBeforeItsEnd() {
        Adoption a = new Adoption("A", Ftz.JIANGSU, "ZJ", null, FROM, TO, "doc", "quote", "a.adoption.yaml");
        assertFalse(a.inForceOn(FROM.minusDays(1)));
        assertTrue(a.inForceOn(FROM));
        assertTrue(a.inForceOn(TO.minusDays(1)));
        assertFalse(a.inForceOn(TO));
        Adoption open = new Adoption("A", Ftz.JIANGSU, "ZJ", null, FROM, null, "doc", "quote", "a.adoption.yaml");
        assertTrue(open.inForceOn(LocalDate.of(2099, 1, 1)));
        assertFalse(open.inForceOn(FROM.minusDays(1)));
    }

    @Test
    void anAdoptionNamingSectorsAdoptsOnlyThose() {
        Adoption all = new Adoption("A", Ftz.JIANGSU, "ZJ", List.of(), FROM, null, "d", "q", "s");
        assertTrue(all.adoptsSector("RETAIL"));
        Adoption some = new Adoption("A", Ftz.JIANGSU, "ZJ", List.of("PHARMACEUTICALS"), FROM, null, "d", "q", "s");
        assertTrue(some.adoptsSector("PHARMACEUTICALS"));
        assertFalse(some.adoptsSector("RETAIL"));
    }

    @Test
    void aDutyIsInForceBetweenItsDatesEachSideOpenWhenLeftOut() {
        ListDuty d = new ListDuty("R", ListDuty.Kind.REPORT_AFTER_EXPORT, 10, ListDuty.Scope.ALL_DATA, FROM, TO,
                "text", "text", 1);
        assertFalse(d.inForceOn(FROM.minusDays(1)));
        assertTrue(d.inForceOn(FROM));
        assertTrue(d.inForceOn(TO.minusDays(1)));
        assertFalse(d.inForceOn(TO));
        ListDuty undated = new ListDuty("R", ListDuty.Kind.OTHER, null, ListDuty.Scope.LISTED_DATA, null, null,
                "text", null, 1);
        assertTrue(undated.inForceOn(LocalDate.of(1990, 1, 1)));
        ListDuty untilOnly = new ListDuty("R", ListDuty.Kind.OTHER, null, ListDuty.Scope.LISTED_DATA, null, TO,
                "text", null, 1);
        assertTrue(untilOnly.inForceOn(FROM));
        assertFalse(untilOnly.inForceOn(TO));
    }

    @Test
    void aBandReadsInTheLawsCountingWords() {
        assertEquals("≥ 100,000 and < 1,000,000 persons",
                new Band(Counts.NON_SENSITIVE_PERSONS, 100_000, 1_000_000L).describe());
        assertEquals("≥ 10,000 sensitive persons", new Band(Counts.SENSITIVE_PERSONS, 10_000, null).describe());
        assertEquals("100,000人以上、不满1,000,000人个人信息（不含敏感个人信息）",
                new Band(Counts.NON_SENSITIVE_PERSONS, 100_000, 1_000_000L).describeZh());
        assertEquals("10,000人以上敏感个人信息", new Band(Counts.SENSITIVE_PERSONS, 10_000, null).describeZh());
    }

    private static ListEntry row(List<String> fields, List<Band> bands) {
        return new ListEntry("R-1", "AUTOMOTIVE_MANUFACTURING", "S", RowDataType.PERSONAL_INFORMATION, null, fields,
                "d", null, null, bands, Pathway.SECURITY_ASSESSMENT, null, null, 3);
    }

    @Test
    void aRowWithoutFieldsIsDefinedByItsDescription() {
        assertTrue(row(List.of(), List.of()).descriptionDefined());
        assertFalse(row(List.of("VIN"), List.of()).descriptionDefined());
    }

    @Test
    void theFormat1ViewKeepsOnlyOpenNonSensitiveAndSensitiveBands() {
        assertNull(row(List.of("VIN"), List.of()).threshold());
        Threshold t = row(List.of("VIN"), List.of(new Band(Counts.NON_SENSITIVE_PERSONS, 100_000, null),
                new Band(Counts.SENSITIVE_PERSONS, 10_000, null))).threshold();
        assertEquals(new Threshold(100_000L, 10_000L), t);
        // An upper bound or another tally has no format-1 equivalent: left out.
        Threshold closed = row(List.of("VIN"), List.of(new Band(Counts.NON_SENSITIVE_PERSONS, 100_000, 1_000_000L),
                new Band(Counts.ALL_PERSONS, 5, null), new Band(Counts.SENSITIVE_PERSONS, 1, 2L))).threshold();
        assertEquals(new Threshold(null, null), closed);
    }

    private static CodeCatalog catalog(String... sectors) {
        Map<String, CodeCatalog.Name> names = new java.util.TreeMap<>();
        for (String s : sectors) {
            names.put(s, new CodeCatalog.Name(s, "中", "en", "codes.yaml"));
        }
        Map<CodeCatalog.Kind, Map<String, CodeCatalog.Name>> m = new EnumMap<>(CodeCatalog.Kind.class);
        m.put(CodeCatalog.Kind.SECTOR, names);
        return new CodeCatalog(m);
    }

    @Test
    void theCatalogSuggestsTheNearestCodesFirstAndNoneWhenTooFar() {
        CodeCatalog c = catalog("RETAIL", "RETAILS", "TRAVEL", "ENERGY", "PHARMACEUTICALS");
        assertFalse(c.isEmpty());
        assertTrue(CodeCatalog.EMPTY.isEmpty());
        assertTrue(c.knows(CodeCatalog.Kind.SECTOR, "RETAIL"));
        assertFalse(c.knows(CodeCatalog.Kind.SCENARIO, "RETAIL"));
        assertEquals(List.of("RETAIL", "RETAILS"), c.suggest(CodeCatalog.Kind.SECTOR, "RETAIK"));
        // limit = max(2, 6 / 3) = 2: distance 2 is suggested, distance 3 is not.
        assertEquals(List.of("ENERGY"), c.suggest(CodeCatalog.Kind.SECTOR, "ENERXX"));
        assertEquals(List.of(), c.suggest(CodeCatalog.Kind.SECTOR, "ENEXXX"));
        // A long code contained in the typo (or the typo in a code), from four characters, is suggested too.
        assertEquals(List.of("PHARMACEUTICALS"), c.suggest(CodeCatalog.Kind.SECTOR, "PHARMA"));
        assertEquals(List.of(), c.suggest(CodeCatalog.Kind.SECTOR, "PHA"));
        assertEquals(List.of("TRAVEL"), c.suggest(CodeCatalog.Kind.SECTOR, "TRAVEL_AND_TOURISM"));
        assertEquals(3, CodeCatalog.distance("kitten", "sitting"));
        assertEquals(0, CodeCatalog.distance("", ""));
        assertEquals(4, CodeCatalog.distance("", "abcd"));
        assertEquals("unknown sector code RETAIK (no code catalog defines it); did you mean RETAIL or RETAILS?",
                c.unknownMessage(CodeCatalog.Kind.SECTOR, "RETAIK"));
        assertEquals("unknown sector code XYZ (no code catalog defines it)",
                c.unknownMessage(CodeCatalog.Kind.SECTOR, "XYZ"));
    }

    static final String LIST = """
            format: 2
            id: T-REF
            ftz: ZHEJIANG
            status: ILLUSTRATIVE
            title: test
            version: "1"
            effectiveFrom: 2026-01-01
            conditions:
              - { code: FILED_WITH_ZONE, zh: 已备案, en: Filed }
            sectors:
              - code: PHARMACEUTICALS
                scenarios:
                  - code: CLINICAL_TRIAL
                    securityAssessment:
                      - { id: T-REF-SA-1, dataType: PERSONAL_INFORMATION, fields: [SUBJECT_NAME],
                          thresholds: [ { counts: ALL_PERSONS, atLeast: 1000000 } ] }
                      - { id: T-REF-SA-2, dataType: PERSONAL_INFORMATION, description: described rows }
            """;

    static final String CODES = """
            sectors:
              PHARMACEUTICALS: { zh: 医药, en: Pharmaceuticals }
            scenarios:
              CLINICAL_TRIAL: { zh: 临床试验, en: Clinical trial }
            fields:
              SUBJECT_NAME: { zh: 受试者姓名, en: Subject name }
            """;

    private static RequestReferences references() {
        return new RequestReferences(ListLoader.load(List.of(new SourceFile("lists/t.list.yaml", LIST)), List.of(),
                List.of(new SourceFile("lists/codes.yaml", CODES))));
    }

    private static ExportRequest request(String sector, String scenario, DataItem item) {
        return ExportRequest.builder().requestId("R").scenario(scenario)
                .processor(Processor.builder(Ftz.ZHEJIANG).sector(sector).build()).dataItem(item).build();
    }

    @Test
    void knownReferencesPassAndEveryUnknownOneIsAProblemAtItsPath() {
        RequestReferences refs = references();
        DataItem good = DataItem.builder("a").fields("SUBJECT_NAME").listRows(List.of("T-REF-SA-2"))
                .conditions(Map.of("FILED_WITH_ZONE", true)).build();
        assertEquals(List.of(), refs.check(request("PHARMACEUTICALS", "CLINICAL_TRIAL", good)));
        assertEquals(List.of(), refs.check(request(null, null, DataItem.of("a"))));

        DataItem bad = DataItem.builder("a").fields("SUBJECT_NAME", "SUBJECT_NAM").listRows(List.of("T-REF-SA-3",
                "NOTHING-LIKE-IT")).conditions(Map.of("FILED_WITH_ZONF", true, "ZZ", false)).build();
        List<Problem> p = refs.check(request("PHARMACEUTICAL", "CLINICAL_TRAIL", bad));
        assertEquals(List.of("$.processor.sector", "$.scenario", "$.dataItems[0].fields[1]",
                "$.dataItems[0].listRows[0]", "$.dataItems[0].listRows[1]", "$.dataItems[0].conditions.FILED_WITH_ZONF",
                "$.dataItems[0].conditions.ZZ"), p.stream().map(Problem::path).toList());
        assertEquals("unknown sector code PHARMACEUTICAL (no code catalog defines it); did you mean PHARMACEUTICALS?",
                p.get(0).message());
        assertEquals("unknown list row T-REF-SA-3 (no loaded list has it); did you mean T-REF-SA-1 or T-REF-SA-2?",
                p.get(3).message());
        assertEquals("unknown list row NOTHING-LIKE-IT (no loaded list has it)", p.get(4).message());
        assertEquals("unknown list condition FILED_WITH_ZONF (no loaded list declares it); did you mean "
                + "FILED_WITH_ZONE?", p.get(5).message());
        assertEquals("unknown list condition ZZ (no loaded list declares it)", p.get(6).message());
    }

    @Test
    void aLintFindingReadsAsFileLineCodeAndMessageWithItsAcknowledgement() {
        assertEquals("t.list.yaml:4: BELOW_NATIONAL: too low",
                new ListLint.Finding("t.list.yaml", 4, "BELOW_NATIONAL", List.of("R"), "too low", null).toString());
        assertEquals("t.list.yaml:4: acknowledged BELOW_NATIONAL: too low — as published",
                new ListLint.Finding("t.list.yaml", 4, "BELOW_NATIONAL", List.of("R"), "too low", "as published")
                        .toString());
    }
}
