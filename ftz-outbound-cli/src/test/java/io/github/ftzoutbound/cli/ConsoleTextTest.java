package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's status lines (issue 16): both languages have the same keys and slots, the Chinese is Chinese,
 * every key the code uses exists, and commands run with {@code --lang zh} print them in Chinese.
 */
class ConsoleTextTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleTextTest.class.getResourceAsStream("/io/github/ftzoutbound/cli/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    static Set<String> slots(String text) {
        Set<String> s = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) {
            s.add(m.group());
        }
        return s;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndSlotsAndEveryKeyTheCodeUsesExists() throws IOException {
        Properties en = load("Console.properties");
        Properties zh = load("Console_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(slots(en.getProperty(key)), slots(zh.getProperty(key)), key);
            assertTrue(hasChinese(zh.getProperty(key)), key + " is not translated: " + zh.getProperty(key));
        }
        Pattern use = Pattern.compile("\\bsay\\(\\s*(?:[^\";]*\\?\\s*)?\"([a-zA-Z.]+)\"(?:\\s*:\\s*\"([a-zA-Z.]+)\")?");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                    if (m.group(2) != null) {
                        used.add(m.group(2));
                    }
                }
            }
        }
        assertTrue(used.size() >= 20, "the scan finds the keys: " + used);
        for (String key : used) {
            assertTrue(en.containsKey(key), "no status text " + key);
        }
    }

    @Test
    void everyErrorKindTheCommandLineWritesHasItsChineseStatement() throws IOException {
        // errorJson("kind", …) adds messageZh from error.<kind> in Messages_zh.properties: a kind without one would
        // leave a Chinese reader with English only.
        Properties zh = load("Messages_zh.properties");
        Pattern use = Pattern.compile("errorJson\\(\"([a-z-]+)\"");
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    kinds.add(m.group(1));
                }
            }
        }
        assertTrue(kinds.contains("invalid-input") && kinds.contains("rules-failed") && kinds.size() >= 5, kinds.toString());
        for (String kind : kinds) {
            assertTrue(zh.containsKey("error." + kind) && hasChinese(zh.getProperty("error." + kind)),
                    "no Chinese statement error." + kind + " in Messages_zh.properties");
        }
    }

    @Test
    void testAndValidateRulesSpeakChineseWithLangZhAndEnglishOtherwise(@TempDir Path tmp) throws Exception {
        Path suites = LegalWorkflowTest.suite(tmp.resolve("suites"), LegalWorkflowTest.REVISED_SCENARIO);
        CliTest.Run zh = CliTest.run("--lang", "zh", "test", suites.toString());
        assertEquals(1, zh.exit(), "the bundled rules say standard contract at 150,000: " + zh.out());
        assertTrue(zh.out().contains("未通过 ") && zh.out().endsWith("0 项通过，1 项未通过\n"), zh.out());
        CliTest.Run en = CliTest.run("--lang", "en", "test", suites.toString());
        assertTrue(en.out().contains("FAIL ") && en.out().endsWith("0 passed, 1 failed\n"), en.out());

        // A broken DRL: the problem is introduced in Chinese and quoted verbatim with its file and line.
        Path rules = TestServices.copyBundledRules(tmp.resolve("rules"));
        Path drl = rules.resolve("cbdf/cbdf-art05-pi-exemptions.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then x( end\n");
        CliTest.Run broken = CliTest.run("--lang", "zh", "validate-rules", rules.toString());
        assertEquals(Main.RULES_FAILED, broken.exit(), broken.out());
        String first = broken.out().lines().findFirst().orElse("");
        assertTrue(first.startsWith("规则文件（DRL）加载或编译失败。原文：") && first.contains("cbdf-art05-pi-exemptions.drl"),
                broken.out());
        assertTrue(broken.out().strip().endsWith("个错误"), broken.out());
        CliTest.Run brokenEn = CliTest.run("--lang", "en", "validate-rules", rules.toString());
        assertTrue(brokenEn.out().lines().findFirst().orElse("").contains("cbdf-art05-pi-exemptions.drl")
                && !hasChinese(brokenEn.out().lines().findFirst().orElse("")), brokenEn.out());
        assertTrue(brokenEn.out().strip().endsWith("error(s)"), brokenEn.out());
    }
}
