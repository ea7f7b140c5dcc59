package io.github.ftzoutbound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ftzoutbound.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import static io.github.ftzoutbound.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help command (English and Chinese), shell completion, and evaluate-batch progress without a terminal. */
class CliHelpAndProgressTest {
    @Test
    void helpListsTheCommandsAndHelpOfACommandShowsItsUsage() {
        Run all = run("help");
        assertEquals(0, all.exit(), all.err());
        for (String command : List.of("evaluate", "evaluate-batch", "explain", "replay", "ledger", "help",
                "generate-completion")) {
            assertTrue(all.out().contains("  " + command + " "), command + " missing from\n" + all.out());
        }
        Run one = run("help", "evaluate");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().contains("Usage: ftz-outbound evaluate"), one.out());
        assertTrue(one.out().contains("--with-request"), one.out());
        assertEquals(2, run("help", "no-such-command").exit());
    }

    @Test
    void helpIsInChineseWithLangZhAndInEnglishWithLangEn() {
        Run zh = run("--lang", "zh", "help", "evaluate");
        assertEquals(0, zh.exit(), zh.err());
        assertTrue(zh.out().startsWith("用法： ftz-outbound evaluate"), zh.out());
        assertTrue(zh.out().contains("评估一个申请"), zh.out());
        assertTrue(zh.out().contains("另外加载 DIR 中的所有 *.list.yaml"), zh.out());
        assertTrue(zh.out().contains("申请 JSON 文件"), zh.out());
        Run ledgerZh = run("--lang=zh", "ledger", "export", "--help");
        assertTrue(ledgerZh.out().contains("带字节顺序标记"), ledgerZh.out());
        Run en = run("--lang", "en", "help", "evaluate");
        assertTrue(en.out().startsWith("Usage: ftz-outbound evaluate"), en.out());
        assertTrue(en.out().contains("Also load every *.list.yaml"), en.out());
        assertEquals(Locale.SIMPLIFIED_CHINESE, Main.helpLocale(new String[]{"explain", "d.json", "--lang", "zh"}));
        assertEquals(Locale.ENGLISH, Main.helpLocale(new String[]{"--lang", "fr", "help"}));
    }

    @Test
    void errorsCarryAChineseStatementWithLangZhAndOnlyThen(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"requestId\":\"X\",\"cio\":true}");
        Run zh = run("--lang", "zh", "evaluate", bad.toString());
        assertEquals(2, zh.exit());
        assertEquals("", zh.out());
        JsonNode error = CliTest.JSON.readTree(zh.err());
        assertEquals("invalid-input", error.get("error").asText());
        assertEquals("输入无效，未作出任何决定。problems 中列出每一处问题及其 JSON 路径。", error.get("messageZh").asText());
        assertTrue(error.get("problems").toString().contains("$.cio"), zh.err());
        Run en = run("--lang", "en", "evaluate", bad.toString());
        assertEquals(2, en.exit());
        assertTrue(!en.err().contains("messageZh"), en.err());
        Run wrong = run("--lang", "zh", "evaluate");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().startsWith("命令行有误（退出码 2）：\n"), wrong.err());
        assertTrue(wrong.err().contains("用法： ftz-outbound evaluate"), wrong.err());
    }

    /** Every command, option and parameter has its Chinese help text: a new option without one fails here. */
    @Test
    void everyCommandAndOptionHasAChineseHelpText() {
        ResourceBundle zh = ResourceBundle.getBundle(Main.HELP_BUNDLE, Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> missing = new ArrayList<>();
        missingKeys(Main.commandLine(), zh, missing);
        assertEquals(List.of(), missing, "add these keys to src/main/resources/"
                + Main.HELP_BUNDLE.replace('.', '/') + "_zh.properties");
    }

    private static void missingKeys(CommandLine cl, ResourceBundle zh, List<String> missing) {
        CommandSpec spec = cl.getCommandSpec();
        String q = spec.qualifiedName(".");
        if (!spec.usageMessage().hidden() || q.endsWith("generate-completion")) {
            if (!zh.containsKey(q + ".usage.description")) {
                missing.add(q + ".usage.description");
            }
            for (OptionSpec o : spec.options()) {
                String name = o.longestName().replaceFirst("^-+", "");
                boolean standard = o.descriptionKey().startsWith("mixinStandardHelpOptions")
                        || name.equals("help") || name.equals("version");
                if (!standard && !zh.containsKey(q + "." + name) && !zh.containsKey(name)
                        && !(o.descriptionKey().length() > 0 && zh.containsKey(o.descriptionKey()))) {
                    missing.add(q + "." + name);
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String key = q + "." + p.paramLabel() + "[" + p.index() + "]";
                if (!zh.containsKey(key) && !(p.descriptionKey().length() > 0 && zh.containsKey(p.descriptionKey()))) {
                    missing.add(key);
                }
            }
        }
        new LinkedHashSet<>(cl.getSubcommands().values()).forEach(sub -> missingKeys(sub, zh, missing));
    }

    @Test
    void generateCompletionPrintsABashScriptThatKnowsTheCommandsAndOptions() {
        Run r = run("generate-completion");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("complete -F"), r.out());
        assertTrue(r.out().contains("evaluate-batch"));
        assertTrue(r.out().contains("--no-bundled-lists"));
        assertTrue(r.out().contains("--ledger-policy"));
    }

    @Test
    void withoutATerminalProgressIsPlainLinesAsTheReadmeShows(@TempDir Path dir) throws Exception {
        String request = CliTest.request("2026-11-23", "AUTOMOTIVE_MANUFACTURING", null, 10).replace("\n", " ");
        Path in = Files.writeString(dir.resolve("in.jsonl"), request + "\n" + request + "\n\n" + request + "\n");
        Run r = run("evaluate-batch", in.toString(), dir.resolve("out.jsonl").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.err().lines().toList();
        // No carriage returns, no bar: one plain line per report, the last one complete, then the summary.
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r")), r.err());
        assertTrue(lines.get(lines.size() - 2).matches("evaluate-batch: 3/3 lines \\(100%\\), \\d+ lines/s, ETA 0s"),
                r.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("evaluate-batch: 4 lines, 3 decided, 0 errors"), r.err());
        assertEquals(3, Files.readAllLines(dir.resolve("out.jsonl")).size());
    }

    @Test
    void theReadmeQuotesTheLineThisCodePrints() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String line = BatchProgress.plainLine(12_000, 100_000, 2400, Optional.of(Duration.ofSeconds(37)));
        assertEquals("evaluate-batch: 12000/100000 lines (12%), 2400 lines/s, ETA 37s", line);
        assertTrue(readme.contains(line), "README.md should quote: " + line);
        assertEquals("evaluate-batch: 5 lines, 0 lines/s, ETA ?", BatchProgress.plainLine(5, 0, 0, Optional.empty()));
    }
}
