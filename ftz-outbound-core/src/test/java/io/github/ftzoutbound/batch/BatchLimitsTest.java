package io.github.ftzoutbound.batch;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.ExportLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.ledger.Reservation;
import io.github.ftzoutbound.ledger.ReservationRequest;
import io.github.ftzoutbound.ledger.YearTotals;
import io.github.ftzoutbound.model.Limits;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch bounds its lines and stops when the ledger stays down (issue 13). */
class BatchLimitsTest {
    static String request(String id, boolean withCreditCode) {
        return ("{\"requestId\":\"%s\",\"evaluationDate\":\"%s\",\"processor\":{\"ftz\":\"NONE\",\"ciio\":false%s},"
                + "\"dataItems\":[{\"id\":\"a\",\"personalInformation\":{\"individuals\":5}}]}")
                .formatted(id, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                        withCreditCode ? ",\"creditCode\":\"91320594MA1WLEDG0T\"" : "");
    }

    @Test
    void aLineOverTheRequestLimitIsRefusedAndTheBatchGoesOn() throws Exception {
        // A line of 4 MiB + 1 characters that is never held: the reader is fed in chunks and keeps none of it.
        long huge = Limits.MAX_REQUEST_BYTES + 1L;
        Reader endless = new Reader() {
            long sent;
            boolean tail;

            @Override
            public int read(char[] buf, int off, int len) {
                if (sent < huge) {
                    int n = (int) Math.min(len, huge - sent);
                    java.util.Arrays.fill(buf, off, off + n, ' ');
                    sent += n;
                    return n;
                }
                if (!tail) {
                    tail = true;
                    String rest = "\n" + request("AFTER", false) + "\n";
                    rest.getChars(0, rest.length(), buf, off);
                    return rest.length();
                }
                return -1;
            }

            @Override
            public void close() {
            }
        };
        StringWriter out = new StringWriter();
        BatchEvaluator.Summary s = new BatchEvaluator(TestServices.bundled(), 1, false, d -> d)
                .run(new BufferedReader(endless), out, (lines, nanos) -> { });
        List<String> records = out.toString().lines().toList();
        assertEquals(2, records.size());
        assertTrue(records.get(0).contains("\"line\":1") && records.get(0).contains("4194305 characters long"),
                records.get(0));
        assertTrue(records.get(1).contains("\"requestId\":\"AFTER\""), records.get(1));
        assertEquals(1, s.decided());
        assertEquals(0, s.failures());
    }

    @Test
    void theBoundedReaderSplitsLinesAndDropsCarriageReturns() throws Exception {
        BoundedLineReader r = new BoundedLineReader(new StringReader("ab\r\n\nxyz\nlast"), 3);
        assertEquals("ab", r.next().text());
        assertEquals("", r.next().text());
        assertEquals("xyz", r.next().text());
        BoundedLineReader.Line last = r.next(); // no line break at the end, and one character too long
        assertTrue(last.tooLong());
        assertEquals(4, last.length());
        assertEquals(null, r.next());
        BoundedLineReader tooLong = new BoundedLineReader(new StringReader("abcd\nok"), 3);
        BoundedLineReader.Line first = tooLong.next();
        assertTrue(first.tooLong());
        assertEquals(4, first.length());
        assertEquals("ok", tooLong.next().text());
        assertEquals(null, tooLong.next());
    }

    /** A ledger whose database is down. */
    static final class DownLedger implements ExportLedger {
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public CountingPolicy countingPolicy() {
            return CountingPolicy.COUNT_ALL;
        }

        @Override
        public Duration reservationTtl() {
            return Duration.ofHours(1);
        }

        @Override
        public int splittingWindowDays() {
            return 30;
        }

        @Override
        public <D> D reserve(ReservationRequest request, Function<LedgerSnapshot, Reservation<D>> decide) {
            attempts.incrementAndGet();
            throw new LedgerException("connection refused", null);
        }

        @Override
        public LedgerRecord commit(String decisionId) {
            throw new LedgerException("connection refused", null);
        }

        @Override
        public LedgerRecord cancel(String decisionId) {
            throw new LedgerException("connection refused", null);
        }

        @Override
        public YearTotals totals(String creditCode, int year) {
            throw new LedgerException("connection refused", null);
        }

        @Override
        public List<LedgerRecord> records(int year) {
            return List.of();
        }

        @Override
        public long exportDecisionRecords(int year, Writer out) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aBatchStopsAfterConsecutiveLedgerFailuresButNotAfterFewer() throws Exception {
        DownLedger down = new DownLedger();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            in.append(request("DOWN-" + i, true)).append('\n');
        }
        StringWriter out = new StringWriter();
        BatchEvaluator batch = new BatchEvaluator(TestServices.bundled().withLedger(down), 1, false, d -> d);
        BatchEvaluator.LedgerDownException e = assertThrows(BatchEvaluator.LedgerDownException.class,
                () -> batch.run(new BufferedReader(new StringReader(in.toString())), out, (l, n) -> { }));
        assertEquals(BatchEvaluator.MAX_CONSECUTIVE_LEDGER_FAILURES, e.written());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertTrue(down.attempts.get() < 100, "the batch stopped: " + down.attempts.get());

        // Failures that do not follow each other (a line without a credit code does not touch the ledger) only
        // fail their own lines; the batch goes on and counts them as failures.
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < 3 * BatchEvaluator.MAX_CONSECUTIVE_LEDGER_FAILURES; i++) {
            mixed.append(request("MIXED-" + i, i % 2 == 0)).append('\n');
        }
        BatchEvaluator.Summary s = new BatchEvaluator(TestServices.bundled().withLedger(new DownLedger()), 1, false,
                d -> d).run(new BufferedReader(new StringReader(mixed.toString())), new StringWriter(), (l, n) -> { });
        assertEquals(BatchEvaluator.MAX_CONSECUTIVE_LEDGER_FAILURES * 3 / 2, s.failures());
        assertEquals(BatchEvaluator.MAX_CONSECUTIVE_LEDGER_FAILURES * 3 / 2, s.decided());
    }
}
