package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.CreditCode;
import io.github.ftzoutbound.ledger.jdbc.JdbcExportLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.ledger.ReservationStateException;
import io.github.ftzoutbound.ledger.UnknownDecisionException;
import io.github.ftzoutbound.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The annual export ledger on the command line (docs/ledger.md): {@code ledger commit ID}, {@code ledger cancel ID},
 * {@code ledger totals CREDIT_CODE YEAR} and {@code ledger export --year Y}; and {@link LedgerOptions}, the
 * {@code --ledger} options of {@code evaluate} and {@code evaluate-batch}. Exit codes: 0 done, 2 invalid input (an
 * unknown decision id, a reservation that cannot be committed or cancelled, a malformed credit code), 1 the ledger
 * failed.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "The annual export ledger: commit or cancel a decision's reservation, show a processor's totals, "
                + "export a year as CSV for auditors.",
        subcommands = {LedgerCommand.Commit.class, LedgerCommand.Cancel.class, LedgerCommand.Totals.class,
                LedgerCommand.Export.class})
final class LedgerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.INVALID_INPUT;
    }

    /** Where the ledger is and how it counts: shared by evaluate, evaluate-batch and the ledger commands. */
    static class LedgerOptions {
        @Option(names = "--ledger", paramLabel = "JDBC_URL",
                description = "Keep the annual totals in this ledger: a JDBC URL (jdbc:h2:file:/var/lib/ftz/ledger, "
                        + "jdbc:postgresql://host/db) or a file path for an embedded H2 ledger. Default: "
                        + "$FTZ_LEDGER_URL when set.", defaultValue = "${env:FTZ_LEDGER_URL}")
        String ledger;

        @Option(names = "--ledger-policy", paramLabel = "POLICY",
                description = "Which earlier exports count: ${COMPLETION-CANDIDATES} (default COUNT_ALL, the strict side).")
        CountingPolicy policy = CountingPolicy.COUNT_ALL;

        @Option(names = "--reservation-ttl", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long a decision's reservation holds uncommitted: 24h, 90m, 2d or ISO-8601 (PT24H). "
                        + "Default 24h.")
        Duration reservationTtl = Duration.ofHours(24);

        @Option(names = "--splitting-window", paramLabel = "DAYS",
                description = "Anti-splitting window in days either side of an export (default 30).")
        int splittingWindowDays = 30;

        @Option(names = "--date-override", paramLabel = "REASON",
                description = "With --ledger: accept evaluation dates other than today (Asia/Shanghai, give or take a "
                        + "day), for example to enter the exports of past months, for this reason. The reason is "
                        + "stored with every ledger row so decided and named in the decision (ledger."
                        + "evaluationDateOverride). Dates stay within 10 years before and 366 days after today.")
        String dateOverride;

        boolean configured() {
            return ledger != null && !ledger.isBlank();
        }

        /** Opens the ledger; {@link LedgerException} if it cannot, IllegalArgumentException for a bad option. */
        JdbcExportLedger open() {
            return JdbcExportLedger.builder(JdbcExportLedger.jdbcUrl(ledger))
                    .countingPolicy(policy)
                    .reservationTtl(reservationTtl)
                    .splittingWindowDays(splittingWindowDays)
                    .open();
        }

        /** Opens the ledger, or prints why not and returns null (the caller exits {@link Main#FAILURE}). */
        JdbcExportLedger openOrReport(PrintWriter err) {
            try {
                return open();
            } catch (LedgerException e) {
                err.println(Main.errorJson("ledger-failed", ErrorText.of("ledger.failed", e.getMessage()), List.of()));
                return null;
            }
        }
    }

    /** Durations as people write them (24h, 90m, 2d, 45s) or as ISO-8601 (PT24H). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                try {
                    d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException("'" + value
                            + "' is not a duration such as 24h, 90m, 2d or PT24H");
                }
            }
            if (d.isZero() || d.isNegative()) {
                throw new CommandLine.TypeConversionException("the reservation time must be positive");
            }
            return d;
        }
    }

    /** Runs work on the ledger the options name, mapping the ledger's failures to exit codes. */
    static int withLedger(LedgerOptions options, PrintWriter err, Function<JdbcExportLedger, Integer> work) {
        if (!options.configured()) {
            err.println(Main.errorJson("invalid-input", ErrorText.of("ledger.required"), List.of()));
            return Main.INVALID_INPUT;
        }
        JdbcExportLedger ledger = options.openOrReport(err);
        if (ledger == null) {
            return Main.FAILURE;
        }
        try (ledger) {
            return work.apply(ledger);
        } catch (UnknownDecisionException e) {
            err.println(Main.errorJson("invalid-input", ErrorText.of("ledger.unknownDecision", e.getMessage()), List.of()));
            return Main.INVALID_INPUT;
        } catch (ReservationStateException e) {
            err.println(Main.errorJson("reservation-state", ErrorText.of("ledger.reservationState", e.getMessage()), List.of()));
            return Main.INVALID_INPUT;
        } catch (LedgerException e) {
            err.println(Main.errorJson("ledger-failed", ErrorText.of("ledger.failed", e.getMessage()), List.of()));
            return Main.FAILURE;
        }
    }

    /**
     * What every ledger subcommand shares: the {@code --ledger} options, opening the ledger, and mapping its
     * failures to exit codes ({@link #withLedger}). A subcommand checks its own arguments ({@link #invalid}) and
     * does its work on the open ledger ({@link #run}).
     */
    abstract static class LedgerSubcommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        LedgerOptions options;

        /** Why the arguments are refused (printed, exit 2) before the ledger is opened; null when they are fine. */
        String invalid() {
            return null;
        }

        /** The work on the open ledger; returns the exit code. */
        abstract int run(JdbcExportLedger ledger, PrintWriter out, PrintWriter err);

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String problem = invalid();
            if (problem != null) {
                err.println(problem);
                return Main.INVALID_INPUT;
            }
            return withLedger(options, err, ledger -> run(ledger, spec.commandLine().getOut(), err));
        }
    }

    @Command(name = "commit", mixinStandardHelpOptions = true,
            description = "Record that the export of decision ID happened: its reserved persons count for good. "
                    + "Idempotent; refused (exit 2) for an unknown, expired, cancelled or superseded reservation.")
    static final class Commit extends LedgerSubcommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The decisionId of a decision made with the ledger.")
        String decisionId;

        @Override
        int run(JdbcExportLedger ledger, PrintWriter out, PrintWriter err) {
            out.println(DecisionJson.toJson(ledger.commit(decisionId), true));
            return Main.DECIDED;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Drop the reservation of decision ID: the export will not happen. Refused (exit 2) for a "
                    + "committed export or an unknown id.")
    static final class Cancel extends LedgerSubcommand {
        @Parameters(index = "0", paramLabel = "ID")
        String decisionId;

        @Override
        int run(JdbcExportLedger ledger, PrintWriter out, PrintWriter err) {
            out.println(DecisionJson.toJson(ledger.cancel(decisionId), true));
            return Main.DECIDED;
        }
    }

    @Command(name = "totals", mixinStandardHelpOptions = true,
            description = "A processor's totals for a calendar year: counted (as the next decision would see them, "
                    + "under --ledger-policy), committed, reserved and exempt-by-basis persons.")
    static final class Totals extends LedgerSubcommand {
        @Parameters(index = "0", paramLabel = "CREDIT_CODE")
        String creditCode;

        @Parameters(index = "1", paramLabel = "YEAR")
        int year;

        @Override
        String invalid() {
            Problem problem = CreditCode.check("CREDIT_CODE", creditCode);
            return problem == null ? null
                    : Main.errorJson("invalid-input", ErrorText.of("creditCode.invalid"), List.of(problem));
        }

        @Override
        int run(JdbcExportLedger ledger, PrintWriter out, PrintWriter err) {
            out.println(DecisionJson.toJson(ledger.totals(creditCode, year), true));
            return Main.DECIDED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Every export of a year, all processors, as CSV for auditors (RFC 4180, header first, UTF-8 "
                    + "with a byte-order mark for Excel).")
    static final class Export extends LedgerSubcommand {
        @Option(names = "--year", paramLabel = "Y", required = true, description = "The calendar year.")
        int year;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV to FILE instead of standard output.")
        Path out;

        @Option(names = "--no-bom", description = "Leave out the UTF-8 byte-order mark. It is written by default so "
                + "that Excel reads the file as UTF-8 (otherwise it garbles Chinese text).")
        boolean noBom;

        @Option(names = "--decisions", description = "Write the decision records stored with the year's exports "
                + "instead of the CSV: one JSON decision (request embedded, replayable) per line.")
        boolean decisions;

        @Override
        int run(JdbcExportLedger ledger, PrintWriter stdout, PrintWriter err) {
            try {
                if (out == null) {
                    write(ledger, stdout);
                } else {
                    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        write(ledger, w);
                    }
                }
                return Main.DECIDED;
            } catch (IOException e) {
                err.println(Main.errorJson("output-failed", ErrorText.of("output.cannotWrite", out, e.getMessage()), List.of()));
                return Main.FAILURE;
            }
        }

        /** U+FEFF, which UTF-8 encodes as EF BB BF: how Excel recognises a UTF-8 CSV. */
        private void writeBom(Writer w) throws IOException {
            if (!noBom) {
                w.write('\uFEFF');
            }
        }

        private void write(JdbcExportLedger ledger, Writer w) throws IOException {
            if (decisions) {
                // JSON lines, not a spreadsheet: no byte-order mark.
                ledger.exportDecisionRecords(year, w);
            } else {
                writeBom(w);
                LedgerCsv.write(ledger.records(year), ledger.clock().instant(), w);
            }
        }
    }
}
