package io.github.ftzoutbound.ledger;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The CSV that {@link ExportLedger#exportCsv} writes for auditors (RFC 4180, header line first), shared by every
 * ledger implementation so that an auditor's spreadsheet reads the same columns whichever ledger wrote it.
 */
public final class LedgerCsv {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("decision_id", "request_id", "credit_code", "year",
            "export_date", "individuals", "sensitive_individuals", "pathway", "basis_exempt", "status",
            "reserved_at", "expires_at", "committed_at", "cancelled_at", "policy", "totals_before_individuals",
            "totals_before_sensitive_individuals", "superseded_by");

    private LedgerCsv() {
    }

    /** Writes the records with their state at {@code now} (an expired reservation shows EXPIRED). */
    public static void write(List<LedgerRecord> records, Instant now, Writer out) throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\r\n");
        for (LedgerRecord r : records) {
            List<Object> cells = List.of(r.decisionId(), r.requestId(), r.creditCode(), r.year(), r.exportDate(),
                    r.persons().individuals(), r.persons().sensitiveIndividuals(), r.pathway(), r.basisExempt(),
                    r.statusAt(now), nullable(r.reservedAt()), nullable(r.expiresAt()), nullable(r.committedAt()),
                    nullable(r.cancelledAt()), r.policy(), r.totalsBefore().individuals(),
                    r.totalsBefore().sensitiveIndividuals(), nullable(r.supersededBy()));
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(cell(cells.get(i).toString()));
            }
            out.write(line.append("\r\n").toString());
        }
        out.flush();
    }

    private static Object nullable(Object o) {
        return o == null ? "" : o;
    }

    /**
     * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A caller's text that a
     * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
     */
    public static String cell(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
