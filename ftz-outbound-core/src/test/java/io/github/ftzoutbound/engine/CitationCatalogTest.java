package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.Citation;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog is the words the engine puts in front of auditors. FTZ clauses are quoted verbatim from the
 * reference texts in docs/reference (whitespace and page markers such as "— 8—" aside), and every rule's
 * citation resolves to a catalog entry.
 */
class CitationCatalogTest {
    static String normalise(String s) {
        return s.replaceAll("—\\s*\\d+\\s*—", "").replaceAll("\\s+", "");
    }

    @Test
    void ftzClauseTextsAreVerbatimFromTheReferenceFiles() throws IOException {
        String jiangsu = normalise(Files.readString(Path.of("../docs/reference/jiangsu-ftz-measures-and-classification-rules.txt")));
        String zhejiang = normalise(Files.readString(Path.of("../docs/reference/zhejiang-ftz-measures-and-classification-rules.txt")));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Citation c : CitationCatalog.bundled().all()) {
            String source = c.instrument().startsWith("JS-") ? jiangsu : c.instrument().startsWith("ZJ-") ? zhejiang : null;
            if (source == null) {
                continue;
            }
            checked++;
            if (c.text() == null || !verbatim(source, normalise(c.text()))) {
                missing.add(c.key() + ": " + c.text());
            }
        }
        assertTrue(checked >= 30, "expected the FTZ clauses in the catalog, found " + checked);
        assertTrue(missing.isEmpty(), () -> "not verbatim in docs/reference:\n  " + String.join("\n  ", missing));
    }

    /**
     * The text appears in the source as is, or, where the PDF layout interleaved a table cell with other columns
     * (category rows), as consecutive pieces of at least 8 characters found in order.
     */
    static boolean verbatim(String source, String text) {
        if (source.contains(text)) {
            return true;
        }
        int pos = 0;
        int done = 0;
        while (done < text.length()) {
            int best = -1;
            int bestAt = -1;
            for (int end = text.length(); end > done; end--) {
                int at = source.indexOf(text.substring(done, end), pos);
                if (at >= 0) {
                    best = end;
                    bestAt = at;
                    break;
                }
            }
            if (best < 0 || (best - done < 8 && best < text.length())) {
                return false;
            }
            pos = bestAt + (best - done);
            done = best;
        }
        return true;
    }

    @Test
    void everyCategoryRowHasItsExampleText() {
        CitationCatalog catalog = CitationCatalog.bundled();
        for (String instrument : List.of("JS-RULES", "ZJ-RULES")) {
            int max = instrument.startsWith("JS") ? 39 : 40;
            for (int n = 1; n <= max; n++) {
                Citation ref = new Citation(instrument, null, null, null, null, null, n, null, null, null, null);
                Citation c = catalog.find(ref).orElse(null);
                assertTrue(c != null && c.text() != null && c.text().length() > 20, instrument + " category " + n);
            }
        }
    }

    @Test
    void aClauseWithoutBundledWordingHasNoText() {
        // FTL's revised wording is not bundled: cited without text, never with a paraphrase.
        Citation ftl = CitationCatalog.bundled().find(new Citation("FTL", null, null, null, null, null, null, null,
                null, null, null)).orElseThrow();
        assertTrue(ftl.text() == null, "FTL must be cited without text");
        Citation scc = CitationCatalog.bundled().find(new Citation("SCC-MEASURES", 4, 3, null, null, null, null,
                null, null, null, null)).orElseThrow();
        assertTrue(scc.label().contains("第四条第三款"), scc.label());
    }

    @Test
    void nationalQuotesOfTheDigestMatchTheCatalog() throws IOException {
        String digest = normalise(Files.readString(Path.of("../docs/reference/national-rules.md")));
        // Each clause the national digest quotes in full must be quoted identically in the catalog.
        String all = String.join("", CitationCatalog.bundled().all().stream().map(Citation::text).toList());
        for (String quote : List.of("未被相关部门、地区告知或者公开发布为重要数据的，数据处理者不需要作为重要数据申报数据出境安全评估。",
                "关键信息基础设施运营者以外的数据处理者自当年1月1日起累计向境外提供不满10万人个人信息（不含敏感个人信息）的",
                "前款所称向境外提供的个人信息，不包括重要数据。",
                "自由贸易试验区内数据处理者向境外提供负面清单外的数据，可以免予申报数据出境安全评估、订立个人信息出境标准合同、通过个人信息保护认证。",
                "100万人以上个人信息（不含敏感个人信息）或者1万人以上敏感个人信息",
                "10万人以上、不满100万人个人信息（不含敏感个人信息）或者不满1万人敏感个人信息")) {
            assertTrue(digest.contains(quote), "digest quote changed: " + quote);
            assertTrue(all.contains(quote), "catalog lacks the digest's wording: " + quote);
        }
    }

    @Test
    void everyRuleCitesACatalogClauseOrSaysWhyNot() {
        CitationCatalog catalog = CitationCatalog.bundled();
        List<String> problems = new ArrayList<>();
        for (Rule rule : TestServices.bundled().ruleSet().rules()) {
            String p = Clauses.check(rule, catalog);
            if (p != null) {
                problems.add(p);
            }
            if (rule.getMetaData().get("noClause") != null) {
                assertTrue(rule.getMetaData().get("instrument") == null, rule.getName());
            }
        }
        assertTrue(problems.isEmpty(), problems::toString);
    }
}
