package io.github.ftzoutbound.ledger;

/**
 * A reservation cannot move to the state asked for: committing one that expired, was cancelled or was superseded
 * by a new evaluation of the same request; cancelling one already committed (an export that happened stays
 * counted).
 */
public class ReservationStateException extends LedgerException {
    private final LedgerRecord record;

    public ReservationStateException(LedgerRecord record, String message) {
        super(message);
        this.record = record;
    }

    /** The reservation as the ledger holds it. */
    public LedgerRecord record() {
        return record;
    }
}
