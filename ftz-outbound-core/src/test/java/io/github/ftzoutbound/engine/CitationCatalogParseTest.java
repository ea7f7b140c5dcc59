package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.RuleSetException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog refuses entries that would put a citation without words, or with a paraphrase posing as the text,
 * in front of an auditor: each refusal names the entry. No DRL is compiled here.
 */
class CitationCatalogParseTest {
    private static CitationCatalog parse(String yaml) throws Exception {
        return CitationCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String yaml) {
        return assertThrows(IllegalStateException.class, () -> parse(yaml)).getMessage();
    }

    private static Citation ref(String instrument, Integer article, Integer paragraph, Integer item) {
        return new Citation(instrument, article, paragraph, item, null, null, null, null, null, null, null);
    }

    @Test
    void entriesAreFoundByTheirStructureInFileOrder() throws Exception {
        CitationCatalog c = parse("""
                - {instrument: CBDF, article: 8, label: 《促进和规范数据跨境流动规定》第八条, text: 第八条原文}
                - {instrument: CBDF, article: 5, paragraph: 1, item: 4, label: 第五条第一款第四项, text: 原文}
                - {instrument: FTL, paragraph: null, label: 对外贸易法, noText: not bundled}
                - {instrument: JS-RULES, category: 35, label: 第35类, text: 示例}
                - {instrument: PIPL, article: 39, subItem: 2, rule: 3, label: 个保法第三十九条, text: 原文}
                """);
        assertEquals(List.of("CBDF art8", "CBDF art5 para1 item4", "FTL", "JS-RULES cat35", "PIPL art39 sub2 rule3"),
                c.all().stream().map(Citation::key).toList());
        Citation art8 = c.find(ref("CBDF", 8, null, null)).orElseThrow();
        assertEquals("《促进和规范数据跨境流动规定》第八条", art8.label());
        assertEquals("第八条原文", art8.text());
        assertEquals("第五条第一款第四项", c.find(ref("CBDF", 5, 1, 4)).orElseThrow().label());
        assertTrue(c.find(ref("CBDF", 5, 1, null)).isEmpty(), "a paragraph is not its item");
        assertTrue(c.find(ref("CBDF", 9, null, null)).isEmpty());
        Citation ftl = c.find(ref("FTL", null, null, null)).orElseThrow();
        assertNull(ftl.text(), "a clause without bundled wording is cited without text");
        Citation cat = c.find(new Citation("JS-RULES", null, null, null, null, null, 35, null, null, null, null))
                .orElseThrow();
        assertEquals("示例", cat.text());
        Citation pipl = c.find(new Citation("PIPL", 39, null, null, 2, 3, null, null, null, null, null)).orElseThrow();
        assertEquals("个保法第三十九条", pipl.label());
        assertTrue(c.find(new Citation("PIPL", 39, null, null, 2, null, null, null, null, null, null)).isEmpty());
    }

    @Test
    void anEntryNeedsALabelAndEitherItsTextOrWhyItHasNone() {
        assertTrue(refusal("- {instrument: CBDF, article: 8, text: 原文}")
                .contains("catalog entry 1 (" + ref("CBDF", 8, null, null).key() + ") needs a label"));
        assertTrue(refusal("- {instrument: CBDF, article: 8, label: 第八条}").contains("either text or noText"));
        assertTrue(refusal("- {instrument: CBDF, article: 8, label: 第八条, noText: \" \"}")
                .contains("either text or noText"), "a blank reason is no reason");
        assertTrue(refusal("- {instrument: CBDF, article: 8, label: 第八条, text: 原文, noText: why}")
                .contains("either text or noText"), "a text and a reason for having none");
    }

    @Test
    void aClauseListedTwiceOrAnUnknownKeyIsRefusedAndEveryProblemIsNamed() {
        String twice = refusal("""
                - {instrument: CBDF, article: 8, label: a, text: x}
                - {instrument: CBDF, article: 7, label: b, text: y}
                - {instrument: CBDF, article: 8, label: c, text: z}
                """);
        assertTrue(twice.contains("catalog entry 3 (" + ref("CBDF", 8, null, null).key() + ") is listed twice"), twice);
        assertTrue(!twice.contains("entry 2"), twice);
        String all = refusal("""
                - {instrument: CBDF, article: 8, label: a, text: x, paragraf: 1}
                - {instrument: CBDF, article: 9, text: x}
                """);
        assertTrue(all.contains("unknown key paragraf"), all);
        assertTrue(all.contains("; ") && all.contains("catalog entry 2"), all);
    }

    @Test
    void aBrokenCatalogFileIsALoadFailureNamingTheFile() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> CitationCatalog.parse(
                new SourceFile("citations/broken.yaml", "- {instrument: CBDF, article: 8, label: a}")));
        assertTrue(e.getMessage().contains("citations/broken.yaml: "), e.getMessage());
        RuleSetException yaml = assertThrows(RuleSetException.class, () -> CitationCatalog.parse(
                new SourceFile("citations/bad.yaml", "- {instrument: [")));
        assertTrue(yaml.getMessage().contains("citations/bad.yaml: "), yaml.getMessage());
    }

    @Test
    void theBundledCatalogIsTheResourceItsDigestReads() {
        SourceFile source = CitationCatalog.bundledSource();
        assertEquals(CitationCatalog.RESOURCE, source.path());
        assertEquals(CitationCatalog.parse(source).all().size(), CitationCatalog.bundled().all().size());
        assertTrue(CitationCatalog.bundled().all().size() > 100, "the bundled catalog's clauses");
    }
}
