package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.batch.BatchEvaluator;
import io.github.ftzoutbound.ledger.jdbc.JdbcExportLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.lists.ListLint;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.RequestReader;
import io.github.ftzoutbound.model.Texts;
import picocli.AutoComplete;
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
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The command line. Exit codes (contract.md): 0 decided, 2 invalid input (problems as JSON on stderr,
 * nothing on stdout), 3 rules or lists failed to load (nothing decided), 1 any other failure.
 */
@Command(name = "ftz-outbound", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Decides how a data export out of China must be cleared, citing the clauses.")
public final class Main implements Callable<Integer> {
    /**
     * The commands, in the order help lists them. Not in the annotation: picocli builds the model of every command
     * it is given (reflection over each one's options and mixins, ~0.07 s of a cold start), so a run that names its
     * command gets that one only ({@link #commandLine}); help, completion and an unknown name get them all.
     */
    static final List<Class<?>> COMMANDS = List.of(Main.Evaluate.class, Main.EvaluateBatch.class,
            Main.LintLists.class, TestCommand.class,
            TranscriptionCommands.ImportList.class, TranscriptionCommands.ExportList.class,
            TranscriptionCommands.MigrateLists.class,
            CoverageCommand.class, ValidateRulesCommand.class, AuditCommands.Explain.class,
            AuditCommands.Report.class, AuditCommands.ReplayCommand.class, LedgerCommand.class,
            // `help [COMMAND]`, and a bash/zsh completion script: source <(java -jar … generate-completion)
            CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class,
            ServeCommand.class);
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
        // With -Dftz.cli.preload=true, the bundled rule set starts loading on a second thread before picocli builds
        // anything (RuleSetPreload; off by default, see there).
        RuleSetPreload.startFor(args, System.getenv("FTZ_ALLOWED_DIGESTS"));
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.in));
    }

    /** The whole command line, every command in it (help texts, tests). */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when they name a command other than help and generate-completion (the
     * first argument that is not a root option), that command only, so that picocli builds no model it will not use; else every command.
     * What a run does and prints is the same either way: a command's parsing, help and errors involve only itself
     * and the root.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String named = commandName(args);
        // help and generate-completion read the other commands: they get them all.
        List<Class<?>> only = COMMANDS.stream().filter(c -> nameOf(c).equals(named)
                && !"help".equals(named) && !"generate-completion".equals(named)).toList();
        for (Class<?> c : only.isEmpty() ? COMMANDS : only) {
            cl.addSubcommand(c);
        }
        // picocli hides generate-completion by default; it is documented in the README, so list it too.
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage().hidden(false);
        }
        return cl;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** The first argument that is not a root option (--lang LANG, --lang=LANG, -h, -V…), or null. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** Runs a command with the given streams and returns its exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        CommandLine cl = commandLine(args);
        // Help in Chinese or English: --lang, else the locale. Set on the root before parsing, so that it also
        // reaches the help of every subcommand (picocli passes the bundle down the hierarchy).
        Locale locale = helpLocale(args);
        ResourceBundle messages = ResourceBundle.getBundle(HELP_BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        cl.setResourceBundle(messages);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println(errorJson("failure", ErrorText.of("failure.unexpected", e), List.of()));
            return FAILURE;
        });
        cl.setParameterExceptionHandler((e, args1) -> {
            // picocli's own message is English only: in Chinese, a Chinese line says it is a command-line error and
            // what is wrong with which option or value (UsageErrors); in English, picocli's message as it is.
            if (messages.containsKey("error.commandLine")) {
                err.println(messages.getString("error.commandLine"));
                err.println(UsageErrors.chinese(e, messages));
            } else {
                err.println(e.getMessage());
            }
            e.getCommandLine().usage(err);
            return INVALID_INPUT;
        });
        STDIN.set(in);
        MESSAGES.set(messages);
        try {
            int exit = cl.execute(args);
            // PrintWriter swallows write errors (a full disk, /dev/full, a closed pipe): ask it. Output that was
            // lost must never end in exit 0 (or 4, "replay found changes"), or a caller would trust nothing.
            if (out.checkError() && (exit == DECIDED || exit == AuditCommands.CHANGED)) {
                err.println(errorJson("output-failed", ErrorText.of("output.stdoutLost"), List.of()));
                exit = FAILURE;
            }
            return exit;
        } finally {
            STDIN.remove();
            MESSAGES.remove();
            out.flush();
            err.flush();
        }
    }

    private static final ThreadLocal<InputStream> STDIN = new ThreadLocal<>();

    /** The standard input given to {@link #run} (for commands that read {@code -}). */
    static InputStream stdin() {
        return STDIN.get();
    }

    /** Chinese help texts: Messages_zh.properties; English ones are in the annotations. */
    static final String HELP_BUNDLE = "io.github.ftzoutbound.cli.Messages";

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of help texts: zh or en (default: the "
            + "system locale). Before the command, e.g. ftz-outbound --lang zh help evaluate.")
    String lang;

    /**
     * The language of help texts: the value of the first {@code --lang} among the arguments (the root option, or
     * explain's, which sets the language of its output too), else the system locale. Only Chinese and English
     * exist; anything else reads as English.
     */
    static Locale helpLocale(String[] args) {
        String lang = null;
        for (int i = 0; i < args.length && lang == null; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                lang = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            }
        }
        String language = lang != null ? lang.toLowerCase(Locale.ROOT) : Locale.getDefault().getLanguage();
        return language.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return INVALID_INPUT;
    }

    /** The help and error texts of the running command's language (Messages_zh for Chinese). */
    private static final ThreadLocal<ResourceBundle> MESSAGES = new ThreadLocal<>();

    /** The command line's status lines (Console.properties, Console_zh.properties). */
    static final String CONSOLE_BUNDLE = "io.github.ftzoutbound.cli.Console";

    /**
     * A status line in the run's language (--lang or the locale), {@code {0}}, {@code {1}}… filled with
     * {@code args} as they are (no grouping, no quoting rules). The English lines are unchanged from before, so
     * scripts reading them keep working; a Chinese legal team reads them in Chinese (issue 16).
     */
    static String say(String key, Object... args) {
        return Texts.text(CONSOLE_BUNDLE, language(), key, args);
    }

    /** The language chosen for this run (--lang or the locale): Chinese or English. */
    static Locale language() {
        ResourceBundle messages = MESSAGES.get();
        return messages == null ? Locale.ENGLISH : messages.getLocale();
    }

    /**
     * The JSON error record on stderr. With Chinese chosen (--lang zh or the locale), it also carries
     * {@code messageZh}, a Chinese statement of the kind of error (error.KIND in Messages_zh.properties), and each
     * problem carries its {@code messageZh} beside the English {@code message} (model/Problems_zh.properties). The
     * JSON paths and the English texts stay as they are, so a program reading the record reads it the same way in
     * both languages.
     */
    static String errorJson(String kind, String message, List<Problem> problems) {
        ResourceBundle messages = MESSAGES.get();
        return errorJson(kind, message, messages != null && messages.containsKey("error." + kind)
                ? messages.getString("error." + kind) : null, problems);
    }

    /**
     * The JSON error record whose words are {@code text} (Errors.properties): its English text is the
     * {@code message}, and with Chinese chosen its Chinese text (Errors_zh.properties) is the {@code messageZh}.
     */
    static String errorJson(String kind, ErrorText text, List<Problem> problems) {
        return errorJson(kind, text.english(), Texts.chinese(language())
                ? text.in(Locale.SIMPLIFIED_CHINESE) : null, problems);
    }

    private static String errorJson(String kind, String message, String messageZh, List<Problem> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", kind);
        m.put("message", message);
        boolean zh = Texts.chinese(language());
        if (messageZh != null) {
            m.put("messageZh", messageZh);
        }
        if (!problems.isEmpty()) {
            m.put("problems", zh ? problems.stream().map(Main::inChinese).toList() : problems);
        }
        return DecisionJson.toJson(m, false);
    }

    private static Map<String, String> inChinese(Problem p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("path", p.path());
        m.put("message", p.message());
        m.put("messageZh", p.message(Locale.SIMPLIFIED_CHINESE));
        return m;
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

        @Option(names = "--allowed-digests", paramLabel = "FILE", description = "With --rules: the rule set's digest "
                + "must be one of the reviewed digests listed in FILE (one sha256:… per line, # comments). "
                + "Default: $FTZ_ALLOWED_DIGESTS when set.", defaultValue = "${env:FTZ_ALLOWED_DIGESTS}")
        Path allowedDigests;

        @Option(names = "--scenarios", paramLabel = "DIR", description = "With --rules: scenario suites "
                + "(*.scenario.yaml, repeatable) the rule set must pass before it decides anything; without them a "
                + "--rules rule set does not serve. Default: DIR/scenarios of the rules directory, when it exists.")
        List<Path> scenarios = new ArrayList<>();

        ExportDecisionService.Builder builder() {
            ExportDecisionService.Builder b = ExportDecisionService.builder();
            if (allowedDigests != null) {
                try {
                    b.allowedRuleSetDigests(Files.readAllLines(allowedDigests, StandardCharsets.UTF_8).stream()
                            .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList());
                } catch (IOException e) {
                    throw new RuleSetException(List.of(allowedDigests + ": cannot read the digest allowlist: "
                            + e.getMessage()));
                }
            }
            lists.forEach(b::addListDirectory);
            if (noBundledLists) {
                b.withoutBundledLists();
            }
            if (rules != null) {
                b.rulesDirectory(rules);
            }
            return b;
        }

        /**
         * The service of a command that checks a rule set rather than serving its decisions (test, coverage,
         * replay, validate-rules: they run or compare suites themselves): a --rules rule set is built without the
         * scenario gate, which the library logs. Commands that serve use {@link #servingBuilder()}.
         */
        ExportDecisionService build() {
            return builder().allowUnvalidatedRules().build();
        }

        /**
         * The builder of a command that serves decisions (evaluate, evaluate-batch, explain, serve): a --rules rule
         * set must pass scenario suites first, the same gate as a reload (issue 13: a non-bundled rule set must pass
         * scenario suites before it serves). The suites are --scenarios, else the rules directory's own
         * {@code scenarios/} folder; with neither the rule set is refused (exit 3). {@code test} and
         * {@code coverage} run suites themselves and {@code replay} only compares, so they are not gated.
         */
        ExportDecisionService.Builder servingBuilder() {
            ExportDecisionService.Builder b = builder();
            if (rules != null) {
                List<Path> suites = new ArrayList<>(scenarios);
                Path own = rules.resolve("scenarios");
                if (suites.isEmpty() && Files.isDirectory(own)) {
                    suites.add(own);
                }
                // None at all is refused by build(), after the allowlist (ExportDecisionService.Builder.build).
                b.scenarioSuites(suites);
            }
            return b;
        }
    }

    /** A service with the ledger the options name attached (or none), or the exit code that says why not. */
    record WithLedger(ExportDecisionService service, JdbcExportLedger ledger, Integer exit) {
    }

    static WithLedger attachLedger(ExportDecisionService service, LedgerCommand.LedgerOptions options, boolean commit,
                                   PrintWriter err) {
        if (commit && !options.configured()) {
            err.println(errorJson("invalid-input", ErrorText.of("commit.needsLedger"), List.of()));
            return new WithLedger(null, null, INVALID_INPUT);
        }
        if (!options.configured()) {
            if (options.dateOverride != null) {
                err.println(errorJson("invalid-input", ErrorText.of("dateOverride.needsLedger"), List.of()));
                return new WithLedger(null, null, INVALID_INPUT);
            }
            return new WithLedger(service, null, null);
        }
        JdbcExportLedger ledger = options.openOrReport(err);
        if (ledger == null) {
            return new WithLedger(null, null, FAILURE);
        }
        try {
            return new WithLedger(service.withLedger(ledger).withEvaluationDateOverride(options.dateOverride), ledger,
                    null);
        } catch (IllegalArgumentException e) {
            ledger.close();
            err.println(errorJson("invalid-input", ErrorText.of("dateOverride.invalid", e.getMessage()), List.of()));
            return new WithLedger(null, null, INVALID_INPUT);
        }
    }

    /** Builds the service or prints why not (exit 3); returns null when loading failed. */
    static ExportDecisionService buildOrReport(ListOptions options, PrintWriter err) {
        try {
            ExportDecisionService preloaded = RuleSetPreload.take(options);
            return preloaded != null ? preloaded : options.servingBuilder().build();
        } catch (RuleSetException e) {
            err.println(errorJson("rules-failed", ErrorText.of("rules.failed"), e.asProblems()));
            return null;
        }
    }

    /**
     * Builds the service for a command that runs or compares suites and decides nothing that is acted on
     * ({@code test}, {@code coverage}, {@code replay}): a --rules rule set is not gated by scenarios here (it is
     * what is being tested). Prints why not and returns null when loading failed.
     */
    static ExportDecisionService buildUngatedOrReport(ListOptions options, PrintWriter err) {
        try {
            // The bundled rule set is not gated either way: the preloaded service is the one options.build() makes.
            ExportDecisionService preloaded = RuleSetPreload.take(options);
            return preloaded != null ? preloaded : options.build();
        } catch (RuleSetException e) {
            err.println(errorJson("rules-failed", ErrorText.of("rules.failed"), e.asProblems()));
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
        RecordOption record;

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
                err.println(errorJson("invalid-input", ErrorText.of("read.failedDetail", file, e.getMessage()), List.of()));
                return INVALID_INPUT;
            }
            // Parsed before the rule set is asked for, so that reading it (Jackson's first use) overlaps the rule
            // set's load on the preload thread (RuleSetPreload). What it throws is kept and thrown where it was
            // before, after the rule set and the ledger: a run with both problems still ends with the same one.
            // The bytes go to the reader as they are, so that input that is not UTF-8 is refused (exit 2) rather
            // than decoded with replacement characters and decided.
            ExportRequest request = null;
            RuntimeException unreadable = null;
            try {
                request = RequestReader.read(body);
            } catch (RuntimeException e) {
                unreadable = e;
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
                if (unreadable != null) {
                    throw unreadable;
                }
                ExportDecision decision = service.evaluate(request, withRequest);
                out.println(DecisionJson.toJson(decision, record.detail, !compact));
                // The decision is committed only once it has been written: an export whose decision was lost
                // (disk full, closed pipe) stays a reservation, which expires unless committed by hand.
                if (out.checkError()) {
                    err.println(errorJson("output-failed", commit && decision.ledger() != null
                            ? ErrorText.of("output.decisionLostUncommitted", decision.decisionId(),
                            decision.ledger().reservationExpiresAt())
                            : ErrorText.of("output.decisionLost", decision.decisionId()), List.of()));
                    return FAILURE;
                }
                if (commit && ledger != null && decision.ledger() != null) {
                    ledger.commit(decision.decisionId());
                }
                return DECIDED;
            } catch (InvalidRequestException e) {
                err.println(errorJson("invalid-input", ErrorText.of("request.invalid"), e.problems()));
                return INVALID_INPUT;
            } catch (EvaluationException e) {
                err.println(errorJson("failure", ErrorText.of("evaluation.failed", e.getMessage()), List.of()));
                return FAILURE;
            } catch (LedgerException e) {
                err.println(errorJson("ledger-failed", ErrorText.of("ledger.failed", e.getMessage()), List.of()));
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

        @Option(names = "--lean", description = "Same as --record lean (the default since issue 14; kept for scripts).")
        boolean lean;

        @CommandLine.Mixin
        RecordOption record;

        @CommandLine.Mixin
        LedgerCommand.LedgerOptions ledgerOptions;

        @Option(names = "--commit", description = "With --ledger: commit each decision's reservation as it is made "
                + "(exports that happened). Use --threads 1 to decide them in file order.")
        boolean commit;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isReadable(in)) {
                err.println(errorJson("invalid-input", ErrorText.of("read.failed", in), List.of()));
                return INVALID_INPUT;
            }
            // Opening OUT truncates it: if it is IN (the same path, a symlink or a hard link to it), the requests
            // would be destroyed before they were read. Checked before anything is loaded or opened.
            ErrorText same = OutputFiles.sameFileProblem(in, out);
            if (same != null) {
                err.println(errorJson("invalid-input", same, List.of()));
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
            DecisionRecord.Detail detail = lean ? DecisionRecord.Detail.LEAN : record.detail;
            java.util.function.Function<ExportDecision, Object> shape = d -> DecisionRecord.of(d, detail);
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
            // Per-line error records in the language of the single evaluate's error record (--lang zh or the locale).
            BatchEvaluator batch = new BatchEvaluator(service, threads, withRequest, shape, language());
            BatchEvaluator.Summary s;
            try (BufferedReader r = lenientReader(in);
                 BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                 BatchProgress progress = new BatchProgress(err, total, terminal)) {
                s = batch.run(r, w, progress);
            } catch (BatchEvaluator.LedgerDownException e) {
                err.println(errorJson("ledger-failed", ErrorText.of("batch.ledgerStopped", e.written(), e.getMessage()),
                        List.of()));
                return FAILURE;
            } catch (BatchEvaluator.OutputFailedException e) {
                err.println(errorJson("output-failed", ErrorText.of(ledger != null ? "batch.outputLostLedger"
                        : "batch.outputLost", out, e.written(), e.getCause().getMessage()), List.of()));
                return FAILURE;
            }
            if (terminal) {
                err.println();
            }
            err.println(say("batch.summary", s.lines(), s.decided(), s.errors(),
                    String.format(Locale.ROOT, "%.0f", s.perSecond()), s.byPathway()));
            if (s.failures() > 0) {
                // Invalid lines are the input's problem (exit 0, each has its record); a line the rules or the
                // ledger failed on is the system's, and must not look like success.
                err.println(errorJson("failure", ErrorText.of("batch.failures", s.failures()), List.of()));
                return FAILURE;
            }
            return DECIDED;
        }

        /** Non-blank lines, counted in a first streaming pass so progress can show a total and an ETA. */
        private static long countLines(Path file) throws IOException {
            try (io.github.ftzoutbound.batch.BoundedLineReader r = new io.github.ftzoutbound.batch.BoundedLineReader(
                    lenientReader(file), Limits.MAX_REQUEST_BYTES)) {
                long n = 0;
                io.github.ftzoutbound.batch.BoundedLineReader.Line line;
                while ((line = r.next()) != null) {
                    if (line.tooLong() || !line.text().isBlank()) {
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
                e.problems(language()).forEach(err::println);
                return RULES_FAILED;
            }
            // In the run's language: a Chinese legal team reads each finding in Chinese (lists/ListProblems_zh);
            // the file, line, finding code and the file's own reasons stay as they are.
            report.findings().forEach(f -> out.println(f.toString(language())));
            report.acknowledged().forEach(f -> out.println(f.toString(language())));
            String acked = report.acknowledged().isEmpty() ? "" : say("lint.acknowledged", report.acknowledged().size());
            out.println(report.findings().isEmpty() ? say("lint.clean", acked)
                    : say("lint.findings", report.findings().size(), acked));
            return report.findings().isEmpty() ? 0 : 1;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"ftz-outbound " + io.github.ftzoutbound.engine.RuleSetLoader.engineVersion()};
        }
    }

    /**
     * {@code --record full|lean}, shared by {@code evaluate} and {@code evaluate-batch}. Lean by default (issue 14):
     * the answer with its citation ids and labels, which is what a caller acts on; the full record, with clause
     * texts, explanations, {@code notChosen} and the trace, is the audit evidence, asked for with
     * {@code --record full} (and always kept by the ledger).
     */
    static class RecordOption {
        @Option(names = "--record", paramLabel = "full|lean", converter = DetailConverter.class,
                descriptionKey = "record",
                description = "lean (default): the answer with citation ids and labels only; full: the whole record, "
                        + "with clause texts, explanations, notChosen and the trace (audit evidence).")
        DecisionRecord.Detail detail = DecisionRecord.Detail.LEAN;
    }

    /** {@code --record full|lean}: anything else is a usage error naming the accepted values. */
    static final class DetailConverter implements CommandLine.ITypeConverter<DecisionRecord.Detail> {
        @Override
        public DecisionRecord.Detail convert(String value) {
            try {
                return DecisionRecord.Detail.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
