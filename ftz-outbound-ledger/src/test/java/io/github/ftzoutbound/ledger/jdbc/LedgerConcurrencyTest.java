package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.YearTotals;
import io.github.ftzoutbound.Requests;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.ledger.jdbc.LedgerDatabases.Kind;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real concurrent transactions on one processor's year, on H2 and on PostgreSQL, through two ledger instances
 * with pools of their own (two service instances sharing one database). The processor-year lock makes the
 * decisions serial: each sees every reservation made before it, so no two requests that cross a tier together
 * are both decided below it, and the tiers are exactly those of a hand count in the order the ledger took them.
 */
class LedgerConcurrencyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 9, 15);

    @AfterAll
    static void dropSchemas() throws Exception {
        LedgerDatabases.dropAll();
    }

    /** Two service instances, each with a ledger (and connection pool) of its own, on one database. */
    private static List<JdbcExportLedger> twoInstances(String url) {
        return List.of(JdbcExportLedger.builder(url).maxConnections(8).open(),
                JdbcExportLedger.builder(url).maxConnections(8).open());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void manyThreadsCrossingBothTiersGetTheHandCountTiers(Kind kind) throws Exception {
        String url = LedgerDatabases.fresh(kind);
        String code = LedgerDatabases.creditCode(201);
        List<JdbcExportLedger> ledgers = twoInstances(url);
        int requests = 150;
        long persons = 7_000; // 150 × 7,000 = 1,050,000: crosses 100,000 and 1,000,000
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ExportDecision>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                JdbcExportLedger ledger = ledgers.get(i % 2);
                ExportDecisionService service = TestServices.bundled().withLedger(ledger).withEvaluationDateOverride("test: exports dated across the year");
                futures.add(pool.submit(() -> {
                    ExportDecision d = service.evaluate(Requests.export("C-" + n, code, DAY, persons, 0));
                    if (n % 3 != 0) {
                        ledger.commit(d.decisionId()); // the rest stay reserved, and count all the same
                    }
                    return d;
                }));
            }
            List<ExportDecision> decisions = new ArrayList<>();
            for (Future<ExportDecision> f : futures) {
                decisions.add(f.get(2, TimeUnit.MINUTES));
            }
            // Serial order as the ledger took them: each decision saw exactly the ones before it.
            decisions.sort(Comparator.comparingLong(d -> d.ledger().totalsBefore().individuals()));
            Map<Pathway, Integer> byPathway = new EnumMap<>(Pathway.class);
            for (int i = 0; i < requests; i++) {
                ExportDecision d = decisions.get(i);
                long before = i * persons;
                assertEquals(before, d.ledger().totalsBefore().individuals(),
                        "decision " + i + " in ledger order must see the " + i + " reserved before it");
                assertEquals(Requests.tier(before + persons, 0), d.pathway(), "decision " + i);
                byPathway.merge(d.pathway(), 1, Integer::sum);
            }
            // Hand count: exempt while the total stays under 100,000 (14 × 7,000 = 98,000), a standard contract
            // from the 15th (105,000) until the total reaches 1,000,000 at the 143rd (1,001,000).
            assertEquals(Map.of(Pathway.EXEMPT, 14, Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, 128,
                    Pathway.SECURITY_ASSESSMENT, 8), byPathway);
            YearTotals totals = ledgers.get(0).totals(code, 2026);
            assertEquals(new PersonCounts(requests * persons, 0), totals.counted());
            assertEquals(100, totals.committedExports());
            assertEquals(50, totals.openReservations());
        } finally {
            pool.shutdownNow();
            ledgers.forEach(JdbcExportLedger::close);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoRequestsStartedTogetherThatCrossTheBandTogetherAreNeverBothExempt(Kind kind) throws Exception {
        String url = LedgerDatabases.fresh(kind);
        List<JdbcExportLedger> ledgers = twoInstances(url);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String code = LedgerDatabases.creditCode(300 + round);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ExportDecision>> pair = new ArrayList<>();
                for (int side = 0; side < 2; side++) {
                    ExportDecisionService service = TestServices.bundled().withLedger(ledgers.get(side)).withEvaluationDateOverride("test: exports dated across the year");
                    String id = "PAIR-" + round + "-" + side;
                    pair.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return service.evaluate(Requests.export(id, code, DAY, 60_000, 0));
                    }));
                }
                ExportDecision a = pair.get(0).get(1, TimeUnit.MINUTES);
                ExportDecision b = pair.get(1).get(1, TimeUnit.MINUTES);
                List<Pathway> pathways = List.of(a.pathway(), b.pathway());
                assertTrue(pathways.contains(Pathway.EXEMPT) && pathways.contains(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION),
                        "round " + round + ": 60,000 + 60,000 cross 100,000, so exactly one is exempt: " + pathways);
                assertEquals(60_000, Math.max(a.ledger().totalsBefore().individuals(),
                        b.ledger().totalsBefore().individuals()), "round " + round);
            }
        } finally {
            pool.shutdownNow();
            ledgers.forEach(JdbcExportLedger::close);
        }
    }
}
