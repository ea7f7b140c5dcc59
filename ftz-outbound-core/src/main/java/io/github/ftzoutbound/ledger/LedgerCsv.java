package io.github.ftzoutbound.ledger;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The CSV that {@link ExportLedger#exportCsv} writes for auditors, shared by every ledger implementation so that an
 * auditor's spreadsheet reads the same columns whichever ledger wrote it: RFC 4180, CRLF line ends, header line
 * first, a cell quoted only where it needs to be. The command line puts the UTF-8 byte-order mark for Excel in
 * front ({@code ledger export --no-bom} leaves it out); the library writes none, its caller owns the writer.
 *
 * <p>Written here rather than by Apache Commons CSV (which the command line uses elsewhere) because this class is
 * part of the core library, whose only dependencies are Drools, Jackson, SnakeYAML and slf4j. The quoting is
 * Commons CSV's {@code RFC4180} minimal quoting, cell for cell (LedgerCsvTest pins each case), so the file is
 * byte for byte what the single-module 0.2 line wrote.
 */
public final class LedgerCsv {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("decision_id", "request_id", "credit_code", "year",
            "export_date", "individuals", "sensitive_individuals", "pathway", "basis_exempt", "status",
            "reserved_at", "expires_at", "committed_at", "cancelled_at", "policy", "totals_before_individuals",
            "totals_before_sensitive_individuals", "superseded_by", "evaluation_date_override");

    private LedgerCsv() {
    }

    /** Writes the records with their state at {@code now} (an expired reservation shows EXPIRED); flushes, never closes. */
    public static void write(List<LedgerRecord> records, Instant now, Writer out) throws IOException {
        writeLine(out, List.copyOf(HEADER));
        for (LedgerRecord r : records) {
            writeLine(out, List.of(r.decisionId(), nullable(defused(r.requestId())), r.creditCode(), r.year(),
                    r.exportDate(), r.persons().individuals(), r.persons().sensitiveIndividuals(), r.pathway(),
                    r.basisExempt(), r.statusAt(now), nullable(r.reservedAt()), nullable(r.expiresAt()),
                    nullable(r.committedAt()), nullable(r.cancelledAt()), r.policy(), r.totalsBefore().individuals(),
                    r.totalsBefore().sensitiveIndividuals(), nullable(r.supersededBy()),
                    nullable(r.evaluationDateOverride())));
        }
        out.flush();
    }

    private static void writeLine(Writer out, List<?> cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i).toString(), i == 0));
        }
        out.write(line.append("\r\n").toString());
    }

    private static Object nullable(Object o) {
        return o == null ? "" : o;
    }

    /**
     * A caller's text that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is prefixed with an
     * apostrophe; quoting (below) does not stop a spreadsheet from running it.
     */
    public static String defused(String s) {
        if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+")) {
            return "'" + s;
        }
        return s;
    }

    /**
     * One cell, quoted as Commons CSV's minimal quoting does: an empty first cell (else an empty line would have no
     * cells); a cell that starts with a character up to '#' (space, control characters, !, " and #); one that holds
     * a comma, a quote or a line break; one that ends in a space or control character. Quotes are doubled.
     */
    static String cell(String s, boolean first) {
        boolean quote;
        if (s.isEmpty()) {
            quote = first;
        } else if (s.charAt(0) <= '#') {
            quote = true;
        } else {
            quote = false;
            for (int i = 0; i < s.length() && !quote; i++) {
                char c = s.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            quote = quote || s.charAt(s.length() - 1) <= ' ';
        }
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
