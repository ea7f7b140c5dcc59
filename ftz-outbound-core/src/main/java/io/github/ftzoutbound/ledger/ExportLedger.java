package io.github.ftzoutbound.ledger;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The annual export ledger (docs/ledger.md): counts each processor's exports per calendar year so that the tiers
 * of CBDF Arts. 5(1)(4), 7(2) and 8 ("自当年1月1日起累计") are computed, not taken on trust.
 *
 * <p>Two-phase: a decision made with the ledger reserves its persons ({@link #reserve}); {@link #commit} records the
 * export once it happened, {@link #cancel} drops it, and an uncommitted reservation expires after
 * {@link #reservationTtl()}. Reservations count toward the totals until they are cancelled or expire, so two
 * concurrent requests that together cross a tier are never both decided below it.
 *
 * <p>Implementations are thread-safe, and several instances may share one database.
 */
public interface ExportLedger extends AutoCloseable {
    /** Which earlier exports count toward the totals. */
    CountingPolicy countingPolicy();

    /** How long a reservation holds before it expires uncommitted. */
    Duration reservationTtl();

    /** The anti-splitting window, in days either side of an export's date. */
    int splittingWindowDays();

    /**
     * Decides a request under the lock of its processor's year and reserves it, in one transaction: the lock is
     * taken, the totals and the splitting window are read, {@code decide} is called with them, and the reservation
     * it returns is written; nothing is written if {@code decide} throws. An earlier, uncommitted reservation of
     * the same request id is superseded (the request is being decided again).
     *
     * @throws DuplicateExportException the same request id is already committed for this processor and year
     * @throws LedgerException          the database failed
     */
    <D> D reserve(ReservationRequest request, Function<LedgerSnapshot, Reservation<D>> decide);

    /**
     * Records that the reserved export happened. Idempotent: committing a committed export returns it unchanged.
     *
     * @throws UnknownDecisionException  no reservation has this decision id
     * @throws ReservationStateException the reservation expired, was cancelled or was superseded: evaluate again
     */
    LedgerRecord commit(String decisionId);

    /**
     * Drops a reservation: the export will not happen. Idempotent for cancelled, superseded or expired ones.
     *
     * @throws UnknownDecisionException  no reservation has this decision id
     * @throws ReservationStateException the export is already committed
     */
    LedgerRecord cancel(String decisionId);

    /** A processor's totals for one calendar year. */
    YearTotals totals(String creditCode, int year);

    /**
     * Every export of a calendar year, all processors, in the order they were reserved. An auditor's CSV is
     * written from these by the command line ({@code ledger export}); {@link LedgerRecord#statusAt} shows an
     * expired reservation as EXPIRED.
     */
    List<LedgerRecord> records(int year);

    /**
     * Writes the decision records stored with a year's exports, one JSON object per line in the order they were
     * reserved (the same records {@code evaluate --with-request} prints; replayable). Exports without a stored
     * record (imported, or decided before schema version 2) are skipped; returns how many were written.
     */
    long exportDecisionRecords(int year, Writer out) throws IOException;

    /** The clock whose day (in Asia/Shanghai) an export's evaluation date must be, unless overridden. */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /** Releases the ledger's connections. */
    @Override
    void close();
}
