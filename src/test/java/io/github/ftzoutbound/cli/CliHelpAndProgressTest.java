package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.github.ftzoutbound.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help command, shell completion, and evaluate-batch progress where standard error is not a terminal. */
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
        String request = CliTest.request("2026-11-23", "AUTOMOTIVE", null, 10).replace("\n", " ");
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
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String line = BatchProgress.plainLine(12_000, 100_000, 2400, Optional.of(Duration.ofSeconds(37)));
        assertEquals("evaluate-batch: 12000/100000 lines (12%), 2400 lines/s, ETA 37s", line);
        assertTrue(readme.contains(line), "README.md should quote: " + line);
        assertEquals("evaluate-batch: 5 lines, 0 lines/s, ETA ?", BatchProgress.plainLine(5, 0, 0, Optional.empty()));
    }
}
