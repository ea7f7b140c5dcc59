package io.github.ftzoutbound.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A ledger whose settings are its {@link LedgerRules}: the in-memory ledger and the JDBC ledger of
 * {@code ftz-outbound-ledger}. The settings a caller reads back, and commit and cancel as one transition each, are
 * stated here once, so the two stores cannot report settings other than the ones they count with; each store
 * says only how it stores and locks a row ({@link #move}).
 */
public abstract class RulesBackedLedger implements ExportLedger {
    /** How this ledger decides: what counts, the window, expiry, the clock. */
    protected final LedgerRules rules;

    protected RulesBackedLedger(LedgerRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    @Override
    public final CountingPolicy countingPolicy() {
        return rules.policy();
    }

    @Override
    public final Duration reservationTtl() {
        return rules.reservationTtl();
    }

    @Override
    public final int splittingWindowDays() {
        return rules.splittingWindowDays();
    }

    /** The rules' clock: reservations are stamped, and evaluation dates checked, against the same time. */
    @Override
    public final Clock clock() {
        return rules.clock();
    }

    @Override
    public final LedgerRecord commit(String decisionId) {
        return move(decisionId, LedgerRules.Transition.COMMIT);
    }

    @Override
    public final LedgerRecord cancel(String decisionId) {
        return move(decisionId, LedgerRules.Transition.CANCEL);
    }

    /**
     * Commits or cancels ({@code asked}) a decision's row under the store's lock, as {@link LedgerRules#transition}
     * allows; the row unchanged when it is already where it was asked to go.
     *
     * @throws UnknownDecisionException  no reservation has this decision id
     * @throws ReservationStateException the row cannot move so
     */
    protected abstract LedgerRecord move(String decisionId, LedgerRules.Transition asked);
}
