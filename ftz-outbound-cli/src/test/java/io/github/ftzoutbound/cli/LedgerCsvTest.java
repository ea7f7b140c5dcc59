package io.github.ftzoutbound.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * LedgerCsv (FastCSV) writes what Apache Commons CSV's RFC4180 format wrote, and the core's hand-written writer
 * after it (the expected cells below are Commons CSV 1.14.1's output), so an auditor's file is unchanged.
 */
class LedgerCsvTest {
    /** One cell as LedgerCsv's FastCSV set-up writes it, as the first cell of a line or after another. */
    private static String cell(String value, boolean first) {
        StringWriter out = new StringWriter();
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).quoteStrategy(LedgerCsv.MINIMAL)
                .build(out);
        if (first) {
            csv.writeRecord(value);
        } else {
            csv.writeRecord("x", value);
        }
        try {
            csv.close();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String line = out.toString();
        return line.substring(first ? 0 : 2, line.length() - 2);
    }

    @ParameterizedTest(name = "[{0}] first={1} -> [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "plain|false|plain",
            "plain|true|plain",
            "``|false|``",
            "``|true|`\"\"`",
            "a,b|false|`\"a,b\"`",
            "say \"x\"|false|`\"say \"\"x\"\"\"`",
            "#note|false|`\"#note\"`",
            "#note|true|`\"#note\"`",
            "!x|false|`\"!x\"`",
            "$x|false|$x",
            "'=x|false|'=x",
            "x |false|`\"x \"`",
            "中文|false|中文",
    })
    void cellsAreQuotedOnlyWhereCommonsCsvQuotes(String value, boolean first, String expected) {
        assertEquals(expected, cell(value, first));
    }

    @Test
    void lineBreaksAreQuoted() {
        assertEquals("\"a\nb\"", cell("a\nb", false));
        assertEquals("\"a\rb\"", cell("a\rb", false));
        assertEquals("\"\tx\"", cell("\tx", false));
    }

    @Test
    void formulasAreDefusedButNumbersAreNot() {
        assertEquals("'=SUM(A1)", LedgerCsv.defused("=SUM(A1)"));
        assertEquals("'@cmd", LedgerCsv.defused("@cmd"));
        assertEquals("'+1+2", LedgerCsv.defused("+1+2"));
        assertEquals("'-1+2", LedgerCsv.defused("-1+2"));
        assertEquals("'\tx", LedgerCsv.defused("\tx"));
        assertEquals("'\rx", LedgerCsv.defused("\rx"));
        assertEquals("-12", LedgerCsv.defused("-12"));
        assertEquals("REQ-1", LedgerCsv.defused("REQ-1"));
    }

    private static LedgerRecord record(String requestId, Instant t) {
        return new LedgerRecord("d-1", requestId, "91320594MA1WLEDG0T", 2026,
                LocalDate.of(2026, 11, 23), new PersonCounts(100, 0), Pathway.EXEMPT, false,
                LedgerRecord.Status.RESERVED, t, t.plusSeconds(3600), null, null, CountingPolicy.COUNT_ALL,
                new PersonCounts(5, 0), null, "entering October's exports", true);
    }

    @Test
    void aRecordIsOneCrlfLineAfterTheHeaderWithTheOverrideLast() throws Exception {
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        StringWriter out = new StringWriter();
        LedgerCsv.write(List.of(record("=HYPERLINK(\"x\"),1", t)), t, out);
        assertEquals(String.join(",", LedgerCsv.HEADER) + "\r\n"
                + "d-1,\"'=HYPERLINK(\"\"x\"\"),1\",91320594MA1WLEDG0T,2026,2026-11-23,100,0,EXEMPT,false,RESERVED,"
                + "2026-11-23T02:00:00Z,2026-11-23T03:00:00Z,,,COUNT_ALL,5,0,,"
                + "entering October's exports\r\n", out.toString());
        assertEquals("evaluation_date_override", LedgerCsv.HEADER.get(LedgerCsv.HEADER.size() - 1));
    }

    @Test
    void theStatusIsTheOneAtTheTimeOfTheExport() throws Exception {
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        StringWriter before = new StringWriter();
        LedgerCsv.write(List.of(record("R", t)), t.plusSeconds(3599), before);
        assertEquals("RESERVED", before.toString().lines().toList().get(1).split(",")[9]);
        StringWriter after = new StringWriter();
        LedgerCsv.write(List.of(record("R", t)), t.plusSeconds(3600), after);
        assertEquals("EXPIRED", after.toString().lines().toList().get(1).split(",")[9]);
    }

    @Test
    void aWriteFailureIsAnIoExceptionAndTheCallersWriterIsNotClosed() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void close() {
                throw new AssertionError("LedgerCsv closed the caller's writer");
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> LedgerCsv.write(List.of(record("R", Instant.EPOCH)), Instant.EPOCH, broken));
        assertEquals("disk full", e.getMessage());
    }
}
