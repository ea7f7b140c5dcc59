package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.batch.BatchEvaluator;
import io.github.ftzoutbound.batch.LeanDecision;
import io.github.ftzoutbound.ledger.JdbcExportLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.lists.ListLint;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.RequestReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The command line. Exit codes (contract.md): 0 decided, 2 invalid input (problems as JSON on stderr,
 * nothing on stdout), 3 rules or lists failed to load (nothing decided), 1 any other failure.
 */
@Command(name = "ftz-outbound", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Decides how a data export out of China must be cleared, citing the clauses.",
        subcommands = {Main.Evaluate.class, Main.EvaluateBatch.class, Main.LintLists.class, TestCommand.class,
                TranscriptionCommands.ImportList.class, TranscriptionCommands.ExportList.class,
                TranscriptionCommands.MigrateLists.class,
                CoverageCommand.class, ValidateRulesCommand.class, AuditCommands.Explain.class,
                AuditCommands.Report.class, AuditCommands.ReplayCommand.class, LedgerCommand.class})
public final class Main implements Callable<Integer> {
    public static final int DECIDED = 0;
    public static final int FAILURE = 1;
    public static final int INVALID_INPUT = 2;
    public static final int RULES_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The command line speaks JSON on stdout and problems on stderr; the engine's own progress notes
        // (INFO) would only clutter stderr. A user can still ask for them with -Dorg.slf4j.simpleLogger...
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.in));
    }

    /** Runs a command with the given streams and returns its exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println(errorJson("failure", e.toString(), List.of()));
            return FAILURE;
        });
        cl.setParameterExceptionHandler((e, args1) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return INVALID_INPUT;
        });
        STDIN.set(in);
        try {
            return cl.execute(args);
        } finally {
            STDIN.remove();
            out.flush();
            err.flush();
        }
    }

    private static final ThreadLocal<InputStream> STDIN = new ThreadLocal<>();

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return INVALID_INPUT;
    }

    static String errorJson(String kind, String message, List<Problem> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", kind);
        m.put("message", message);
        if (!problems.isEmpty()) {
            m.put("problems", problems);
        }
        return DecisionJson.toJson(m, false);
    }

    /** Options every command that decides shares: which rules and lists to load. */
    static class ListOptions {
        @Option(names = "--lists", paramLabel = "DIR", description = "Also load every *.list.yaml in DIR (repeatable).")
        List<Path> lists = new ArrayList<>();

        @Option(names = "--no-bundled-lists", description = "Do not load the bundled (illustrative) lists.")
        boolean noBundledLists;

        @Option(names = "--rules", paramLabel = "DIR",
                description = "Load DRL rules (and ruleset.properties) from DIR in place of the bundled rules.")
        Path rules;

        ExportDecisionService.Builder builder() {
            ExportDecisionService.Builder b = ExportDecisionService.builder();
            lists.forEach(b::addListDirectory);
            if (noBundledLists) {
                b.withoutBundledLists();
            }
            if (rules != null) {
                b.rulesDirectory(rules);
            }
            return b;
        }

        ExportDecisionService build() {
            return builder().build();
        }
    }

    /** A service with the ledger the options name attached (or none), or the exit code that says why not. */
    record WithLedger(ExportDecisionService service, JdbcExportLedger ledger, Integer exit) {
    }

    static WithLedger attachLedger(ExportDecisionService service, LedgerCommand.LedgerOptions options, boolean commit,
                                   PrintWriter err) {
        if (commit && !options.configured()) {
            err.println(errorJson("invalid-input", "--commit needs --ledger", List.of()));
            return new WithLedger(null, null, INVALID_INPUT);
        }
        if (!options.configured()) {
            return new WithLedger(service, null, null);
        }
        JdbcExportLedger ledger = options.openOrReport(err);
        if (ledger == null) {
            return new WithLedger(null, null, FAILURE);
        }
        return new WithLedger(service.withLedger(ledger), ledger, null);
    }

    /** Builds the service or prints why not (exit 3); returns null when loading failed. */
    static ExportDecisionService buildOrReport(ListOptions options, PrintWriter err) {
        try {
            return options.build();
        } catch (RuleSetException e) {
            err.println(errorJson("rules-failed", "rules or lists failed to load; nothing decided",
                    e.problems().stream().map(p -> new Problem("rules", p)).toList()));
            return null;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Evaluate one request (FILE, or - for stdin) and print the cited decision as JSON.")
    static final class Evaluate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Request JSON file, or - for standard input.")
        String file;

        @CommandLine.Mixin
        ListOptions listOptions;

        @Option(names = "--compact", description = "One line of JSON instead of indented output.")
        boolean compact;

        @Option(names = "--with-request", description = "Embed the validated request: a replayable decision record.")
        boolean withRequest;

        @CommandLine.Mixin
        LedgerCommand.LedgerOptions ledgerOptions;

        @Option(names = "--commit", description = "With --ledger: commit the decision's reservation at once (the "
                + "export happens now, or already happened).")
        boolean commit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] body;
            try {
                body = read(file);
            } catch (IOException e) {
                err.println(errorJson("invalid-input", "cannot read " + file + ": " + e.getMessage(), List.of()));
                return INVALID_INPUT;
            }
            ExportDecisionService service = buildOrReport(listOptions, err);
            if (service == null) {
                return RULES_FAILED;
            }
            WithLedger attached = attachLedger(service, ledgerOptions, commit, err);
            if (attached.exit() != null) {
                return attached.exit();
            }
            service = attached.service();
            JdbcExportLedger ledger = attached.ledger();
            try {
                // The bytes go to the reader as they are, so that input that is not UTF-8 is refused (exit 2)
                // rather than decoded with replacement characters and decided.
                ExportDecision decision = service.evaluate(RequestReader.read(body), withRequest);
                if (commit && ledger != null && decision.ledger() != null) {
                    ledger.commit(decision.decisionId());
                }
                out.println(DecisionJson.toJson(decision, !compact));
                return DECIDED;
            } catch (InvalidRequestException e) {
                err.println(errorJson("invalid-input", "the request is invalid; nothing decided", e.problems()));
                return INVALID_INPUT;
            } catch (EvaluationException e) {
                err.println(errorJson("failure", e.getMessage(), List.of()));
                return FAILURE;
            } catch (LedgerException e) {
                err.println(errorJson("ledger-failed", e.getMessage(), List.of()));
                return FAILURE;
            } finally {
                if (ledger != null) {
                    ledger.close();
                }
            }
        }

        private static byte[] read(String file) throws IOException {
            InputStream in = "-".equals(file) ? STDIN.get() : Files.newInputStream(Path.of(file));
            try {
                byte[] body = in.readNBytes(Limits.MAX_REQUEST_BYTES + 1);
                return body;
            } finally {
                if (!"-".equals(file)) {
                    in.close();
                }
            }
        }
    }

    @Command(name = "evaluate-batch", mixinStandardHelpOptions = true,
            description = "One request per line in IN.jsonl, one decision or error record per line in OUT.jsonl.")
    static final class EvaluateBatch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN.jsonl")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT.jsonl")
        Path out;

        @CommandLine.Mixin
        ListOptions listOptions;

        @Option(names = "--with-request", description = "Embed each validated request: replayable decision records.")
        boolean withRequest;

        @Option(names = "--threads", paramLabel = "N", description = "Evaluation threads (default: cores).")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--lean", description = "Write decisions without the trace, the notChosen analysis and "
                + "clause texts (citations keep their identifiers and labels): much smaller output for scans.")
        boolean lean;

        @CommandLine.Mixin
        LedgerCommand.LedgerOptions ledgerOptions;

        @Option(names = "--commit", description = "With --ledger: commit each decision's reservation as it is made "
                + "(exports that happened). Use --threads 1 to decide them in file order.")
        boolean commit;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            ExportDecisionService service = buildOrReport(listOptions, err);
            if (service == null) {
                return RULES_FAILED;
            }
            if (!Files.isReadable(in)) {
                err.println(errorJson("invalid-input", "cannot read " + in, List.of()));
                return INVALID_INPUT;
            }
            WithLedger attached = attachLedger(service, ledgerOptions, commit, err);
            if (attached.exit() != null) {
                return attached.exit();
            }
            service = attached.service();
            JdbcExportLedger ledger = attached.ledger();
            try {
                return run(service, ledger, err);
            } finally {
                if (ledger != null) {
                    ledger.close();
                }
            }
        }

        private int run(ExportDecisionService service, JdbcExportLedger ledger, PrintWriter err) throws IOException {
            long total = countLines(in);
            boolean terminal = System.console() != null;
            java.util.function.Function<ExportDecision, Object> shape = lean ? LeanDecision::of : d -> d;
            if (commit && ledger != null) {
                // Committed in the worker, before the line is written: a written decision is a recorded export.
                java.util.function.Function<ExportDecision, Object> written = shape;
                shape = d -> {
                    if (d.ledger() != null) {
                        ledger.commit(d.decisionId());
                    }
                    return written.apply(d);
                };
            }
            BatchEvaluator batch = new BatchEvaluator(service, threads, withRequest, shape);
            BatchEvaluator.Summary s;
            try (BufferedReader r = lenientReader(in);
                 BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                s = batch.run(r, w, BatchEvaluator.reporter(text -> {
                    err.print(text);
                    err.flush();
                }, total, terminal));
            }
            if (terminal) {
                err.println();
            }
            err.printf("evaluate-batch: %d lines, %d decided, %d errors, %.0f decisions/s; by pathway %s%n",
                    s.lines(), s.decided(), s.errors(), s.perSecond(), s.byPathway());
            return DECIDED;
        }

        /** Non-blank lines, counted in a first streaming pass so progress can show a total and an ETA. */
        private static long countLines(Path file) throws IOException {
            try (BufferedReader r = lenientReader(file)) {
                long n = 0;
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        n++;
                    }
                }
                return n;
            }
        }

        /**
         * Reads the batch as UTF-8 without failing on bytes that are not: a bad line must not stop the batch
         * (contract.md). Each malformed byte becomes U+0000, which JSON never allows unescaped, so that line
         * alone is refused as invalid input instead of being decided with replacement characters.
         */
        private static BufferedReader lenientReader(Path file) throws IOException {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                    .newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\u0000")));
        }
    }

    @Command(name = "lint-lists", mixinStandardHelpOptions = true,
            description = "Check negative-list files: overlaps (tiered bands are tiers, not overlaps), empty entries, "
                    + "rows stricter than national rules, codes no catalog defines; findings the file acknowledges "
                    + "are shown with their reason and do not count.")
    static final class LintLists implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ListLint.Report report;
            try {
                report = ListLint.lint(dir);
            } catch (RuleSetException e) {
                e.problems().forEach(err::println);
                return RULES_FAILED;
            }
            report.findings().forEach(out::println);
            report.acknowledged().forEach(out::println);
            String acked = report.acknowledged().isEmpty() ? "" : " (" + report.acknowledged().size() + " acknowledged)";
            out.println(report.findings().isEmpty() ? "lint-lists: clean" + acked
                    : "lint-lists: " + report.findings().size() + " finding(s)" + acked);
            return report.findings().isEmpty() ? 0 : 1;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"ftz-outbound " + io.github.ftzoutbound.engine.RuleSetLoader.engineVersion()};
        }
    }
}
