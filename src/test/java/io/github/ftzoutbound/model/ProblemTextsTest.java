package io.github.ftzoutbound.model;

import io.github.ftzoutbound.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every problem text exists in English and Chinese (issue 16), and --lang zh shows it; the JSON path never changes. */
class ProblemTextsTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Problem.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsInBothLanguagesAndEveryKeyTheCodeUsesExists() throws IOException {
        Properties en = load("Problems.properties");
        Properties zh = load("Problems_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()),
                "the same keys in Problems.properties and Problems_zh.properties");
        Pattern slots = Pattern.compile("\\{\\d}");
        for (String key : en.stringPropertyNames()) {
            assertEquals(slotsOf(slots, en.getProperty(key)), slotsOf(slots, zh.getProperty(key)), key);
            assertTrue(zh.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), "no Chinese in " + key);
        }
        // Every key written in the code (Problem.of(path, "key", …)) is in the bundle.
        Pattern use = Pattern.compile("Problem\\.of\\([^;]*?\"([a-zA-Z]+\\.[a-zA-Z.]+)\"");
        List<String> missing = new ArrayList<>();
        int uses = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    uses++;
                    String key = m.group(1);
                    boolean prefix = key.endsWith(".");
                    if (prefix ? en.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key))
                            : !en.containsKey(key)) {
                        missing.add(f + ": " + key);
                    }
                }
            }
        }
        assertTrue(uses > 40, uses + " uses found");
        assertEquals(List.of(), missing);
        for (String kind : new String[]{"sector", "scenario", "field"}) {
            assertTrue(en.containsKey("code.unknown." + kind) && en.containsKey("code.unknownNear." + kind), kind);
        }
    }

    private static Set<String> slotsOf(Pattern slots, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = slots.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void aProblemReadsInEitherLanguageWithItsValues() {
        Problem p = Problem.of("$.dataItems[1].id", "itemId.duplicate", "orders");
        assertEquals("duplicate item id \"orders\"", p.message());
        assertEquals("数据项标识“orders”重复", p.message(Locale.SIMPLIFIED_CHINESE));
        assertEquals(p.message(), p.message(Locale.ENGLISH));
        Problem near = Problem.of("$.scenario", "code.unknownNear.scenario", "X", List.of("A", "B"));
        assertTrue(near.message().endsWith("did you mean A or B?"), near.message());
        assertTrue(near.message(Locale.SIMPLIFIED_CHINESE).endsWith("是否指A或B？"), near.message(Locale.CHINA));
        // A value that reads like a slot is never filled again.
        assertEquals("数据项标识“{0}”重复", Problem.of("$", "itemId.duplicate", "{0}").message(Locale.CHINA));
        // A problem without a key reads the same in every language.
        assertEquals("rules failed", new Problem("rules", "rules failed").message(Locale.CHINA));
    }

    @Test
    void theCommandLineShowsEveryProblemInChineseWithLangZhAndItsPathUnchanged(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"requestId":"X","cio":true,"processor":{"name":"P","ftz":"JIANGSU","ciio":"no"},
                 "dataItems":[{"id":"a","individuals":-1},{"id":"a","individuals":1}]}""");
        JsonNode zh = error("--lang", "zh", "evaluate", bad.toString());
        JsonNode en = error("--lang", "en", "evaluate", bad.toString());
        assertEquals(en.get("problems").size(), zh.get("problems").size());
        for (int i = 0; i < zh.get("problems").size(); i++) {
            JsonNode z = zh.get("problems").get(i);
            JsonNode e = en.get("problems").get(i);
            assertEquals(e.get("path"), z.get("path"), "the path stays as it is");
            assertEquals(e.get("message"), z.get("message"), "the English text stays beside the Chinese");
            assertTrue(z.get("messageZh").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), z.toString());
            assertTrue(e.path("messageZh").isMissingNode(), e.toString());
        }
        String all = zh.get("problems").toString();
        JsonNode cio = null;
        for (JsonNode z : zh.get("problems")) {
            if (z.get("path").asText().equals("$.cio")) {
                cio = z;
            }
        }
        assertTrue(cio != null && cio.get("message").asText().equals("unknown field")
                && cio.get("messageZh").asText().equals("未知字段"), all);
        assertTrue(all.contains("必须是 true 或 false") && all.contains("数据项标识“a”重复"), all);
    }

    private static JsonNode error(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream());
        assertEquals(2, exit, err.toString());
        assertEquals("", out.toString());
        return new ObjectMapper().readTree(err.toString());
    }
}
