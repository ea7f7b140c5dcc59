package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.InvalidRequestException;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The batch {@link LedgerDurabilityTest} runs in a child JVM and kills: evaluates the year's exports of one
 * processor in order through an H2 file ledger, committing each as it goes, and acknowledges each commit on
 * standard output once {@code commit} has returned. Requests already committed (a run after a crash) are refused
 * by the ledger and acknowledged as ALREADY.
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

    /** Runs exports from..count-1; returns how many it committed. */
    static int run(ExportDecisionService service, ExportLedger ledger, String creditCode, int count, PrintStream out) {
        int committed = 0;
        for (int i = 0; i < count; i++) {
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
            ExportDecisionService service = ExportDecisionService.builder().ledger(ledger).build();
            out.println("READY");
            run(service, ledger, args[1], Integer.parseInt(args[2]), out);
            out.println("DONE");
        }
    }
}
