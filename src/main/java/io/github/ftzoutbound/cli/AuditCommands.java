package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.audit.Explainer;
import io.github.ftzoutbound.audit.HtmlReport;
import io.github.ftzoutbound.audit.Records;
import io.github.ftzoutbound.audit.Replay;
import io.github.ftzoutbound.batch.BoundedLineReader;
import io.github.ftzoutbound.model.InvalidRequestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The auditor's commands: explain, report, replay. */
final class AuditCommands {
    /** Exit code of replay when some decision would change. */
    static final int CHANGED = 4;
    /**
     * The longest decision record read (characters): a record holds a request of at most 4 MiB and its decision,
     * trace included. Longer lines are refused as they stream past, never held whole.
     */
    static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    /** A message safe for a terminal: ids and values from a record may hold control characters. */
    static String safe(Object message) {
        return Explainer.t(message);
    }

    /** The message of a record that could not be read, with its line, safe for a terminal. */
    static String unreadable(long line, Exception e) {
        String what = e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof InvalidRequestException || e instanceof EvaluationException ? String.valueOf(e.getMessage())
                : e.toString();
        return "line " + line + ": " + safe(what.replaceAll("\\s+", " "));
    }

    private AuditCommands() {
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Print a decision (or evaluate a request and print its decision) as text for a person.")
    static final class Explain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A decision JSON, or a request JSON to evaluate.")
        Path file;

        @Option(names = "--lang", defaultValue = "en", description = "en or zh (default: ${DEFAULT-VALUE}).")
        String lang;

        @CommandLine.Mixin
        Main.ListOptions options;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Explainer.Lang l;
            try {
                l = Explainer.Lang.valueOf(lang.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println(Main.errorJson("invalid-input", "--lang must be en or zh", List.of()));
                return Main.INVALID_INPUT;
            }
            String json;
            try {
                if (Files.size(file) > 4L * MAX_RECORD_CHARS) {
                    err.println(Main.errorJson("invalid-input", file + " is larger than a decision record can be",
                            List.of()));
                    return Main.INVALID_INPUT;
                }
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(Main.errorJson("invalid-input", "cannot read " + file, List.of()));
                return Main.INVALID_INPUT;
            }
            ExportDecision decision;
            try {
                if (Records.isDecision(json)) {
                    decision = Records.read(json);
                } else {
                    ExportDecisionService service = Main.buildOrReport(options, err);
                    if (service == null) {
                        return Main.RULES_FAILED;
                    }
                    decision = service.evaluateJson(json);
                }
            } catch (InvalidRequestException e) {
                err.println(Main.errorJson("invalid-input", "the request is invalid; nothing decided", e.problems()));
                return Main.INVALID_INPUT;
            } catch (IOException | RuntimeException e) {
                err.println(Main.errorJson("invalid-input", "not a decision or request: " + unreadable(1, e)
                        .substring("line 1: ".length()), List.of()));
                return Main.INVALID_INPUT;
            }
            String text;
            try {
                text = Explainer.explain(decision, l);
            } catch (RuntimeException e) {
                err.println(Main.errorJson("invalid-input", "the decision record cannot be explained: " + safe(e),
                        List.of()));
                return Main.INVALID_INPUT;
            }
            out.print(text);
            return Main.DECIDED;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write a self-contained HTML report of the decisions in DECISIONS.jsonl.")
    static final class Report implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DECISIONS.jsonl")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "report.html")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<ExportDecision> decisions = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            try (BoundedLineReader r = new BoundedLineReader(Files.newBufferedReader(in, StandardCharsets.UTF_8),
                    MAX_RECORD_CHARS)) {
                BoundedLineReader.Line line;
                long n = 0;
                while ((line = r.next()) != null) {
                    n++;
                    if (line.tooLong()) {
                        errors.add("line " + n + ": " + line.length() + " characters, longer than a decision record");
                        continue;
                    }
                    if (line.text().isBlank()) {
                        continue;
                    }
                    try {
                        if (Records.isDecision(line.text())) {
                            decisions.add(Records.read(line.text()));
                        } else {
                            errors.add("line " + n + ": not a decision record");
                        }
                    } catch (IOException | RuntimeException e) {
                        // One bad record never stops the report; it is listed, and the exit code says so.
                        errors.add(unreadable(n, e));
                    }
                }
            }
            String html;
            try {
                html = HtmlReport.render(decisions, errors);
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println(Main.errorJson("failure", "the report cannot be rendered: "
                        + safe(e), List.of()));
                return Main.FAILURE;
            }
            try {
                Files.writeString(out, html, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println(Main.errorJson("output-failed", "cannot write " + out + ": "
                        + e.getMessage(), List.of()));
                return Main.FAILURE;
            }
            spec.commandLine().getErr().println("report: " + decisions.size() + " decisions, " + errors.size()
                    + " unreadable lines -> " + out);
            return errors.isEmpty() ? Main.DECIDED : Main.INVALID_INPUT;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Re-evaluate archived decision records under the current (or candidate) rules; print, as "
                    + "JSON lines, every decision that would change. Exit 0 nothing changes, 4 something does.")
    static final class ReplayCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RECORDS.jsonl")
        Path in;

        @CommandLine.Mixin
        Main.ListOptions options;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ExportDecisionService service = Main.buildUngatedOrReport(options, err);
            if (service == null) {
                return Main.RULES_FAILED;
            }
            int unchanged = 0;
            int changed = 0;
            int unreadable = 0;
            try (BoundedLineReader r = new BoundedLineReader(Files.newBufferedReader(in, StandardCharsets.UTF_8),
                    MAX_RECORD_CHARS)) {
                BoundedLineReader.Line line;
                long n = 0;
                while ((line = r.next()) != null) {
                    n++;
                    if (line.tooLong()) {
                        unreadable++;
                        err.println("replay: line " + n + ": " + line.length()
                                + " characters, longer than a decision record");
                        continue;
                    }
                    if (line.text().isBlank()) {
                        continue;
                    }
                    try {
                        Replay.Outcome o = Replay.replay(service, Records.read(line.text()));
                        if (o.changed()) {
                            changed++;
                            out.println(DecisionJson.toJson(o.report(), false));
                        } else {
                            unchanged++;
                        }
                    } catch (IOException | RuntimeException e) {
                        // One bad record never stops the replay; it is counted, and the exit code says so.
                        unreadable++;
                        err.println("replay: " + unreadable(n, e));
                    }
                }
            }
            err.println("replay: " + unchanged + " unchanged, " + changed + " changed"
                    + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
            if (unreadable > 0) {
                return Main.INVALID_INPUT;
            }
            return changed > 0 ? CHANGED : Main.DECIDED;
        }
    }
}
