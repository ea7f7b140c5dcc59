package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.engine.facts.ExportCase;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.ListBandFact;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Regime;
import io.github.ftzoutbound.model.RequestReader;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The texts auditors read: every placeholder filled with the request's figures, grouped as the law's figures are
 * read, in English and in Chinese, and a placeholder nothing fills left visible. No DRL is compiled here (the
 * engine's mutation run, docs/security.md, runs these per mutant).
 */
class ExplanationsTest {
    /** 60,000 + 2 sensitive exported earlier this year; this request's one item holds 45,000 + 3. */
    private static ExportRequest request(String basis, String importantData, boolean ciio, String category) {
        return RequestReader.read("{\"requestId\":\"R-1\",\"evaluationDate\":\"2026-11-23\",\"processor\":{"
                + "\"ftz\":\"JIANGSU\",\"zone\":\"SUZHOU\",\"ciio\":" + ciio + ",\"sector\":\"CROSS_BORDER_ECOMMERCE\","
                + "\"holdings\":{\"individuals\":2500000,\"sensitiveIndividuals\":40000},"
                + "\"exportedThisYear\":{\"individuals\":60000,\"sensitiveIndividuals\":2}},"
                + "\"scenario\":\"CROSS_BORDER_ECOMMERCE_PLATFORM\",\"dataItems\":[{\"id\":\"orders\","
                + (category == null ? "" : "\"category\":" + category + ",")
                + "\"basis\":\"" + basis + "\",\"fields\":[\"BUYER_NAME\"],"
                + "\"personalInformation\":{\"individuals\":45000,\"sensitiveIndividuals\":3},"
                + "\"importantData\":\"" + importantData + "\"}]}");
    }

    private static Explanations.Figures figures(ExportRequest r, List<String> lists) {
        return new Explanations.Figures(new ExportCase(r, null, Regime.JIANGSU_FTZ),
                new ExportItem(r.dataItems().get(0), 0, r.basis()), lists);
    }

    private static final Explanations.Figures FIGURES = figures(request("CONTRACT_WITH_INDIVIDUAL", "NONE", false,
            "35"), List.of("JS-2025", "ZJ-2024"));

    private static String en(String template) {
        return Explanations.fill(template, FIGURES, null);
    }

    private static String zh(String template) {
        return Explanations.fill(template, FIGURES, null, Map.of(), true);
    }

    @Test
    void countsAreGroupedByThousands() {
        assertEquals("0", Explanations.group(0));
        assertEquals("7", Explanations.group(7));
        assertEquals("999", Explanations.group(999));
        assertEquals("1,000", Explanations.group(1_000));
        assertEquals("99,999", Explanations.group(99_999));
        assertEquals("100,000", Explanations.group(100_000));
        assertEquals("999,999", Explanations.group(999_999));
        assertEquals("1,000,000", Explanations.group(1_000_000));
        assertEquals("1,234,567", Explanations.group(1_234_567));
        assertEquals("-1", Explanations.group(-1));
        assertEquals("-999", Explanations.group(-999));
        assertEquals("-1,000", Explanations.group(-1_000));
        assertEquals("-123,456", Explanations.group(-123_456));
    }

    @Test
    void theFiguresOfTheCaseAndTheItemFillTheirPlaceholders() {
        assertEquals("105,000 = 60,000 + 45,000; 5 = 2 + 3",
                en("{T_ns} = {prior_ns} + {req_ns}; {T_s} = {prior_s} + {req_s}"));
        assertEquals("item orders holds 45,000 and 3 sensitive, category 35",
                en("item {item} holds {item_ns} and {item_s} sensitive, category {category}"));
        assertEquals("basis CONTRACT_WITH_INDIVIDUAL, important data NONE, CIIO false, lists JS-2025, ZJ-2024",
                en("basis {basis}, important data {importantData}, CIIO {ciio}, lists {lists}"));
    }

    @Test
    void chineseTextsNameTheCodesInTheLawsWordsWithTheCodeInBrackets() {
        assertEquals("基于为订立、履行个人作为一方当事人的合同所必需（CONTRACT_WITH_INDIVIDUAL）", zh("基于{basis}"));
        assertEquals("非重要数据（NONE）", zh("{importantData}"));
        assertEquals("否", zh("{ciio}"));
        assertEquals("JS-2025、ZJ-2024", zh("{lists}"));
        // Figures read the same in both languages.
        assertEquals("累计105,000人，其中敏感个人信息5人", zh("累计{T_ns}人，其中敏感个人信息{T_s}人"));
        assertEquals("数据项orders", zh("数据项{item}"));

        ExportRequest ciio = request("NONE", "NOTIFIED", true, null);
        Explanations.Figures f = figures(ciio, List.of());
        assertEquals("是", Explanations.fill("{ciio}", f, null, Map.of(), true));
        assertEquals("true", Explanations.fill("{ciio}", f, null));
        assertEquals("已被告知或者公开发布为重要数据（NOTIFIED）", Explanations.fill("{importantData}", f, null, Map.of(), true));
        assertEquals("未主张特定事由（NONE）", Explanations.fill("{basis}", f, null, Map.of(), true));
        assertEquals("-", Explanations.fill("{lists}", f, null, Map.of(), true), "no applicable list");
    }

    @Test
    void aPlaceholderNothingFillsStaysVisible() {
        assertEquals("{nothing} here", en("{nothing} here"));
        // No deciding entry: the entry's placeholders stay, in both languages.
        assertEquals("row {entry}, bands {threshold}", en("row {entry}, bands {threshold}"));
        assertEquals("{entry}{threshold}", zh("{entry}{threshold}"));
        // An item without a category, and a case figure without an item.
        ExportRequest r = request("NONE", "NONE", false, null);
        assertEquals("category {category}", Explanations.fill("category {category}", figures(r, List.of()), null));
        Explanations.Figures noItem = new Explanations.Figures(new ExportCase(r, null, Regime.NATIONAL), null,
                List.of());
        assertEquals("{item} {item_ns} {basis} of 105,000",
                Explanations.fill("{item} {item_ns} {basis} of {T_ns}", noItem, null));
        assertNull(Explanations.fill(null, FIGURES, null));
        assertNull(Explanations.fill(null, FIGURES, null, Map.of(), true));
    }

    @Test
    void bracesThatAreNotAPlaceholderAreLiteralText() {
        assertEquals("{ not one } and {1st} and {} and {a-b}", en("{ not one } and {1st} and {} and {a-b}"));
        assertEquals("open { only, then 45,000", en("open { only, then {item_ns}"));
        assertEquals("ends with {", en("ends with {"));
        assertEquals("close } first 105,000}", en("close } first {T_ns}}"));
        assertEquals("{orders}", en("{{item}}"));
        String forty = "a".repeat(40);
        assertEquals("{" + forty + "}", en("{" + forty + "}"));
        assertEquals("{" + forty + "a}", en("{" + forty + "a}"), "a name of 41 characters is not a placeholder");
        assertEquals("", en(""));
        assertEquals("no placeholder at all", en("no placeholder at all"));
    }

    @Test
    void aFindingsArgsComeBeforeTheFiguresAndAreWrittenInTheTextsLanguage() {
        Map<String, Object> args = new HashMap<>();
        args.put("item", "other");
        args.put("n", 1_234_567L);
        args.put("i", 100_000);
        args.put("s", (short) 12_345);
        args.put("rows", Set.of("ZJ-2", "ZJ-1", "JS-9"));
        args.put("ratio", 1.5);
        args.put("none", null);
        String t = "{item}|{n}|{i}|{s}|{rows}|{ratio}|{none}|{T_ns}";
        assertEquals("other|1,234,567|100,000|12,345|JS-9, ZJ-1, ZJ-2|1.5|{none}|105,000",
                Explanations.fill(t, FIGURES, null, args, false));
        assertEquals("other|1,234,567|100,000|12,345|JS-9、ZJ-1、ZJ-2|1.5|{none}|105,000",
                Explanations.fill(t, FIGURES, null, args, true));
        assertNull(Explanations.render(null, false));
        assertEquals("x", Explanations.render("x", true));
    }

    @Test
    void theDecidingEntryFillsEntryAndThresholdInBothLanguages() {
        ListEntryFact entry = TestServices.bundled().ruleSet().listFacts().stream()
                .filter(f -> f instanceof ListEntryFact e && !e.getBands().isEmpty()).map(f -> (ListEntryFact) f)
                .findFirst().orElseThrow();
        assertEquals(entry.getId() + ": " + entry.describeBands(),
                Explanations.fill("{entry}: {threshold}", FIGURES, entry));
        assertEquals(entry.getId() + "：" + entry.describeBandsZh(),
                Explanations.fill("{entry}：{threshold}", FIGURES, entry, Map.of(), true));
        ListBandFact band = new ListBandFact(entry, entry.getBands().get(0));
        assertEquals(band.describe(), Explanations.fill("{band}", FIGURES, entry, Map.of("band", band), false));
        assertEquals(band.describeZh(), Explanations.fill("{band}", FIGURES, entry, Map.of("band", band), true));
    }

    @Test
    void aTemplateIsParsedOnceButFilledWithEachRequestsFigures() {
        String t = "{T_ns} persons this year (cache check)";
        assertEquals("105,000 persons this year (cache check)", en(t));
        ExportRequest small = RequestReader.read("{\"requestId\":\"R-2\",\"evaluationDate\":\"2026-11-23\","
                + "\"processor\":{\"ftz\":\"NONE\",\"ciio\":false,\"exportedThisYear\":{\"individuals\":1}},"
                + "\"dataItems\":[{\"id\":\"x\",\"personalInformation\":{\"individuals\":99998}}]}");
        Explanations.Figures f = new Explanations.Figures(new ExportCase(small, null, Regime.NATIONAL),
                new ExportItem(small.dataItems().get(0), 0, small.basis()), List.of());
        assertEquals("99,999 persons this year (cache check)", Explanations.fill(t, f, null));
    }

    @Test
    void placeholdersAreNamedOnceInOrderOfFirstUse() {
        assertEquals(List.of("item", "T_ns", "custom"),
                List.copyOf(Explanations.placeholders("{item} {T_ns} {item} {custom} {not one} {}")));
        assertEquals(List.of(), List.copyOf(Explanations.placeholders("plain text")));
    }
}
