package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.ledger.MutableClock;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.ledger.jdbc.LedgerDatabases.Kind;
import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Six months of exports of three processors, across 1 January, decided one by one through the ledger with commits,
 * cancellations and reservations left to expire, and checked at every step against a hand count kept beside it:
 * the totals each decision used and the tier it reached. On H2 and PostgreSQL, under both counting policies.
 */
class LedgerYearTest {
    private static final List<String> PROCESSORS = List.of(LedgerDatabases.creditCode(501),
            LedgerDatabases.creditCode(502), LedgerDatabases.creditCode(503));
    private static final Duration TTL = Duration.ofHours(12);

    @AfterAll
    static void dropSchemas() throws Exception {
        LedgerDatabases.dropAll();
    }

    static Stream<Arguments> databasesAndPolicies() {
        return Stream.of(Kind.values()).flatMap(k -> Stream.of(CountingPolicy.values()).map(p -> Arguments.of(k, p)));
    }

    /** One export in the hand count. */
    private record Entry(String processor, int year, long individuals, long sensitive, boolean basisExempt,
                         Instant expiresAt, String state) {
        boolean counts(Instant now, CountingPolicy policy) {
            boolean active = state.equals("COMMITTED") || state.equals("RESERVED") && expiresAt.isAfter(now);
            return active && (!basisExempt || policy.countsBasisExemptExports());
        }

        Entry with(String newState) {
            return new Entry(processor, year, individuals, sensitive, basisExempt, expiresAt, newState);
        }
    }

    @ParameterizedTest
    @MethodSource("databasesAndPolicies")
    void aYearOfExportsReachesTheTiersOfAHandCount(Kind kind, CountingPolicy policy) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-01T01:00:00Z"));
        Random random = new Random(20261123L + policy.ordinal());
        List<Entry> hand = new ArrayList<>();
        int tiersReached = 0;
        try (JdbcExportLedger ledger = JdbcExportLedger.builder(LedgerDatabases.fresh(kind)).clock(clock)
                .countingPolicy(policy).reservationTtl(TTL).open()) {
            ExportDecisionService service = TestServices.bundled().withLedger(ledger).withEvaluationDateOverride("test: exports dated across the year");
            LocalDate date = LocalDate.of(2026, 10, 1);
            for (int i = 0; i < 240; i++) {
                if (random.nextInt(3) == 0) {
                    date = date.plusDays(1 + random.nextInt(2)); // about six months: October to March
                }
                clock.advance(Duration.ofHours(2));
                Instant now = clock.instant();
                String processor = PROCESSORS.get(random.nextInt(PROCESSORS.size()));
                long individuals = 1_000 + random.nextInt(40_000);
                long sensitive = random.nextInt(10) == 0 ? 1 + random.nextInt(900) : 0;
                Basis basis = random.nextInt(8) == 0 ? Basis.CONTRACT_WITH_INDIVIDUAL : Basis.NONE;
                int year = date.getYear();

                long beforeNs = 0;
                long beforeS = 0;
                for (Entry e : hand) {
                    if (e.processor().equals(processor) && e.year() == year && e.counts(now, policy)) {
                        beforeNs += e.individuals();
                        beforeS += e.sensitive();
                    }
                }
                ExportDecision d = service.evaluate(Requests.export("Y-" + i, processor, date, individuals,
                        sensitive, basis));
                assertEquals(new PersonCounts(beforeNs, beforeS), d.ledger().totalsBefore(), "export " + i);
                Pathway expected = basis == Basis.CONTRACT_WITH_INDIVIDUAL ? Pathway.EXEMPT
                        : Requests.tier(beforeNs + individuals, beforeS + sensitive, sensitive > 0);
                assertEquals(expected, d.pathway(), "export " + i + " with " + beforeNs + "/" + beforeS + " before");
                if (expected != Pathway.EXEMPT && Requests.tier(individuals, sensitive, sensitive > 0) != expected) {
                    tiersReached++; // reached only through earlier exports: the ledger's work
                }

                Entry entry = new Entry(processor, year, individuals, sensitive, basis != Basis.NONE,
                        d.ledger().reservationExpiresAt(), "RESERVED");
                int fate = random.nextInt(10);
                if (fate < 7) {
                    ledger.commit(d.decisionId());
                    entry = entry.with("COMMITTED");
                } else if (fate < 8) {
                    ledger.cancel(d.decisionId());
                    entry = entry.with("CANCELLED");
                } // else left open: counts until it expires 12 hours later
                hand.add(entry);
            }
            // The ledger's totals now, against the hand count, for every processor and both years.
            Instant now = clock.instant();
            for (String processor : PROCESSORS) {
                for (int year : new int[]{2026, 2027}) {
                    long ns = 0;
                    long s = 0;
                    for (Entry e : hand) {
                        if (e.processor().equals(processor) && e.year() == year && e.counts(now, policy)) {
                            ns += e.individuals();
                            s += e.sensitive();
                        }
                    }
                    assertEquals(new PersonCounts(ns, s), ledger.totals(processor, year).counted(),
                            processor + " " + year);
                }
            }
        }
        assertTrue(tiersReached > 10, "the year should reach tiers through earlier exports: " + tiersReached);
    }
}
