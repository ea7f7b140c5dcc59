package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a ledger decides, whatever stores it: the settings and their checks, which earlier exports count, the
 * anti-splitting window, when a reservation expires, which state a reservation may move to, and what a new or
 * imported row holds. {@link InMemoryExportLedger} and the JDBC ledger ({@code ftz-outbound-ledger}) both delegate
 * here, so that they differ only in how they store and lock rows, and cannot drift apart in what they count.
 *
 * <p>Immutable; made by a store's builder (a subclass of {@link Builder}).
 */
public final class LedgerRules {
    private final CountingPolicy policy;
    private final Duration ttl;
    private final int windowDays;
    private final Clock clock;

    private LedgerRules(Builder<?> b) {
        this.policy = b.policy;
        this.ttl = b.ttl;
        this.windowDays = b.windowDays;
        this.clock = b.clock;
    }

    /**
     * The settings every ledger takes, checked once here; a store's builder extends it with its own (a JDBC URL, a
     * pool size). The defaults are the strict side: count everything, 24-hour reservations, a 30-day window.
     */
    public abstract static class Builder<B extends Builder<B>> {
        private CountingPolicy policy = CountingPolicy.COUNT_ALL;
        private Duration ttl = Duration.ofHours(24);
        private int windowDays = 30;
        private Clock clock = Clock.systemUTC();

        protected Builder() {
        }

        /** This builder, typed as the store's builder so that its own setters chain. */
        protected abstract B self();

        /** Which earlier exports count (default {@link CountingPolicy#COUNT_ALL}, the strict side). */
        public B countingPolicy(CountingPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return self();
        }

        /** How long an uncommitted reservation holds (default 24 hours). */
        public B reservationTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("the reservation time must be positive, not " + ttl);
            }
            this.ttl = ttl;
            return self();
        }

        /** The anti-splitting window in days either side of an export (default 30). */
        public B splittingWindowDays(int days) {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("the splitting window is 1 to 366 days, not " + days);
            }
            this.windowDays = days;
            return self();
        }

        /** The clock that stamps reservations and decides their expiry (default: system clock, UTC). */
        public B clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return self();
        }

        /** The rules these settings make, for the store being opened. */
        protected LedgerRules rules() {
            return new LedgerRules(this);
        }
    }

    public CountingPolicy policy() {
        return policy;
    }

    public Duration reservationTtl() {
        return ttl;
    }

    public int splittingWindowDays() {
        return windowDays;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Now, to the microsecond: what both databases store, so that a decision shows the expiry the ledger holds
     * (and the in-memory ledger stamps the same instants as a database would).
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Refuses a malformed unified social credit code before anything is read or written. */
    public static void checkCreditCode(String creditCode) {
        String problem = CreditCode.problem(creditCode);
        if (problem != null) {
            throw new IllegalArgumentException("creditCode " + problem);
        }
    }

    /** Whether an export exempt by its basis (or not) counts toward the totals under the policy. */
    public boolean counts(boolean basisExempt) {
        return !basisExempt || policy.countsBasisExemptExports();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reserving

    /**
     * The rows of the same request (same processor, year and request id) a new evaluation replaces. A committed
     * one means the export already happened: refused, or its persons would count twice. Open (unexpired)
     * reservations are superseded by the new decision, so that the request counts once.
     *
     * @param sameRequest the request's RESERVED or COMMITTED rows
     * @throws DuplicateExportException one of them is committed
     */
    public List<LedgerRecord> superseded(List<LedgerRecord> sameRequest, Instant now) {
        List<LedgerRecord> open = new ArrayList<>();
        for (LedgerRecord r : sameRequest) {
            if (r.status() == Status.COMMITTED) {
                throw new DuplicateExportException(r);
            }
        }
        for (LedgerRecord r : sameRequest) {
            if (r.statusAt(now) == Status.RESERVED) {
                open.add(r);
            }
        }
        return open;
    }

    /** The day before an export's window opens: the window holds the dates strictly after it. */
    public LocalDate windowAfter(LocalDate exportDate) {
        return exportDate.minusDays(windowDays);
    }

    /** The day after an export's window closes: the window holds the dates strictly before it. */
    public LocalDate windowBefore(LocalDate exportDate) {
        return exportDate.plusDays(windowDays);
    }

    /** Sums of persons for a snapshot or the year's totals, split as the policy counts them. */
    public final class Tally {
        private PersonCounts counted = PersonCounts.ZERO;
        private PersonCounts notCounted = PersonCounts.ZERO;
        private long windowExports;
        private long windowIndividuals;
        private long windowSensitive;
        private long windowLargestIndividuals;
        private long windowLargestSensitive;

        private Tally() {
        }

        /** Persons of active exports of the processor-year (or their sum), counted or left out by the policy. */
        public Tally year(boolean basisExempt, PersonCounts persons) {
            if (counts(basisExempt)) {
                counted = counted.plus(persons);
            } else {
                notCounted = notCounted.plus(persons);
            }
            return this;
        }

        /** An active export of the processor dated within the window, if the policy counts it. */
        public Tally window(boolean basisExempt, PersonCounts persons) {
            if (counts(basisExempt)) {
                windowExports++;
                windowIndividuals += persons.individuals();
                windowSensitive += persons.sensitiveIndividuals();
                windowLargestIndividuals = Math.max(windowLargestIndividuals, persons.individuals());
                windowLargestSensitive = Math.max(windowLargestSensitive, persons.sensitiveIndividuals());
            }
            return this;
        }

        /** The processor's active exports dated within the window, as a database sums them. */
        public Tally window(LedgerSnapshot.Window sums) {
            windowExports = sums.exports();
            windowIndividuals = sums.individuals();
            windowSensitive = sums.sensitiveIndividuals();
            windowLargestIndividuals = sums.largestIndividuals();
            windowLargestSensitive = sums.largestSensitiveIndividuals();
            return this;
        }

        /** What the decision of {@code request} is made with, its reservation expiring one TTL from now. */
        public LedgerSnapshot snapshot(ReservationRequest request, Instant now, String supersedes) {
            return new LedgerSnapshot(request.creditCode(), policy, request.exportDate().getYear(), counted,
                    notCounted, new LedgerSnapshot.Window(windowDays, windowExports, windowIndividuals,
                    windowSensitive, windowLargestIndividuals, windowLargestSensitive), now.plus(ttl), supersedes,
                    request.evaluationDateOverride());
        }
    }

    /** An empty tally. */
    public Tally tally() {
        return new Tally();
    }

    /**
     * Counts a processor-year's rows into a snapshot as the in-memory store does; the JDBC store sums the same in
     * SQL into a {@link Tally}. Rows of other processors and the {@code superseded} ones are skipped.
     */
    public LedgerSnapshot snapshot(ReservationRequest request, Iterable<LedgerRecord> rows,
                                   List<LedgerRecord> superseded, Instant now, String supersedes) {
        Tally tally = tally();
        int year = request.exportDate().getYear();
        LocalDate after = windowAfter(request.exportDate());
        LocalDate before = windowBefore(request.exportDate());
        for (LedgerRecord r : rows) {
            if (!r.creditCode().equals(request.creditCode()) || !r.activeAt(now) || superseded.contains(r)) {
                continue;
            }
            if (r.year() == year) {
                tally.year(r.basisExempt(), r.persons());
            }
            if (r.exportDate().isAfter(after) && r.exportDate().isBefore(before)) {
                tally.window(r.basisExempt(), r.persons());
            }
        }
        return tally.snapshot(request, now, supersedes);
    }

    /** The row a decision reserves: RESERVED until the snapshot's expiry, with the totals it was made with. */
    public LedgerRecord reserved(ReservationRequest request, Reservation<?> made, LedgerSnapshot snapshot,
                                 Instant now) {
        return new LedgerRecord(made.decisionId(), request.requestId(), request.creditCode(),
                request.exportDate().getYear(), request.exportDate(), request.persons(), made.pathway(),
                made.basisExempt(), Status.RESERVED, now, snapshot.reservationExpiresAt(), null, null, policy,
                snapshot.totalsBefore(), null, request.evaluationDateOverride(), made.record() != null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Commit and cancel

    /** What a commit or cancel does to a row. */
    public enum Transition {
        /** Nothing: the row is already where it was asked to go (both are idempotent). */
        NONE,
        /** The reservation becomes COMMITTED, stamped now. */
        COMMIT,
        /** The reservation becomes CANCELLED, stamped now. */
        CANCEL
    }

    /**
     * Committing: a committed export stays as it is, an open reservation is committed.
     *
     * @throws ReservationStateException the reservation expired, was cancelled or was superseded
     */
    public Transition commit(LedgerRecord r, Instant now) {
        return switch (r.statusAt(now)) {
            case COMMITTED -> Transition.NONE;
            case RESERVED -> Transition.COMMIT;
            case EXPIRED -> throw new ReservationStateException(r, "the reservation of decision " + r.decisionId()
                    + " expired at " + r.expiresAt() + " and no longer counted: evaluate the request again,"
                    + " then commit the new decision");
            default -> throw new ReservationStateException(r, "decision " + r.decisionId() + " was "
                    + r.status().name().toLowerCase() + (r.supersededBy() != null
                    ? " by decision " + r.supersededBy() : "") + "; it cannot be committed");
        };
    }

    /**
     * Cancelling: a reservation (even one past its expiry, so that the row says why it stopped counting) is
     * cancelled; a cancelled or superseded one stays as it is.
     *
     * @throws ReservationStateException the export is committed: an export that happened stays counted
     */
    public Transition cancel(LedgerRecord r) {
        return switch (r.status()) {
            case COMMITTED -> throw new ReservationStateException(r, "decision " + r.decisionId()
                    + " is committed: an export that happened stays counted");
            case RESERVED -> Transition.CANCEL;
            default -> Transition.NONE;
        };
    }

    /**
     * What a commit ({@code asked} COMMIT) or a cancel (CANCEL) does to a row now: {@code asked}, or NONE.
     *
     * @throws ReservationStateException the row cannot move so
     */
    public Transition transition(Transition asked, LedgerRecord r, Instant now) {
        return switch (asked) {
            case COMMIT -> commit(r, now);
            case CANCEL -> cancel(r);
            case NONE -> Transition.NONE;
        };
    }

    /** The state a transition moves a row to. */
    public static Status target(Transition t) {
        return switch (t) {
            case COMMIT -> Status.COMMITTED;
            case CANCEL -> Status.CANCELLED;
            case NONE -> throw new IllegalArgumentException("no target state");
        };
    }

    /** A row after a transition (or a supersession) made now. */
    public static LedgerRecord moved(LedgerRecord r, Status status, Instant now, String supersededBy) {
        return new LedgerRecord(r.decisionId(), r.requestId(), r.creditCode(), r.year(), r.exportDate(),
                r.persons(), r.pathway(), r.basisExempt(), status, r.reservedAt(), r.expiresAt(),
                status == Status.COMMITTED ? now : r.committedAt(),
                status == Status.CANCELLED || status == Status.SUPERSEDED ? now : r.cancelledAt(), r.policy(),
                r.totalsBefore(), supersededBy, r.evaluationDateOverride(), r.hasDecisionRecord());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Totals

    /** A processor's totals for a year from its rows of that year, at {@code now}. */
    public YearTotals totals(String creditCode, int year, Iterable<LedgerRecord> rows, Instant now) {
        PersonCounts counted = PersonCounts.ZERO;
        PersonCounts committed = PersonCounts.ZERO;
        PersonCounts reserved = PersonCounts.ZERO;
        PersonCounts exempt = PersonCounts.ZERO;
        long committedExports = 0;
        long open = 0;
        for (LedgerRecord r : rows) {
            if (!r.creditCode().equals(creditCode) || r.year() != year) {
                continue;
            }
            Status s = r.statusAt(now);
            if (s == Status.COMMITTED) {
                committed = committed.plus(r.persons());
                committedExports++;
            } else if (s == Status.RESERVED) {
                reserved = reserved.plus(r.persons());
                open++;
            } else {
                continue;
            }
            if (r.basisExempt()) {
                exempt = exempt.plus(r.persons());
            }
            if (counts(r.basisExempt())) {
                counted = counted.plus(r.persons());
            }
        }
        return new YearTotals(creditCode, year, policy, counted, committed, reserved, exempt, committedExports, open);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Importing

    /**
     * The row for an export the ledger did not decide (made before the ledger was in use, or a test's case):
     * COMMITTED (the usual case), RESERVED (open until {@code expiresAt}), CANCELLED or EXPIRED (a reservation
     * that lapsed, stored RESERVED with an expiry in the past). Its totals before are zeros: no decision used them.
     *
     * @throws IllegalArgumentException a malformed credit code, or SUPERSEDED (only a new decision supersedes)
     */
    public LedgerRecord imported(String decisionId, String requestId, String creditCode, LocalDate exportDate,
                                 PersonCounts persons, Pathway pathway, boolean basisExempt, Status status,
                                 Instant expiresAt, Instant now) {
        checkCreditCode(creditCode);
        if (status == Status.SUPERSEDED) {
            throw new IllegalArgumentException("a superseded export is not imported");
        }
        Instant expiry = switch (status) {
            case RESERVED -> Objects.requireNonNull(expiresAt, "a reservation needs its expiry");
            case EXPIRED -> expiresAt != null ? expiresAt : now.minusSeconds(1);
            default -> expiresAt != null ? expiresAt : now;
        };
        Status stored = status == Status.EXPIRED ? Status.RESERVED : status;
        return new LedgerRecord(decisionId, requestId, creditCode, exportDate.getYear(), exportDate, persons,
                pathway, basisExempt, stored, now, expiry, stored == Status.COMMITTED ? now : null,
                stored == Status.CANCELLED ? now : null, policy, PersonCounts.ZERO, null, null, false);
    }

    @Override
    public String toString() {
        return policy + ", ttl " + ttl + ", window " + windowDays + " days";
    }
}
