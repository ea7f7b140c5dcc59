package io.github.ftzoutbound.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's words: both languages have the same keys, Chinese texts are Chinese, every key used exists. */
class ServerTextTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ServerTextTest.class.getResourceAsStream("/io/github/ftzoutbound/server/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndTheChineseIsChinese() throws IOException {
        Properties en = load("Errors.properties");
        Properties zh = load("Errors_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
            String text = zh.getProperty(key);
            assertTrue(ChineseErrorsTest.hasChinese(text), key + " has no Chinese: " + text);
        }
    }

    @Test
    void everyKeyTheServiceUsesExists() throws IOException {
        // Scans the service's source so a message on a path no test triggers still cannot lack its words.
        String source = Files.readString(Path.of("src/main/java/io/github/ftzoutbound/server/DecisionServer.java"));
        Matcher m = Pattern.compile("(?:Msg\\.of\\(|Issue\\.of\\(\"[^\"]*\", )(?:[^\"]*\\? )?\"([a-zA-Z.]+)\"(?: : \"([a-zA-Z.]+)\")?")
                .matcher(source);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
            if (m.group(2) != null) {
                used.add(m.group(2));
            }
        }
        assertTrue(used.size() > 25, "the scan found too few keys, so it is broken: " + used);
        Properties en = load("Errors.properties");
        for (String key : used) {
            assertTrue(en.containsKey(key), "no text for " + key);
        }
    }

    @Test
    void ruleSetProblemsAreNamedByTheirKindOfFileAndKeptVerbatim() {
        String drl = "rules/cbdf/cbdf-art07.drl:12: no viable alternative at input ')'";
        assertEquals("规则文件（DRL）加载或编译失败。原文：" + drl, ServerText.ruleProblemZh(drl));
        String list = "lists/js-2025.list.yaml:4: unknown key foo";
        assertTrue(ServerText.ruleProblemZh(list).startsWith("负面清单文件"));
        assertTrue(ServerText.ruleProblemZh("citations/catalog.yaml: missing").startsWith("引文目录"));
        String scenario = "scenario expect-old.scenario.yaml#1: expected pathway SECURITY_ASSESSMENT";
        assertTrue(ServerText.ruleProblemZh(scenario).startsWith("候选规则集未通过情景测试"));
        assertTrue(ServerText.ruleProblemZh("something else").endsWith("原文：something else"));
        assertFalse(ServerText.ruleProblemZh(drl).contains("{0}"));
    }
}
