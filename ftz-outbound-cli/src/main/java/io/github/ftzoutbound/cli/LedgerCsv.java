package io.github.ftzoutbound.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import io.github.ftzoutbound.ledger.LedgerRecord;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The CSV that {@code ledger export} writes for auditors, through FastCSV: RFC 4180, CRLF line ends, header line
 * first. It lives in the command line, not in the core library, because the core stays slim (CoreDependenciesTest)
 * and an application that embeds the library takes {@link io.github.ftzoutbound.ledger.ExportLedger#records(int)}
 * and writes whatever its auditors read. The command puts the UTF-8 byte-order mark for Excel in front
 * ({@code --no-bom} leaves it out).
 *
 * <p>The bytes are those the hand-written writer of the core produced before (and Apache Commons CSV's
 * {@code RFC4180} format before that): {@link #MINIMAL} quotes the cells Commons CSV's minimal quoting quotes, on
 * top of those FastCSV must quote (a comma, a quote or a line break), so that an auditor's file is unchanged.
 */
final class LedgerCsv {
    /** The columns, in order. */
    static final List<String> HEADER = List.of("decision_id", "request_id", "credit_code", "year",
            "export_date", "individuals", "sensitive_individuals", "pathway", "basis_exempt", "status",
            "reserved_at", "expires_at", "committed_at", "cancelled_at", "policy", "totals_before_individuals",
            "totals_before_sensitive_individuals", "superseded_by", "evaluation_date_override");

    /**
     * Commons CSV's minimal quoting, beyond what FastCSV quotes anyway: an empty first cell (else a line of one
     * empty cell would be an empty line); a cell starting with a character up to '#' (space, control characters,
     * !, " and #, which some readers take for a comment); one ending in a space or control character (which some
     * readers trim).
     */
    static final QuoteStrategy MINIMAL = new QuoteStrategy() {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return fieldIdx == 0;
        }

        @Override
        public boolean quoteNonEmpty(int lineNo, int fieldIdx, String value) {
            return value.charAt(0) <= '#' || value.charAt(value.length() - 1) <= ' ';
        }
    };

    private LedgerCsv() {
    }

    /**
     * Writes the records with their state at {@code now} (an expired reservation shows EXPIRED); flushes, never
     * closes {@code out} (it may be standard output).
     */
    static void write(List<LedgerRecord> records, Instant now, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).quoteStrategy(MINIMAL)
                .build(new FilterWriter(out) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the caller owns out
                    }
                });
        try {
            csv.writeRecord(HEADER);
            for (LedgerRecord r : records) {
                csv.writeRecord(r.decisionId(), text(defused(r.requestId())), r.creditCode(), text(r.year()),
                        text(r.exportDate()), text(r.persons().individuals()),
                        text(r.persons().sensitiveIndividuals()), text(r.pathway()), text(r.basisExempt()),
                        text(r.statusAt(now)), text(r.reservedAt()), text(r.expiresAt()), text(r.committedAt()),
                        text(r.cancelledAt()), text(r.policy()), text(r.totalsBefore().individuals()),
                        text(r.totalsBefore().sensitiveIndividuals()), text(r.supersededBy()),
                        text(r.evaluationDateOverride()));
            }
            csv.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A cell's text; an absent value is an empty cell. */
    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    /**
     * A caller's text that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is prefixed with an
     * apostrophe; quoting does not stop a spreadsheet from running it. A plain negative number is left alone.
     */
    static String defused(String s) {
        if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+")) {
            return "'" + s;
        }
        return s;
    }
}
