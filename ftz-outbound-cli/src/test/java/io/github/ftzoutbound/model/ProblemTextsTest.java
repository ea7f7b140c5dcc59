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
        try (Stream<Path> files = Files.walk(Path.of("../ftz-outbound-core/src/main/java"))) {
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

    @Test
    void evaluateBatchWritesEachLinesProblemsInChineseWithLangZh(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        // A credit code with a wrong check character (B is right), and a line longer than a request may be.
        Files.writeString(in, "{\"requestId\":\"X\",\"processor\":{\"name\":\"P\",\"ftz\":\"JIANGSU\","
                + "\"creditCode\":\"91110000802100433C\"},\"dataItems\":[{\"id\":\"a\",\"individuals\":1}]}\n"
                + "x".repeat(Limits.MAX_REQUEST_BYTES + 1) + "\n");
        List<JsonNode> zh = batch(dir, in, "--lang", "zh");
        List<JsonNode> en = batch(dir, in, "--lang", "en");
        assertEquals(2, zh.size());
        assertEquals(2, en.size());
        for (int line = 0; line < 2; line++) {
            assertEquals(line + 1, zh.get(line).get("line").asInt());
            assertEquals("invalid-input", zh.get(line).get("error").asText());
            JsonNode zp = zh.get(line).get("problems");
            JsonNode ep = en.get(line).get("problems");
            assertEquals(ep.size(), zp.size());
            for (int i = 0; i < zp.size(); i++) {
                assertEquals(ep.get(i).get("path"), zp.get(i).get("path"), "the path stays as it is");
                assertEquals(ep.get(i).get("message"), zp.get(i).get("message"), "the English text stays");
                assertTrue(ep.get(i).path("messageZh").isMissingNode(), ep.toString());
            }
        }
        JsonNode code = null;
        for (JsonNode p : zh.get(0).get("problems")) {
            if (p.get("path").asText().equals("$.processor.creditCode")) {
                code = p;
            }
        }
        assertTrue(code != null && code.get("messageZh").asText()
                .equals("校验码为C，按GB 32100-2015前17位应得校验码B：代码输入有误"), zh.get(0).toString());
        assertTrue(code.get("message").asText().startsWith("check character is C"), code.toString());
        JsonNode tooLong = zh.get(1).get("problems").get(0);
        assertEquals("$", tooLong.get("path").asText());
        assertEquals("该行长" + (Limits.MAX_REQUEST_BYTES + 1) + "个字符；一个请求最多" + Limits.MAX_REQUEST_BYTES
                + "字节（4 MiB）", tooLong.get("messageZh").asText());
    }

    @Test
    void ledgerTotalsNamesAMistypedCreditCodeInChineseWithLangZh() throws Exception {
        JsonNode zh = error("--lang", "zh", "ledger", "totals", "9111000080210043", "2026");
        JsonNode p = zh.get("problems").get(0);
        assertEquals("CREDIT_CODE", p.get("path").asText());
        assertEquals("必须是18位统一社会信用代码（GB 32100-2015）；此代码为16位", p.get("messageZh").asText());
        assertTrue(p.get("message").asText().contains("this one has 16 characters"), p.toString());
        JsonNode en = error("--lang", "en", "ledger", "totals", "9111000080210043", "2026");
        assertTrue(en.get("problems").get(0).path("messageZh").isMissingNode(), en.toString());
    }

    private static List<JsonNode> batch(Path dir, Path in, String... lang) throws IOException {
        Path out = dir.resolve("out-" + lang[1] + ".jsonl");
        List<String> args = new ArrayList<>(List.of(lang));
        args.addAll(List.of("evaluate-batch", in.toString(), out.toString()));
        StringWriter err = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err),
                InputStream.nullInputStream());
        assertEquals(0, exit, err.toString()); // invalid lines are the input's problem: each has its record
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            records.add(new ObjectMapper().readTree(line));
        }
        return records;
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
