package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.Limits;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the list loader refuses, and where it says the problem is: each refusal has its file and line, each bound
 * (file size, text length, counts) is tested on both sides, and the YAML hardening (duplicate keys, nesting depth,
 * tags) is shown to refuse at parse time. A list that loads with a problem could move data off a list.
 */
class ListLoaderRefusalsTest {
    static final String FILE = "lists/t.list.yaml";

    /** A small format-2 list; line numbers in the comments are what the problems must name. */
    static final String LIST = """
            format: 2
            id: T-3
            ftz: ZHEJIANG
            status: ILLUSTRATIVE
            title: test
            version: "1"
            effectiveFrom: 2026-01-01
            duties:
              - { code: REPORT, kind: REPORT_AFTER_EXPORT, workingDays: 10, scope: ALL_DATA, text: 报告 }
            sectors:
              - code: PHARMACEUTICALS
                scenarios:
                  - code: CLINICAL_TRIAL
                    securityAssessment:
                      - { id: T-3-SA, dataType: PERSONAL_INFORMATION, fields: [SUBJECT_NAME],
                          thresholds: [ { counts: ALL_PERSONS, atLeast: 1000000 } ] }
            """;

    static List<NegativeList> load(String yaml) {
        return ListLoader.parseAll(List.of(new SourceFile(FILE, yaml)));
    }

    static List<String> problems(String yaml) {
        return assertThrows(RuleSetException.class, () -> load(yaml)).problems();
    }

    /** Exactly one problem, starting with {@code file:line: } and containing {@code text}. */
    static void assertOnly(String yaml, int line, String text) {
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).startsWith(FILE + ":" + line + ": "), p::toString);
        assertTrue(p.get(0).contains(text), () -> "expected " + text + " in " + p);
    }

    @Test
    void theBaseListLoadsWithItsDutyAndRowAtTheirLines() {
        NegativeList l = load(LIST).get(0);
        ListDuty d = l.duties().get(0);
        assertEquals(10, d.workingDays());
        assertEquals(9, d.line());
        assertEquals(15, l.entries().get(0).line());
        assertEquals(LocalDate.of(2026, 1, 1), l.effectiveFrom());
    }

    @Test
    void aFileOfTheMaximumSizeIsReadAndOneCharacterMoreIsRefusedUnread() {
        String padded = LIST + "#" + "x".repeat(ListLoader.MAX_FILE_CHARS - LIST.length() - 1);
        assertEquals(ListLoader.MAX_FILE_CHARS, padded.length());
        assertEquals(1, load(padded).size());
        assertOnly(padded + "x", 1, "file larger than " + ListLoader.MAX_FILE_CHARS + " characters");
    }

    @Test
    void duplicateKeysAreRefusedAtTheirLine() {
        // SnakeYAML checks duplicate keys only when constructing objects; the loader composes nodes, so its own
        // mapping reader is what refuses them (setAllowDuplicateKeys(false) is defence in depth).
        assertOnly(LIST.replace("title: test\n", "title: test\ntitle: other\n"), 6, "duplicate key \"title\"");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedByTheParser() {
        // Deeper than Limits.MAX_NESTING (32) but within SnakeYAML's own default (50): only our limit refuses it.
        int depth = Limits.MAX_NESTING + 8;
        String nested = "[".repeat(depth) + "]".repeat(depth);
        List<String> p = problems(LIST + "issuers: " + nested + "\n");
        assertEquals(1, p.size(), p::toString);
        // SnakeYAML gives no position for this one: the problem names the file.
        assertTrue(p.get(0).startsWith(FILE + ":1: not valid YAML: Nesting Depth exceeded max 32"), p::toString);
    }

    @Test
    void malformedYamlNamesTheLineOfTheFault() {
        assertOnly(LIST.replace("ftz: ZHEJIANG", "ftz: [ZHEJIANG"), 4, "not valid YAML");
        assertOnly(LIST.replace("title: test", "title: &t test"), 5, "anchors and aliases are not allowed");
    }

    @Test
    void tagsOtherThanYamlsOwnAreRefusedWherevereTheyStand() {
        assertOnly(LIST.replace("title: test", "title: !custom test"), 5, "YAML tag !custom is not allowed");
        assertOnly(LIST + "sources: [ !custom here ]\n", 17, "YAML tag !custom is not allowed");
        assertOnly(LIST.replace("fields: [SUBJECT_NAME]", "fields: [ !custom SUBJECT_NAME ]"), 15,
                "YAML tag !custom is not allowed");
    }

    @Test
    void textsAreAtMost4000Characters() {
        String most = "字".repeat(4000);
        assertEquals(most, load(LIST.replace("title: test", "title: " + most)).get(0).title());
        assertOnly(LIST.replace("title: test", "title: " + most + "字"), 5, "title longer than 4000 characters");
        assertEquals(List.of(most), load(LIST + "sources: [ " + most + " ]\n").get(0).sources());
        assertOnly(LIST + "sources: [ " + most + "字 ]\n", 17, "sources must hold non-empty texts");
        assertOnly(LIST + "sources: [ \"\" ]\n", 17, "sources must hold non-empty texts");
    }

    @Test
    void bandBoundsLieBetweenOneAndTenBillion() {
        String one = LIST.replace("atLeast: 1000000", "atLeast: 1");
        assertEquals(1, load(one).get(0).entries().get(0).bands().get(0).atLeast());
        String max = LIST.replace("atLeast: 1000000", "atLeast: " + Limits.MAX_COUNT);
        assertEquals(Limits.MAX_COUNT, load(max).get(0).entries().get(0).bands().get(0).atLeast());
        assertOnly(LIST.replace("atLeast: 1000000", "atLeast: 0"), 16, "atLeast must be between 1 and");
        assertOnly(LIST.replace("atLeast: 1000000", "atLeast: " + (Limits.MAX_COUNT + 1)), 16,
                "atLeast must be between 1 and");
        assertOnly(LIST.replace("atLeast: 1000000", "atLeast: \"12\""), 16, "atLeast must be a whole number");
        assertOnly(LIST.replace("counts: ALL_PERSONS, atLeast: 1000000", "counts: ALL_PERSONS, below: 5"), 16,
                "atLeast is required");
    }

    @Test
    void aReportDutySaysWithinHowManyWorkingDaysOtherDutiesNeedNot() {
        assertOnly(LIST.replace("workingDays: 10, ", ""), 9, "says within how many workingDays");
        NegativeList filing = load(LIST.replace("kind: REPORT_AFTER_EXPORT, workingDays: 10",
                "kind: FILING_BEFORE_EXPORT")).get(0);
        assertEquals(null, filing.duties().get(0).workingDays());
        assertOnly(LIST.replace("scope: ALL_DATA,", "scope: ALL_DATA, effectiveFrom: 2026-06-01, "
                + "effectiveTo: 2026-06-01,"), 9, "effectiveTo 2026-06-01 must be after 2026-06-01");
    }

    @Test
    void theListsWindowMustNotBeEmpty() {
        assertOnly(LIST.replace("effectiveFrom: 2026-01-01", "effectiveFrom: 2026-01-01\neffectiveTo: 2026-01-01"),
                8, "effectiveTo 2026-01-01 must be after 2026-01-01");
        assertEquals(LocalDate.of(2026, 1, 2), load(LIST.replace("effectiveFrom: 2026-01-01",
                "effectiveFrom: 2026-01-01\neffectiveTo: 2026-01-02")).get(0).effectiveTo());
    }

    @Test
    void anOfficialListWithSourcesLoads() {
        NegativeList official = load(LIST.replace("status: ILLUSTRATIVE", "status: OFFICIAL")
                + "sources: [ 浙江省 2024 ]\n").get(0);
        assertEquals(ListStatus.OFFICIAL, official.status());
        assertOnly(LIST.replace("status: ILLUSTRATIVE", "status: OFFICIAL") + "sources: []\n", 1,
                "an OFFICIAL list names its sources");
    }

    @Test
    void conditionsSectorsAndScenariosAreNamedOnce() {
        assertOnly(LIST + "conditions:\n  - { code: FILED, zh: 已备案, en: Filed }\n"
                + "  - { code: FILED, zh: 已备案, en: Filed }\n", 19, "condition FILED is declared twice");
        assertOnly(LIST + "  - code: PHARMACEUTICALS\n", 17, "sector PHARMACEUTICALS is named twice");
        assertOnly(LIST + "      - code: CLINICAL_TRIAL\n", 17, "scenario CLINICAL_TRIAL is named twice in sector "
                + "PHARMACEUTICALS");
        List<NegativeList> two = load(LIST + "  - code: CIVIL_AVIATION\n");
        assertEquals(List.of(List.of("PHARMACEUTICALS"), List.of("CIVIL_AVIATION")),
                two.stream().map(NegativeList::sectors).toList());
    }

    @Test
    void aRowNeedsFieldsOrADescription() {
        assertOnly(LIST.replace("fields: [SUBJECT_NAME],", "description: \" \","), 15,
                "row T-3-SA needs fields, or a description");
        ListEntry described = load(LIST.replace("fields: [SUBJECT_NAME],", "description: 受试者数据,")).get(0)
                .entries().get(0);
        assertTrue(described.descriptionDefined());
    }

    static final String ADOPTION = """
            id: ADOPT-1
            adoptingFtz: JIANGSU
            list: T-3
            adoptedFrom: 2026-01-01
            document: 苏自贸办〔2026〕1号
            """;

    @Test
    void anAdoptionsWindowMustNotBeEmpty() {
        List<io.github.ftzoutbound.model.Problem> p = new java.util.ArrayList<>();
        Adoption ok = ListLoader.parseAdoption(new SourceFile("lists/a.adoption.yaml",
                ADOPTION + "effectiveTo: 2026-01-02\n"), p);
        assertEquals(List.of(), p);
        assertEquals(LocalDate.of(2026, 1, 2), ok.effectiveTo());
        assertEquals(null, ListLoader.parseAdoption(new SourceFile("lists/a.adoption.yaml",
                ADOPTION + "effectiveTo: 2026-01-01\n"), p));
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).message().startsWith("lists/a.adoption.yaml:6: effectiveTo 2026-01-01 must be after"), p::toString);
    }

    @Test
    void aCodeDefinedTwiceWithTheSameNamesIsOneCode() {
        String codes = "sectors:\n  RETAIL: { zh: 零售, en: Retail }\n";
        List<io.github.ftzoutbound.model.Problem> p = new java.util.ArrayList<>();
        CodeCatalog c = ListLoader.parseCodes(List.of(new SourceFile("lists/codes.yaml", codes),
                new SourceFile("more/codes.yaml", codes)), p);
        assertEquals(List.of(), p);
        assertTrue(c.knows(CodeCatalog.Kind.SECTOR, "RETAIL"));
        ListLoader.parseCodes(List.of(new SourceFile("lists/codes.yaml", codes),
                new SourceFile("more/codes.yaml", codes.replace("Retail", "Retail trade"))), p);
        assertEquals(1, p.size(), p::toString);
    }
}
