package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A ledger held in memory, in one process: for the scenario suites ({@code ledger:} blocks), for tests of an
 * application that embeds the library, and for a command that decides a batch and forgets it. It counts exactly
 * as the JDBC ledger of the {@code ftz-outbound-ledger} module does: both take their totals, window, supersession,
 * expiry and state transitions from {@link LedgerRules}, and differ only in storage. So the core library needs no
 * database to decide with a ledger. Nothing survives the process: an
 * application whose totals must last a year uses the JDBC ledger.
 *
 * <p>One lock guards the whole ledger; {@code decide} runs under it, as it runs under the processor-year row lock
 * in the JDBC ledger, so two concurrent requests that together cross a tier are never both decided below it.
 */
public final class InMemoryExportLedger extends RulesBackedLedger {
    private final Object lock = new Object();
    /** By decision id, in the order reserved. */
    private final Map<String, LedgerRecord> records = new LinkedHashMap<>();
    /** The decision records stored with their reservations, by decision id (the JDBC ledger's decision_record). */
    private final Map<String, String> decisionRecords = new LinkedHashMap<>();

    private InMemoryExportLedger(LedgerRules rules) {
        super(rules);
    }

    /** Configures an in-memory ledger. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a ledger; the settings and their defaults are the JDBC ledger's ({@link LedgerRules.Builder}). */
    public static final class Builder extends LedgerRules.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public InMemoryExportLedger open() {
            return new InMemoryExportLedger(rules());
        }
    }

    @Override
    public <D> D reserve(ReservationRequest request, Function<LedgerSnapshot, Reservation<D>> decide) {
        LedgerRules.checkCreditCode(request.creditCode());
        int year = request.exportDate().getYear();
        synchronized (lock) {
            Instant now = rules.now();
            List<LedgerRecord> superseded = rules.superseded(records.values().stream()
                    .filter(r -> r.creditCode().equals(request.creditCode()) && r.year() == year
                            && r.requestId().equals(request.requestId())
                            && (r.status() == Status.RESERVED || r.status() == Status.COMMITTED))
                    .toList(), now);
            String supersedes = superseded.isEmpty() ? null : superseded.get(superseded.size() - 1).decisionId();
            // Written only once decide returns: nothing changes if it throws.
            LedgerSnapshot snapshot = rules.snapshot(request, records.values(), superseded, now, supersedes);
            Reservation<D> made = decide.apply(snapshot);
            if (records.containsKey(made.decisionId())) {
                throw new LedgerException("decision id " + made.decisionId() + " is already in the ledger");
            }
            for (LedgerRecord r : superseded) {
                records.put(r.decisionId(), LedgerRules.moved(r, Status.SUPERSEDED, now, made.decisionId()));
            }
            records.put(made.decisionId(), rules.reserved(request, made, snapshot, now));
            if (made.record() != null) {
                decisionRecords.put(made.decisionId(), made.record());
            }
            return made.decision();
        }
    }

    private LedgerRecord find(String decisionId) {
        LedgerRecord r = records.get(decisionId);
        if (r == null) {
            throw new UnknownDecisionException(decisionId);
        }
        return r;
    }

    /** Commits or cancels, as the rules allow; the row unchanged when it is already there. */
    @Override
    protected LedgerRecord move(String decisionId, LedgerRules.Transition asked) {
        synchronized (lock) {
            Instant now = rules.now();
            LedgerRecord r = find(decisionId);
            LedgerRules.Transition t = rules.transition(asked, r, now);
            if (t == LedgerRules.Transition.NONE) {
                return r;
            }
            LedgerRecord moved = LedgerRules.moved(r, LedgerRules.target(t), now, r.supersededBy());
            records.put(decisionId, moved);
            return moved;
        }
    }

    @Override
    public YearTotals totals(String creditCode, int year) {
        LedgerRules.checkCreditCode(creditCode);
        synchronized (lock) {
            return rules.totals(creditCode, year, records.values(), rules.now());
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

    /**
     * Records an export the ledger did not decide (an earlier export of the year, or a test's case), as
     * {@code JdbcExportLedger.importRecord} does: COMMITTED, RESERVED (open until {@code expiresAt}), CANCELLED or
     * EXPIRED. Refused if the decision id exists.
     */
    public LedgerRecord importRecord(String decisionId, String requestId, String creditCode, LocalDate exportDate,
                                     PersonCounts persons, Pathway pathway, boolean basisExempt, Status status,
                                     Instant expiresAt) {
        synchronized (lock) {
            LedgerRecord r = rules.imported(decisionId, requestId, creditCode, exportDate, persons, pathway,
                    basisExempt, status, expiresAt, rules.now());
            if (records.containsKey(decisionId)) {
                throw new LedgerException("decision id " + decisionId + " is already in the ledger");
            }
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
        return "InMemoryExportLedger[" + rules + "]";
    }
}
