package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: a list file's problems and lint's findings read in Chinese, not as a Chinese introduction before the
 * English original. Both bundles (lists/ListProblems, ListProblems_zh) have the same keys and slots, every key the
 * lists package uses exists and every key is used.
 */
class ListProblemTextsTest {
    /** English prose: three English words in a row (codes, keys and file names are single words). */
    static final Pattern PROSE = Pattern.compile("\\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\\b");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ListLoader.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> slots(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean chinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void bothBundlesHaveTheSameKeysAndSlotsAndEveryKeyIsUsedAndExists() throws IOException {
        Properties en = load("ListProblems.properties");
        Properties zh = load("ListProblems_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(slots(en.getProperty(key)), slots(zh.getProperty(key)), key);
            // lint.finding is only "file:line: CODE：message": its Chinese is the full-width colon.
            assertTrue(chinese(zh.getProperty(key)) || key.equals("lint.finding") && zh.getProperty(key).contains("："),
                    key + " is not translated");
            assertFalse(PROSE.matcher(zh.getProperty(key)).find(), key + " keeps English prose: " + zh.getProperty(key));
        }
        // Keys are written as literals: problem(at, "key", …), text("key", …), Optional.of("key"), "lint.finding".
        Pattern literal = Pattern.compile("\"([a-z]+\\.[a-z][a-zA-Z]*)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/github/ftzoutbound/lists"))) {
            // RequestReferences words a request's problems (model/Problems, checked by ProblemTextsTest).
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && !p.endsWith("RequestReferences.java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".yaml")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 60, used.size() + " keys found");
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys the code uses that the bundle lacks");
        Set<String> unused = new TreeSet<>(en.stringPropertyNames());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys no code uses");
    }

    @Test
    void aBrokenListReadsInChineseWithItsFileAndLineAndItsEnglishUnchanged() {
        String yaml = """
                id: T-BROKEN
                ftz: ZHEJIANG
                status: OFFICIAL
                title: broken
                version: "1"
                effectiveFrom: 2026-01-01
                effectiveTo: 2025-01-01
                sector: [TRAVEL]
                entries:
                  - id: B-1
                    dataClass: IMPORTANT_DATA
                    fields: [PASSPORT_NUMBER]
                    pathway: STANDARD_CONTRACT_OR_CERTIFICATION
                """;
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> ListLoader.parseAll(List.of(new SourceFile("lists/b.list.yaml", yaml))));
        List<String> english = e.problems();
        List<String> chinese = e.problems(Locale.SIMPLIFIED_CHINESE);
        assertEquals(english.size(), chinese.size());
        assertTrue(english.size() >= 3, english::toString);
        assertTrue(english.contains("lists/b.list.yaml:8: unknown key \"sector\" in list; expected one of "
                + "[effectiveFrom, effectiveTo, entries, format, ftz, id, scenarios, sectors, sources, status, "
                + "title, version]") || english.stream().anyMatch(p -> p.startsWith("lists/b.list.yaml:8: unknown key")),
                english::toString);
        for (int i = 0; i < english.size(); i++) {
            String where = english.get(i).substring(0, english.get(i).indexOf(": ") + 2);
            assertTrue(chinese.get(i).startsWith(where), chinese.get(i));
            assertTrue(chinese(chinese.get(i)), chinese.get(i));
            assertFalse(PROSE.matcher(chinese.get(i)).find(), "English prose in " + chinese.get(i));
        }
        assertEquals(english, e.problems(Locale.ENGLISH));
        assertEquals(chinese, e.asProblems().stream().map(p -> p.message(Locale.CHINA)).toList());
        assertTrue(chinese.stream().anyMatch(p -> p.contains("未知的键“sector”")), chinese::toString);
    }

    @Test
    void aFindingReadsInEitherLanguageAndTheFilesReasonStaysAsItIs() {
        ListLint.Finding f = ListLint.Finding.of("t.list.yaml", 11, "NO_FIELDS", List.of("R-1"),
                io.github.ftzoutbound.model.Problem.in(ListLoader.BUNDLE, "lists", "lint.noFields", "R-1"));
        assertEquals("t.list.yaml:11: NO_FIELDS: entry R-1 names no fields, so it can never match an item",
                f.toString());
        assertEquals("t.list.yaml:11: NO_FIELDS：条目R-1未列出任何字段，因此永远不会与数据项匹配",
                f.toString(Locale.SIMPLIFIED_CHINESE));
        ListLint.Finding acked = f.acknowledgedAs("按公布文本转录");
        assertEquals("t.list.yaml:11: acknowledged NO_FIELDS: entry R-1 names no fields, so it can never match an item"
                + " \u2014 按公布文本转录", acked.toString());
        assertEquals("t.list.yaml:11: 已确认 NO_FIELDS：条目R-1未列出任何字段，因此永远不会与数据项匹配——理由：按公布文本转录",
                acked.toString(Locale.SIMPLIFIED_CHINESE));
        // A finding made without a key reads its message in every language.
        ListLint.Finding plain = new ListLint.Finding("t.list.yaml", 4, "X", List.of(), "too low", null);
        assertEquals(plain.toString(), "t.list.yaml:4: X: too low");
        assertEquals("too low", plain.message(Locale.SIMPLIFIED_CHINESE));
    }
}
