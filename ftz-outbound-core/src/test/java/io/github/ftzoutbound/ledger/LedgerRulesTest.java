package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules both ledger stores share (the JDBC ledger's tests run them on H2 and PostgreSQL; the scenario suites
 * on the in-memory ledger): settings checked on both sides of their bounds, the window's exclusive bounds, the
 * state transitions and the import of earlier exports.
 */
class LedgerRulesTest {
    private static final String CODE = "91320594MA1WLEDG0T";
    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    private static LedgerRecord row(String id, Status status, Instant expiresAt, boolean basisExempt) {
        return new LedgerRecord(id, "R-" + id, CODE, 2026, LocalDate.of(2026, 11, 23), new PersonCounts(10, 1),
                Pathway.EXEMPT, basisExempt, status, T, expiresAt, null, null, CountingPolicy.COUNT_ALL,
                PersonCounts.ZERO, null, null, false);
    }

    @Test
    void settingsAreCheckedOnBothSidesOfTheirBounds() {
        InMemoryExportLedger.Builder b = InMemoryExportLedger.builder();
        assertThrows(IllegalArgumentException.class, () -> b.splittingWindowDays(0));
        assertEquals(1, b.splittingWindowDays(1).open().splittingWindowDays());
        assertEquals(366, b.splittingWindowDays(366).open().splittingWindowDays());
        assertThrows(IllegalArgumentException.class, () -> b.splittingWindowDays(367));
        assertThrows(IllegalArgumentException.class, () -> b.reservationTtl(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.reservationTtl(Duration.ofSeconds(-1)));
        assertEquals(Duration.ofSeconds(1), b.reservationTtl(Duration.ofSeconds(1)).open().reservationTtl());
        try (InMemoryExportLedger defaults = InMemoryExportLedger.builder().open()) {
            assertEquals(CountingPolicy.COUNT_ALL, defaults.countingPolicy());
            assertEquals(Duration.ofHours(24), defaults.reservationTtl());
            assertEquals(30, defaults.splittingWindowDays());
        }
    }

    @Test
    void theWindowHoldsTheDaysStrictlyWithinItsDaysEitherSide() {
        LedgerRules rules = InMemoryExportLedger.builder().splittingWindowDays(30).rules();
        LocalDate d = LocalDate.of(2026, 11, 23);
        ReservationRequest request = new ReservationRequest(CODE, d, "NEW", new PersonCounts(1, 0));
        for (int offset : new int[]{-30, -29, 29, 30}) {
            LedgerRecord other = new LedgerRecord("o" + offset, "O", CODE, d.plusDays(offset).getYear(),
                    d.plusDays(offset), new PersonCounts(7, 0), Pathway.EXEMPT, false, Status.COMMITTED, T, T, T,
                    null, CountingPolicy.COUNT_ALL, PersonCounts.ZERO, null, null, false);
            long expected = Math.abs(offset) < 30 ? 1 : 0;
            assertEquals(expected, rules.snapshot(request, List.of(other), List.of(), T, null).window().exports(),
                    "an export " + offset + " days away");
        }
    }

    @Test
    void commitAndCancelMoveOnlyOpenReservations() {
        LedgerRules rules = InMemoryExportLedger.builder().rules();
        LedgerRecord open = row("a", Status.RESERVED, T.plusSeconds(1), false);
        assertEquals(LedgerRules.Transition.COMMIT, rules.commit(open, T));
        // At the expiry instant the reservation no longer counts: committing it is refused.
        assertThrows(ReservationStateException.class, () -> rules.commit(open, T.plusSeconds(1)));
        assertEquals(LedgerRules.Transition.NONE, rules.commit(row("b", Status.COMMITTED, T, false), T));
        assertThrows(ReservationStateException.class, () -> rules.commit(row("c", Status.CANCELLED, T, false), T));
        assertEquals(LedgerRules.Transition.CANCEL, rules.cancel(open));
        assertEquals(LedgerRules.Transition.NONE, rules.cancel(row("d", Status.SUPERSEDED, T, false)));
        assertThrows(ReservationStateException.class, () -> rules.cancel(row("e", Status.COMMITTED, T, false)));
        LedgerRecord committed = LedgerRules.moved(open, Status.COMMITTED, T, null);
        assertEquals(T, committed.committedAt());
        assertEquals(null, committed.cancelledAt());
    }

    @Test
    void aCommittedRequestIsADuplicateAndOpenOnesAreSuperseded() {
        LedgerRules rules = InMemoryExportLedger.builder().rules();
        LedgerRecord open = row("a", Status.RESERVED, T.plusSeconds(60), false);
        LedgerRecord lapsed = row("b", Status.RESERVED, T, false);
        assertEquals(List.of(open), rules.superseded(List.of(open, lapsed), T));
        assertThrows(DuplicateExportException.class,
                () -> rules.superseded(List.of(open, row("c", Status.COMMITTED, T, false)), T));
    }

    @Test
    void exemptExportsAreLeftOutOnlyUnderCountNonExempt() {
        List<LedgerRecord> rows = List.of(row("a", Status.COMMITTED, T, true), row("b", Status.COMMITTED, T, false));
        YearTotals all = InMemoryExportLedger.builder().rules().totals(CODE, 2026, rows, T);
        assertEquals(new PersonCounts(20, 2), all.counted());
        YearTotals nonExempt = InMemoryExportLedger.builder().countingPolicy(CountingPolicy.COUNT_NON_EXEMPT)
                .rules().totals(CODE, 2026, rows, T);
        assertEquals(new PersonCounts(10, 1), nonExempt.counted());
        assertEquals(new PersonCounts(10, 1), nonExempt.basisExempt());
        assertEquals(2, nonExempt.committedExports());
    }

    @Test
    void anImportedExportIsStoredAsTheLedgerWouldHoldIt() {
        LedgerRules rules = InMemoryExportLedger.builder().rules();
        LedgerRecord expired = rules.imported("i", "R", CODE, LocalDate.of(2026, 3, 1), new PersonCounts(5, 0),
                Pathway.EXEMPT, false, Status.EXPIRED, null, T);
        assertEquals(Status.RESERVED, expired.status());
        assertEquals(Status.EXPIRED, expired.statusAt(T));
        assertTrue(expired.expiresAt().isBefore(T));
        assertThrows(IllegalArgumentException.class, () -> rules.imported("s", "R", CODE, LocalDate.of(2026, 3, 1),
                PersonCounts.ZERO, Pathway.EXEMPT, false, Status.SUPERSEDED, null, T));
        assertThrows(IllegalArgumentException.class, () -> rules.imported("x", "R", "not-a-code",
                LocalDate.of(2026, 3, 1), PersonCounts.ZERO, Pathway.EXEMPT, false, Status.COMMITTED, null, T));
        assertThrows(NullPointerException.class, () -> rules.imported("r", "R", CODE, LocalDate.of(2026, 3, 1),
                PersonCounts.ZERO, Pathway.EXEMPT, false, Status.RESERVED, null, T));
    }
}
