package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.audit.Explainer;
import io.github.ftzoutbound.audit.Records;
import io.github.ftzoutbound.audit.Replay;
import io.github.ftzoutbound.batch.BoundedLineReader;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.report.ReportLang;
import io.github.ftzoutbound.report.ReportSummary;
import io.github.ftzoutbound.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
                err.println(Main.errorJson("invalid-input", ErrorText.of("lang.invalid"), List.of()));
                return Main.INVALID_INPUT;
            }
            String json;
            try {
                if (Files.size(file) > 4L * MAX_RECORD_CHARS) {
                    err.println(Main.errorJson("invalid-input", ErrorText.of("record.tooLarge", file), List.of()));
                    return Main.INVALID_INPUT;
                }
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(Main.errorJson("invalid-input", ErrorText.of("read.failed", file), List.of()));
                return Main.INVALID_INPUT;
            }
            ExportDecision decision;
            ExportDecisionService recompute = null;
            try {
                if (Records.isDecision(json)) {
                    decision = Records.read(json);
                    if (Explainer.isLean(decision) && decision.request() != null) {
                        // A lean record's analysis is recomputed from its request when the rule set is the
                        // record's (Explainer.explainRecord); the rule set is the one the options describe.
                        recompute = Main.buildOrReport(options, err);
                        if (recompute == null) {
                            return Main.RULES_FAILED;
                        }
                    }
                } else {
                    ExportDecisionService service = Main.buildOrReport(options, err);
                    if (service == null) {
                        return Main.RULES_FAILED;
                    }
                    decision = service.evaluateJson(json);
                }
            } catch (InvalidRequestException e) {
                err.println(Main.errorJson("invalid-input", ErrorText.of("request.invalid"), e.problems()));
                return Main.INVALID_INPUT;
            } catch (IOException | RuntimeException e) {
                err.println(Main.errorJson("invalid-input", ErrorText.of("record.notDecisionOrRequest", unreadable(1, e)
                        .substring("line 1: ".length())), List.of()));
                return Main.INVALID_INPUT;
            }
            String text;
            try {
                text = Explainer.explainRecord(decision, recompute, l);
            } catch (RuntimeException e) {
                err.println(Main.errorJson("invalid-input", ErrorText.of("record.cannotExplain", safe(e)), List.of()));
                return Main.INVALID_INPUT;
            }
            out.print(text);
            return Main.DECIDED;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write the HTML report of the decisions in DECISIONS.jsonl into a folder: a summary with "
                    + "counts and a chart, search, filters and paging (index.html), and the decisions' details.")
    static final class Report implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DECISIONS.jsonl", description = "Decision records, one JSON a line; "
                + "- reads them from the standard input (e.g. from zcat).")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FOLDER",
                description = "The report's folder: created if missing; an earlier report there is replaced.")
        Path out;

        @Option(names = "--lang", paramLabel = "LANG",
                description = "Language of the report: zh or en (default: the system locale).")
        String lang;

        @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "" + ReportWriter.DEFAULT_CHUNK,
                description = "Decisions per data file of the report (default: ${DEFAULT-VALUE}).")
        int chunkSize;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            ReportLang language;
            try {
                language = ReportLang.of(lang, Locale.getDefault());
            } catch (IllegalArgumentException e) {
                err.println(Main.errorJson("invalid-input", ErrorText.of("lang.invalid"), List.of()));
                return Main.INVALID_INPUT;
            }
            if (chunkSize < 1 || chunkSize > 100_000) {
                err.println(Main.errorJson("invalid-input", ErrorText.of("report.chunkSize"), List.of()));
                return Main.INVALID_INPUT;
            }
            // Records stream from the file into the report one at a time: only counts are kept (issue 16).
            ReportSummary summary;
            boolean stdin = in.toString().equals("-");
            try (BoundedLineReader r = new BoundedLineReader(stdin
                    ? new BufferedReader(new InputStreamReader(Main.stdin(), StandardCharsets.UTF_8))
                    : Files.newBufferedReader(in, StandardCharsets.UTF_8), MAX_RECORD_CHARS);
                 ReportWriter report = new ReportWriter(out, language, stdin ? "-" : String.valueOf(in.getFileName()),
                         Clock.systemUTC(), chunkSize)) {
                BoundedLineReader.Line line;
                long n = 0;
                while ((line = r.next()) != null) {
                    n++;
                    if (line.tooLong()) {
                        report.unreadable("line " + n + ": " + line.length()
                                + " characters, longer than a decision record");
                        continue;
                    }
                    if (line.text().isBlank()) {
                        continue;
                    }
                    ExportDecision d;
                    try {
                        if (!Records.isDecision(line.text())) {
                            report.unreadable("line " + n + ": not a decision record");
                            continue;
                        }
                        d = Records.read(line.text());
                    } catch (IOException | RuntimeException e) {
                        // One bad record never stops the report; it is listed, and the exit code says so.
                        report.unreadable(unreadable(n, e));
                        continue;
                    }
                    report.add(d);
                }
                summary = report.finish();
            } catch (java.nio.file.NoSuchFileException e) {
                err.println(Main.errorJson("invalid-input", ErrorText.of("read.failed", in), List.of()));
                return Main.INVALID_INPUT;
            } catch (IOException e) {
                err.println(Main.errorJson("output-failed", ErrorText.of("report.cannotWrite", out, safe(e.getMessage())), List.of()));
                return Main.FAILURE;
            } catch (RuntimeException e) {
                err.println(Main.errorJson("failure", ErrorText.of("report.cannotRender", safe(e)), List.of()));
                return Main.FAILURE;
            }
            err.println(Main.say("report.done", summary.decisions(), summary.unreadable(), out.resolve("index.html")));
            return summary.unreadable() == 0 ? Main.DECIDED : Main.INVALID_INPUT;
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
                        err.println(Main.say("replay.lineTooLong", n, line.length()));
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
                        err.println(Main.say("replay.unreadable", unreadable(n, e)));
                    }
                }
            }
            err.println(unreadable > 0 ? Main.say("replay.summaryUnreadable", unchanged, changed, unreadable)
                    : Main.say("replay.summary", unchanged, changed));
            if (unreadable > 0) {
                return Main.INVALID_INPUT;
            }
            return changed > 0 ? CHANGED : Main.DECIDED;
        }
    }
}
