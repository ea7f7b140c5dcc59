package io.github.ftzoutbound.report;

import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's words: both languages complete, every key the page uses defined, counts with correct plurals. */
class ReportLabelsTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportLabelsTest.class.getResourceAsStream("/io/github/ftzoutbound/report/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeysAndNoBlankText() throws IOException {
        Properties en = load("Report.properties");
        Properties zh = load("Report_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()),
                "Report.properties and Report_zh.properties must have the same keys");
        for (Properties p : new Properties[]{en, zh}) {
            p.forEach((k, v) -> assertFalse(v.toString().isBlank(), k + " is blank"));
        }
        // The Chinese texts are Chinese: every one but the pure codes holds a CJK character.
        zh.forEach((k, v) -> assertTrue(v.toString().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN), k + " is not translated: " + v));
        for (Pathway p : Pathway.values()) {
            assertTrue(en.containsKey("pathway." + p), "pathway." + p);
        }
        for (Regime r : Regime.values()) {
            assertTrue(en.containsKey("regime." + r), "regime." + r);
        }
    }

    @Test
    void everyReasonWarningAndObligationCodeTheBundledRulesSetHasANameInBothLanguages() throws IOException {
        // The codes are set in DRL: reason("…") and outcome.warning/obligation…(drools, "…"). A rule that adds a
        // code without naming it here would show a bare code in a Chinese report.
        Properties en = load("Report.properties");
        Properties zh = load("Report_zh.properties");
        Pattern reason = Pattern.compile("\\breason\\(\\s*\"([A-Z_]+)\"");
        Pattern outcome = Pattern.compile("outcome\\.(warning|warningFor|categoryWarning|obligation|obligationFor)"
                + "\\(\\s*drools\\s*,\\s*\"([A-Z_]+)\"");
        Set<String> keys = new TreeSet<>();
        try (var files = Files.walk(Path.of("../ftz-outbound-core/src/main/resources/rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String drl = Files.readString(f);
                Matcher m = reason.matcher(drl);
                while (m.find()) {
                    keys.add("reason." + m.group(1));
                }
                m = outcome.matcher(drl);
                while (m.find()) {
                    keys.add((m.group(1).startsWith("obligation") ? "obligation." : "warning.") + m.group(2));
                }
            }
        }
        assertTrue(keys.contains("warning.ILLUSTRATIVE_LIST") && keys.contains("warning.LIST_INCOMPLETE")
                && keys.contains("reason.PERSONAL_INFORMATION_VOLUME") && keys.contains("obligation.SCC_FILING")
                && keys.size() > 40, "the scan finds the codes: " + keys);
        for (String k : keys) {
            assertTrue(en.containsKey(k) && zh.containsKey(k), k + " has no name in Report(_zh).properties");
        }
    }

    @Test
    void everyKeyThePageUsesIsDefined() throws IOException {
        String page = Files.readString(Path.of("src/main/jte/report/index.jte"));
        Properties en = load("Report.properties");
        Set<String> used = new TreeSet<>();
        // l.t("key") and l.f("key", …) in the template; t('key') and f('key', …) in its script.
        Matcher m = Pattern.compile("\\b(?:l\\.)?[tf]\\((?:\"([a-z.]+)\"|'([a-z.]+)')").matcher(page);
        while (m.find()) {
            used.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertTrue(used.size() > 30, "found the keys the page uses: " + used);
        used.forEach(k -> assertTrue(en.containsKey(k), "the page uses " + k + ", which no bundle defines"));
        // The script reads the arrays of keys it builds by name too.
        for (String k : new String[]{"item", "pathway", "why", "clauses", "obligations", "warnings"}) {
            assertTrue(en.containsKey(k), k);
        }
    }

    @Test
    void countsHaveCorrectPluralsInEnglishAndChinese() {
        Labels en = new Labels(ReportLang.EN);
        Labels zh = new Labels(ReportLang.ZH);
        assertEquals("1 decision", en.f("count.decisions", 1));
        assertEquals("2 decisions", en.f("count.decisions", 2));
        assertEquals("no decisions", en.f("count.decisions", 0));
        assertEquals("100,000 decisions", en.f("count.decisions", 100_000));
        assertEquals("1 rule fired", en.f("count.rules", 1));
        assertEquals("12 rules fired", en.f("count.rules", 12));
        assertEquals("1 unreadable line", en.f("count.unreadable", 1));
        assertEquals("1 项决定", zh.f("count.decisions", 1));
        assertEquals("100,000 项决定", zh.f("count.decisions", 100_000));
        assertEquals("触发 1 条规则", zh.f("count.rules", 1));
        assertEquals("数据出境安全评估", zh.name("pathway", Pathway.SECURITY_ASSESSMENT));
        assertEquals("SOME_CODE", zh.name("pathway", "SOME_CODE"));
    }

    @Test
    void theLanguageComesFromTheOptionElseTheLocale() {
        assertEquals(ReportLang.ZH, ReportLang.of("zh", Locale.ENGLISH));
        assertEquals(ReportLang.ZH, ReportLang.of("ZH-cn", Locale.ENGLISH));
        assertEquals(ReportLang.EN, ReportLang.of("en", Locale.SIMPLIFIED_CHINESE));
        assertEquals(ReportLang.ZH, ReportLang.of(null, Locale.SIMPLIFIED_CHINESE));
        assertEquals(ReportLang.ZH, ReportLang.of(null, Locale.TRADITIONAL_CHINESE));
        assertEquals(ReportLang.EN, ReportLang.of(null, Locale.GERMAN));
        assertThrows(IllegalArgumentException.class, () -> ReportLang.of("fr", Locale.ENGLISH));
    }
}
