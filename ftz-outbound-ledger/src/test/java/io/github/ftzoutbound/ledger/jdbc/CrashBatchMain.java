package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.ExportLedger;
import io.github.ftzoutbound.Requests;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.InvalidRequestException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;

/**
 * The batch {@link LedgerDurabilityTest} runs in a child JVM and kills: evaluates the year's exports of one
 * processor in order through an H2 file ledger, committing each as it goes, and acknowledges each commit on
 * standard output once {@code commit} has returned. Requests already committed (a run after a crash) are refused
 * by the ledger and acknowledged as ALREADY.
 *
 * <p>In the child, each export waits for a line on standard input first: the parent hands out one export at a
 * time, so it always knows that the child has committed either exactly the exports it acknowledged, or those and
 * the one export it last allowed. Without this handshake the child ran ahead of the kill and committed an unknown
 * number of exports the parent never read (the flaky failure this replaced).
 *
 * <p>Usage: {@code CrashBatchMain JDBC_URL CREDIT_CODE COUNT}
 */
public final class CrashBatchMain {
    private CrashBatchMain() {
    }

    /** Persons of export i: 3,000 to 7,999, so that 300 exports cross 100,000 early and 1,000,000 late. */
    static long persons(int i) {
        return 3_000 + (i * 7_919L) % 5_000;
    }

    static LocalDate date(int i) {
        return LocalDate.of(2026, 1, 1).plusDays(i);
    }

    static String requestId(int i) {
        return "CRASH-" + i;
    }

    /** Runs exports 0..count-1 without waiting; returns how many it committed. */
    static int run(ExportDecisionService service, ExportLedger ledger, String creditCode, int count, PrintStream out) {
        return run(service, ledger, creditCode, count, out, () -> true);
    }

    /**
     * Runs exports 0..count-1, asking {@code mayStart} before each; stops when it answers false. Returns how many
     * it committed.
     */
    static int run(ExportDecisionService service, ExportLedger ledger, String creditCode, int count, PrintStream out,
                   BooleanSupplier mayStart) {
        int committed = 0;
        for (int i = 0; i < count; i++) {
            if (!mayStart.getAsBoolean()) {
                return committed;
            }
            ExportDecision d;
            try {
                d = service.evaluate(Requests.export(requestId(i), creditCode, date(i), persons(i), 0));
            } catch (InvalidRequestException e) {
                out.println("ALREADY " + i);
                continue;
            }
            ledger.commit(d.decisionId());
            committed++;
            out.println("COMMITTED " + i + " " + d.decisionId() + " " + d.pathway() + " "
                    + d.ledger().totalsBefore().individuals());
        }
        return committed;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (JdbcExportLedger ledger = JdbcExportLedger.builder(args[0]).open()) {
            ExportDecisionService service = ExportDecisionService.builder().ledger(ledger)
                    .evaluationDateOverride("test: exports dated across the year").build();
            out.println("READY");
            BufferedReader permits = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            run(service, ledger, args[1], Integer.parseInt(args[2]), out, () -> {
                try {
                    return "NEXT".equals(permits.readLine()); // blocks until the parent allows one more export
                } catch (IOException e) {
                    return false;
                }
            });
            out.println("DONE");
        }
    }
}
