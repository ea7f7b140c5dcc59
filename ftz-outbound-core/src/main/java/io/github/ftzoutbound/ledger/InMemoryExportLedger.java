package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A ledger held in memory, in one process: for the scenario suites ({@code ledger:} blocks), for tests of an
 * application that embeds the library, and for a command that decides a batch and forgets it. It counts exactly
 * as the JDBC ledger of the {@code ftz-outbound-ledger} module does (same totals, window, supersession, expiry and
 * records), so that the core library needs no database to decide with a ledger. Nothing survives the process: an
 * application whose totals must last a year uses the JDBC ledger.
 *
 * <p>One lock guards the whole ledger; {@code decide} runs under it, as it runs under the processor-year row lock
 * in the JDBC ledger, so two concurrent requests that together cross a tier are never both decided below it.
 */
public final class InMemoryExportLedger implements ExportLedger {
    private final CountingPolicy policy;
    private final Duration ttl;
    private final int windowDays;
    private final Clock clock;
    private final Object lock = new Object();
    /** By decision id, in the order reserved. */
    private final Map<String, LedgerRecord> records = new LinkedHashMap<>();
    /** The decision records stored with their reservations, by decision id (the JDBC ledger's decision_record). */
    private final Map<String, String> decisionRecords = new LinkedHashMap<>();

    private InMemoryExportLedger(Builder b) {
        this.policy = b.policy;
        this.ttl = b.ttl;
        this.windowDays = b.windowDays;
        this.clock = b.clock;
    }

    /** Configures an in-memory ledger. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a ledger; the defaults are the JDBC ledger's. */
    public static final class Builder {
        private CountingPolicy policy = CountingPolicy.COUNT_ALL;
        private Duration ttl = Duration.ofHours(24);
        private int windowDays = 30;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Which earlier exports count (default {@link CountingPolicy#COUNT_ALL}, the strict side). */
        public Builder countingPolicy(CountingPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /** How long an uncommitted reservation holds (default 24 hours). */
        public Builder reservationTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("the reservation time must be positive, not " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** The anti-splitting window in days either side of an export (default 30). */
        public Builder splittingWindowDays(int days) {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("the splitting window is 1 to 366 days, not " + days);
            }
            this.windowDays = days;
            return this;
        }

        /** The clock that stamps reservations and decides their expiry (default: system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public InMemoryExportLedger open() {
            return new InMemoryExportLedger(this);
        }
    }

    @Override
    public CountingPolicy countingPolicy() {
        return policy;
    }

    @Override
    public Duration reservationTtl() {
        return ttl;
    }

    @Override
    public int splittingWindowDays() {
        return windowDays;
    }

    private Instant now() {
        return clock.instant();
    }

    private static void checkCreditCode(String creditCode) {
        String problem = CreditCode.problem(creditCode);
        if (problem != null) {
            throw new IllegalArgumentException("creditCode " + problem);
        }
    }

    private boolean counts(LedgerRecord r) {
        return !r.basisExempt() || policy.countsBasisExemptExports();
    }

    @Override
    public <D> D reserve(ReservationRequest request, Function<LedgerSnapshot, Reservation<D>> decide) {
        checkCreditCode(request.creditCode());
        int year = request.exportDate().getYear();
        synchronized (lock) {
            Instant now = now();
            // The same request id: committed means already exported; an open reservation is superseded.
            String supersedes = null;
            List<LedgerRecord> same = records.values().stream()
                    .filter(r -> r.creditCode().equals(request.creditCode()) && r.year() == year
                            && r.requestId().equals(request.requestId())
                            && (r.status() == Status.RESERVED || r.status() == Status.COMMITTED))
                    .toList();
            for (LedgerRecord r : same) {
                if (r.status() == Status.COMMITTED) {
                    throw new DuplicateExportException(r);
                }
            }
            List<LedgerRecord> superseded = new ArrayList<>();
            for (LedgerRecord r : same) {
                if (r.statusAt(now) == Status.RESERVED) {
                    superseded.add(r);
                    supersedes = r.decisionId();
                }
            }
            // Written only once decide returns: nothing changes if it throws.
            PersonCounts counted = PersonCounts.ZERO;
            PersonCounts left = PersonCounts.ZERO;
            long wExports = 0, wInd = 0, wSens = 0, wMaxInd = 0, wMaxSens = 0;
            LocalDate from = request.exportDate().minusDays(windowDays);
            LocalDate to = request.exportDate().plusDays(windowDays);
            for (LedgerRecord r : records.values()) {
                if (!r.creditCode().equals(request.creditCode()) || !r.activeAt(now) || superseded.contains(r)) {
                    continue;
                }
                if (r.year() == year) {
                    if (counts(r)) {
                        counted = counted.plus(r.persons());
                    } else {
                        left = left.plus(r.persons());
                    }
                }
                if (counts(r) && r.exportDate().isAfter(from) && r.exportDate().isBefore(to)) {
                    wExports++;
                    wInd += r.persons().individuals();
                    wSens += r.persons().sensitiveIndividuals();
                    wMaxInd = Math.max(wMaxInd, r.persons().individuals());
                    wMaxSens = Math.max(wMaxSens, r.persons().sensitiveIndividuals());
                }
            }
            LedgerSnapshot snapshot = new LedgerSnapshot(request.creditCode(), policy, year, counted, left,
                    new LedgerSnapshot.Window(windowDays, wExports, wInd, wSens, wMaxInd, wMaxSens),
                    now.plus(ttl), supersedes, request.evaluationDateOverride());
            Reservation<D> made = decide.apply(snapshot);
            if (records.containsKey(made.decisionId())) {
                throw new LedgerException("decision id " + made.decisionId() + " is already in the ledger");
            }
            for (LedgerRecord r : superseded) {
                records.put(r.decisionId(), with(r, Status.SUPERSEDED, r.committedAt(), now,
                        made.decisionId()));
            }
            records.put(made.decisionId(), new LedgerRecord(made.decisionId(), request.requestId(),
                    request.creditCode(), year, request.exportDate(), request.persons(), made.pathway(),
                    made.basisExempt(), Status.RESERVED, now, snapshot.reservationExpiresAt(), null, null, policy,
                    counted, null, request.evaluationDateOverride(), made.record() != null));
            if (made.record() != null) {
                decisionRecords.put(made.decisionId(), made.record());
            }
            return made.decision();
        }
    }

    private static LedgerRecord with(LedgerRecord r, Status status, Instant committedAt, Instant cancelledAt,
                                     String supersededBy) {
        return new LedgerRecord(r.decisionId(), r.requestId(), r.creditCode(), r.year(), r.exportDate(),
                r.persons(), r.pathway(), r.basisExempt(), status, r.reservedAt(), r.expiresAt(), committedAt,
                cancelledAt, r.policy(), r.totalsBefore(), supersededBy, r.evaluationDateOverride(),
                r.hasDecisionRecord());
    }

    private LedgerRecord find(String decisionId) {
        LedgerRecord r = records.get(decisionId);
        if (r == null) {
            throw new UnknownDecisionException(decisionId);
        }
        return r;
    }

    @Override
    public LedgerRecord commit(String decisionId) {
        synchronized (lock) {
            Instant now = now();
            LedgerRecord r = find(decisionId);
            switch (r.statusAt(now)) {
                case COMMITTED:
                    return r;
                case RESERVED:
                    LedgerRecord committed = with(r, Status.COMMITTED, now, null, r.supersededBy());
                    records.put(decisionId, committed);
                    return committed;
                case EXPIRED:
                    throw new ReservationStateException(r, "the reservation of decision " + decisionId
                            + " expired at " + r.expiresAt() + " and no longer counted: evaluate the request again,"
                            + " then commit the new decision");
                default:
                    throw new ReservationStateException(r, "decision " + decisionId + " was "
                            + r.status().name().toLowerCase() + (r.supersededBy() != null
                            ? " by decision " + r.supersededBy() : "") + "; it cannot be committed");
            }
        }
    }

    @Override
    public LedgerRecord cancel(String decisionId) {
        synchronized (lock) {
            Instant now = now();
            LedgerRecord r = find(decisionId);
            if (r.status() == Status.COMMITTED) {
                throw new ReservationStateException(r, "decision " + decisionId + " is committed: an export that "
                        + "happened stays counted");
            }
            if (r.status() == Status.RESERVED) {
                LedgerRecord cancelled = with(r, Status.CANCELLED, null, now, r.supersededBy());
                records.put(decisionId, cancelled);
                return cancelled;
            }
            return r;
        }
    }

    @Override
    public YearTotals totals(String creditCode, int year) {
        checkCreditCode(creditCode);
        synchronized (lock) {
            Instant now = now();
            PersonCounts counted = PersonCounts.ZERO;
            PersonCounts committed = PersonCounts.ZERO;
            PersonCounts reserved = PersonCounts.ZERO;
            PersonCounts exempt = PersonCounts.ZERO;
            long committedExports = 0;
            long open = 0;
            for (LedgerRecord r : records.values()) {
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
                if (counts(r)) {
                    counted = counted.plus(r.persons());
                }
            }
            return new YearTotals(creditCode, year, policy, counted, committed, reserved, exempt, committedExports,
                    open);
        }
    }

    @Override
    public List<LedgerRecord> records(int year) {
        synchronized (lock) {
            return records.values().stream().filter(r -> r.year() == year)
                    .sorted(Comparator.comparing(LedgerRecord::reservedAt).thenComparing(LedgerRecord::decisionId))
                    .toList();
        }
    }

    @Override
    public long exportDecisionRecords(int year, Writer out) throws IOException {
        long n = 0;
        for (LedgerRecord r : records(year)) {
            String record;
            synchronized (lock) {
                record = decisionRecords.get(r.decisionId());
            }
            if (record != null) {
                out.write(record);
                out.write('\n');
                n++;
            }
        }
        out.flush();
        return n;
    }

    /** The decision record stored with a decision's reservation, if it has one. */
    public Optional<String> decisionRecord(String decisionId) {
        synchronized (lock) {
            return Optional.ofNullable(decisionRecords.get(decisionId));
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /**
     * Records an export the ledger did not decide (an earlier export of the year, or a test's case), as
     * {@code JdbcExportLedger.importRecord} does: COMMITTED, RESERVED (open until {@code expiresAt}), CANCELLED or
     * EXPIRED. Refused if the decision id exists.
     */
    public LedgerRecord importRecord(String decisionId, String requestId, String creditCode, LocalDate exportDate,
                                     PersonCounts persons, Pathway pathway, boolean basisExempt, Status status,
                                     Instant expiresAt) {
        checkCreditCode(creditCode);
        if (status == Status.SUPERSEDED) {
            throw new IllegalArgumentException("a superseded export is not imported");
        }
        synchronized (lock) {
            Instant now = now();
            Instant expiry = switch (status) {
                case RESERVED -> Objects.requireNonNull(expiresAt, "a reservation needs its expiry");
                case EXPIRED -> expiresAt != null ? expiresAt : now.minusSeconds(1);
                default -> expiresAt != null ? expiresAt : now;
            };
            if (records.containsKey(decisionId)) {
                throw new LedgerException("decision id " + decisionId + " is already in the ledger");
            }
            Status stored = status == Status.EXPIRED ? Status.RESERVED : status;
            LedgerRecord r = new LedgerRecord(decisionId, requestId, creditCode, exportDate.getYear(), exportDate,
                    persons, pathway, basisExempt, stored, now, expiry, stored == Status.COMMITTED ? now : null,
                    stored == Status.CANCELLED ? now : null, policy, PersonCounts.ZERO, null, null, false);
            records.put(decisionId, r);
            return r;
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "InMemoryExportLedger[" + policy + ", ttl " + ttl + ", window " + windowDays + " days]";
    }
}
