package io.github.ftzoutbound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.github.ftzoutbound.cli.ConsoleTextTest.hasChinese;
import static io.github.ftzoutbound.cli.ConsoleTextTest.slots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, "Chinese throughout": the words of every JSON error record the command line writes come from
 * Errors.properties (English, the record's {@code message}, unchanged for scripts) and Errors_zh.properties (Chinese,
 * the record's {@code messageZh} when Chinese is chosen); the evaluate-batch progress line speaks the run's language.
 */
class ChineseErrorRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChineseErrorRecordsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothErrorBundlesHaveTheSameKeysAndSlotsAndEveryKeyTheCodeUsesExists() throws IOException {
        Properties en = load("/io/github/ftzoutbound/cli/Errors.properties");
        Properties zh = load("/io/github/ftzoutbound/cli/Errors_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(slots(en.getProperty(key)), slots(zh.getProperty(key)), key);
            assertTrue(hasChinese(zh.getProperty(key)), key + " is not translated: " + zh.getProperty(key));
        }
        Pattern use = Pattern.compile("ErrorText\\.of\\(\\s*(?:[^\";]*\\?\\s*)?\"([a-zA-Z.]+)\"(?:\\s*:\\s*\"([a-zA-Z.]+)\")?");
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
        assertTrue(used.size() >= 30, "the scan finds the keys: " + used);
        for (String key : used) {
            assertTrue(en.containsKey(key), "no error text " + key);
        }
        // And no key is left over: a text nobody prints is a translation nobody checks.
        assertEquals(new TreeSet<>(en.stringPropertyNames()), used);
    }

    @Test
    void bothTranscriptionBundlesHaveTheSameKeysAndTheChineseIsChinese() throws IOException {
        Properties en = load("/io/github/ftzoutbound/transcription/Transcription.properties");
        Properties zh = load("/io/github/ftzoutbound/transcription/Transcription_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertTrue(hasChinese(zh.getProperty(key)), key + " is not translated: " + zh.getProperty(key));
            // The Chinese names the same values; "did you mean" joins the suggestions with 或 ({2}) in place of or ({1}).
            Set<String> want = slots(en.getProperty(key));
            if (key.startsWith("code.unknownNear.")) {
                want.remove("{1}");
                want.add("{2}");
            }
            assertEquals(want, slots(zh.getProperty(key)), key);
        }
    }

    /** The error record a command writes on stderr (its last line: usage text never follows a record). */
    private static JsonNode record(CliTest.Run r) throws IOException {
        String[] lines = r.err().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    /** Runs the command in Chinese and in English and checks the record both ways; returns the Chinese one. */
    private static JsonNode both(int exit, String english, String chinese, String... args) throws IOException {
        String[] zhArgs = new String[args.length + 2];
        String[] enArgs = new String[args.length + 2];
        zhArgs[0] = enArgs[0] = "--lang";
        zhArgs[1] = "zh";
        enArgs[1] = "en";
        System.arraycopy(args, 0, zhArgs, 2, args.length);
        System.arraycopy(args, 0, enArgs, 2, args.length);
        CliTest.Run zhRun = CliTest.run(zhArgs);
        CliTest.Run enRun = CliTest.run(enArgs);
        assertEquals(exit, zhRun.exit(), zhRun.err());
        assertEquals(exit, enRun.exit(), enRun.err());
        JsonNode zh = record(zhRun);
        JsonNode en = record(enRun);
        assertEquals(en.get("error"), zh.get("error"), "the error code does not change with the language");
        assertEquals(en.get("message"), zh.get("message"), "the English message stays for machines");
        assertTrue(en.get("message").asText().contains(english), en.toString());
        assertTrue(en.path("messageZh").isMissingNode(), "English only in English: " + en);
        assertTrue(zh.get("messageZh").asText().contains(chinese), zh.toString());
        return zh;
    }

    @Test
    void evaluateSaysWhatIsWrongInChineseWithLangZh(@TempDir Path dir) throws Exception {
        both(Main.INVALID_INPUT, "--commit needs --ledger", "--commit 须与 --ledger 一起使用",
                "evaluate", "--commit", "../docs/examples/jiangsu-scc-cumulative.json");
        Path missing = dir.resolve("missing.json");
        both(Main.INVALID_INPUT, "cannot read " + missing, "无法读取 " + missing + "。原文：",
                "evaluate", missing.toString());
    }

    @Test
    void evaluateBatchRefusesToOverwriteItsInputInChinese(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{}\n");
        both(Main.INVALID_INPUT, "is the same file as IN", "与输入文件 IN " + in + " 是同一个文件",
                "evaluate-batch", in.toString(), in.toString());
        assertEquals("{}\n", Files.readString(in), "the input is untouched");
    }

    @Test
    void explainAndReportRefuseTheirOptionsInChinese(@TempDir Path dir) throws Exception {
        both(Main.INVALID_INPUT, "--lang must be en or zh", "--lang 只能是 en 或 zh",
                "explain", "--lang", "fr", "../docs/examples/jiangsu-scc-cumulative.json");
        both(Main.INVALID_INPUT, "--chunk-size must be between 1 and 100000", "--chunk-size 必须在 1 到 100000 之间",
                "report", dir.resolve("none.jsonl").toString(), "--out", dir.resolve("r").toString(),
                "--chunk-size", "0");
        both(Main.INVALID_INPUT, "cannot read", "无法读取",
                "report", dir.resolve("none.jsonl").toString(), "--out", dir.resolve("r").toString());
    }

    @Test
    void ledgerAndTestCommandsSayWhatIsWrongInChinese(@TempDir Path dir) throws Exception {
        JsonNode zh = both(Main.INVALID_INPUT, "not a unified social credit code", "不是有效的统一社会信用代码",
                "ledger", "totals", "91320000ABC", "2026");
        assertTrue(hasChinese(zh.get("problems").get(0).get("messageZh").asText()), zh.toString());
        Path notDir = Files.writeString(dir.resolve("file.txt"), "x");
        both(Main.INVALID_INPUT, notDir + " is not a directory", notDir + " 不是文件夹", "test", notDir.toString());
    }

    @Test
    void theProgressLineSpeaksTheRunsLanguage(@TempDir Path dir) throws Exception {
        assertEquals("evaluate-batch：12000/100000 行（12%），每秒 2400 行，预计剩余 37 秒",
                BatchProgress.plainLine(12_000, 100_000, 2400, Optional.of(Duration.ofSeconds(37)), Locale.CHINA));
        assertEquals("evaluate-batch：5 行，每秒 0 行，预计剩余 未知",
                BatchProgress.plainLine(5, 0, 0, Optional.empty(), Locale.SIMPLIFIED_CHINESE));
        assertEquals("evaluate-batch: 12000/100000 lines (12%), 2400 lines/s, ETA 37s",
                BatchProgress.plainLine(12_000, 100_000, 2400, Optional.of(Duration.ofSeconds(37)), Locale.ENGLISH));

        // End to end: standard error is not a terminal here, so the plain line is printed, once at the end.
        String request = Files.readString(Path.of("../docs/examples/jiangsu-scc-cumulative.json")).replaceAll("\\s*\n\\s*", " ");
        Path in = Files.writeString(dir.resolve("in.jsonl"), request + "\n" + request + "\n");
        CliTest.Run zh = CliTest.run("--lang", "zh", "evaluate-batch", in.toString(), dir.resolve("out.jsonl").toString());
        assertEquals(0, zh.exit(), zh.err());
        assertTrue(zh.err().lines().anyMatch(l -> l.matches("evaluate-batch：2/2 行（100%），每秒 \\d+ 行，预计剩余 0 秒")),
                zh.err());
        CliTest.Run en = CliTest.run("--lang", "en", "evaluate-batch", in.toString(), dir.resolve("out2.jsonl").toString());
        assertTrue(en.err().lines().anyMatch(l -> l.matches("evaluate-batch: 2/2 lines \\(100%\\), \\d+ lines/s, ETA 0s")),
                en.err());
        assertFalse(en.err().lines().anyMatch(ConsoleTextTest::hasChinese), en.err());
    }

    @Test
    void lintListsSumsUpInTheRunsLanguage() {
        CliTest.Run zh = CliTest.run("--lang", "zh", "lint-lists", "../docs/examples/lists");
        String last = zh.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("lint-lists：(无问题|\\d+ 项问题).*"), zh.out() + zh.err());
        CliTest.Run en = CliTest.run("--lang", "en", "lint-lists", "../docs/examples/lists");
        assertEquals(zh.exit(), en.exit());
        String lastEn = en.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(lastEn.matches("lint-lists: (clean|\\d+ finding\\(s\\)).*"), en.out() + en.err());
    }

    /**
     * lint-lists and a broken list with --lang zh: every finding and every problem in Chinese (lists/ListProblems_zh),
     * not a Chinese introduction before the English original; file, line, codes and key names stay as they are.
     */
    @Test
    void listFindingsAndListProblemsReadInChineseWithLangZh(@TempDir Path dir) throws Exception {
        CliTest.listDir(dir, CliTest.DATED_LIST);
        CliTest.Run lint = CliTest.run("--lang", "zh", "lint-lists", dir.toString());
        assertEquals(1, lint.exit(), lint.out() + lint.err());
        assertTrue(lint.out().contains("dated.list.yaml:11: STRICTER_THAN_NATIONAL：提示：条目T-DATED-1"), lint.out());
        CliTest.Run examples = CliTest.run("--lang", "zh", "lint-lists", "../docs/examples/lists");
        assertEquals(0, examples.exit(), examples.out() + examples.err());
        assertTrue(examples.out().contains("已确认 STRICTER_THAN_NATIONAL：提示：条目ZJX-PHARMA-CT-SA01"), examples.out());
        Files.writeString(dir.resolve("dated.list.yaml"), CliTest.DATED_LIST.replace("sectors:", "sector:")
                .replace("effectiveTo: 2027-01-01", "effectiveTo: 2025-01-01"));
        CliTest.Run broken = CliTest.run("--lang", "zh", "lint-lists", dir.toString());
        assertEquals(3, broken.exit(), broken.out() + broken.err());
        assertTrue(broken.err().contains("未知的键“sector”"), broken.err());
        assertTrue(broken.err().contains("必须提供sectors"), broken.err());
        for (CliTest.Run r : List.of(lint, examples, broken)) {
            String all = r.out() + r.err();
            assertTrue(hasChinese(all), all);
            assertEquals(List.of(), all.lines().filter(l -> PROSE.matcher(l).find()).toList(), "English prose");
        }
        // English stays as it was for scripts.
        CliTest.Run brokenEn = CliTest.run("--lang", "en", "lint-lists", dir.toString());
        assertTrue(brokenEn.err().contains("dated.list.yaml:8: unknown key \"sector\" in list"), brokenEn.err());
        assertFalse(hasChinese(brokenEn.err()), brokenEn.err());
    }

    /**
     * {@code --lang zh CMD --help} for every command and subcommand (picocli's own help command included): no line
     * is English prose (three English words in a row and no Chinese). Option names, file names and codes may stay.
     */
    @Test
    void theHelpOfEveryCommandIsChineseWithLangZh() {
        List<String> english = new ArrayList<>();
        helpOf(new picocli.CommandLine(new Main()), List.of(), english);
        assertEquals(List.of(), english);
    }

    private static final Pattern PROSE = Pattern.compile("\\b[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}\\b");

    private static void helpOf(picocli.CommandLine cl, List<String> path, List<String> english) {
        List<String> args = new ArrayList<>(List.of("--lang", "zh"));
        args.addAll(path);
        args.add("--help");
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
        assertTrue(hasChinese(r.out()), String.join(" ", args));
        r.out().lines().filter(l -> PROSE.matcher(l).find() && !hasChinese(l))
                .forEach(l -> english.add(String.join(" ", path) + ": " + l.strip()));
        for (picocli.CommandLine sub : new java.util.LinkedHashSet<>(cl.getSubcommands().values())) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getCommandName());
            helpOf(sub, p, english);
        }
    }
}
