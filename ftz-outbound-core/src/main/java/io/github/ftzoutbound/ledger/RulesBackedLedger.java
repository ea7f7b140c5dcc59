package io.github.ftzoutbound.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A ledger whose settings are its {@link LedgerRules}: the in-memory ledger and the JDBC ledger of
 * {@code ftz-outbound-ledger}. The settings a caller reads back are stated here once, so the two stores cannot
 * report settings other than the ones they count with.
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
}
