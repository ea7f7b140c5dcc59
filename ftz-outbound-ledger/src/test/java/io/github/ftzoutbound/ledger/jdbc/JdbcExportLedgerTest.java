package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.ExportLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.ledger.Reservation;
import io.github.ftzoutbound.ledger.ReservationRequest;
import io.github.ftzoutbound.ledger.ReservationStateException;
import io.github.ftzoutbound.ledger.UnknownDecisionException;
import io.github.ftzoutbound.ledger.YearTotals;
import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.ledger.MutableClock;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.ledger.jdbc.LedgerDatabases.Kind;
import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's bookkeeping on H2 and on PostgreSQL: two-phase recording, expiry, superseding, the counting policy,
 * the year boundary, the splitting window, the auditors' CSV, and the migrations.
 */
class JdbcExportLedgerTest {
    private static final String A = LedgerDatabases.creditCode(101);
    private static final String B = LedgerDatabases.creditCode(102);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @AfterAll
    static void dropSchemas() throws Exception {
        LedgerDatabases.dropAll();
    }

    private static JdbcExportLedger open(String url, MutableClock clock, CountingPolicy policy) {
        return JdbcExportLedger.builder(url).clock(clock).countingPolicy(policy)
                .reservationTtl(Duration.ofHours(1)).open();
    }

    private static ExportDecisionService service(ExportLedger ledger) {
        return TestServices.bundled().withLedger(ledger).withEvaluationDateOverride("test: exports dated across the year");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void reservationsCountUntilCancelledOrExpiredAndCommitsCountForGood(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        try (JdbcExportLedger ledger = open(LedgerDatabases.fresh(kind), clock, CountingPolicy.COUNT_ALL)) {
            ExportDecisionService service = service(ledger);
            ExportDecision first = service.evaluate(Requests.export("R1", A, DAY, 60_000, 0));
            assertEquals(Pathway.EXEMPT, first.pathway());
            assertEquals(PersonCounts.ZERO, first.ledger().totalsBefore());
            assertEquals(Instant.parse("2026-11-23T03:00:00Z"), first.ledger().reservationExpiresAt());

            // Reserved, not committed: it counts.
            ExportDecision second = service.evaluate(Requests.export("R2", A, DAY, 45_000, 0));
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, second.pathway());
            assertEquals(new PersonCounts(60_000, 0), second.ledger().totalsBefore());

            // Cancelled: it no longer counts.
            assertEquals(Status.CANCELLED, ledger.cancel(first.decisionId()).status());
            assertEquals(Status.CANCELLED, ledger.cancel(first.decisionId()).status(), "cancel is idempotent");
            assertThrows(ReservationStateException.class, () -> ledger.commit(first.decisionId()));
            ExportDecision third = service.evaluate(Requests.export("R3", A, DAY, 10_000, 0));
            assertEquals(new PersonCounts(45_000, 0), third.ledger().totalsBefore());

            // Committed: it counts after its reservation time too; commit is idempotent.
            LedgerRecord committed = ledger.commit(second.decisionId());
            assertEquals(Status.COMMITTED, committed.status());
            assertEquals(committed, ledger.commit(second.decisionId()));
            assertThrows(ReservationStateException.class, () -> ledger.cancel(second.decisionId()));
            clock.advance(Duration.ofHours(2));
            // third's reservation has expired: not counted, not committable.
            ReservationStateException expired = assertThrows(ReservationStateException.class,
                    () -> ledger.commit(third.decisionId()));
            assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
            YearTotals totals = ledger.totals(A, 2026);
            assertEquals(new PersonCounts(45_000, 0), totals.counted());
            assertEquals(new PersonCounts(45_000, 0), totals.committed());
            assertEquals(PersonCounts.ZERO, totals.reserved());
            assertEquals(1, totals.committedExports());
            assertEquals(0, totals.openReservations());
            assertThrows(UnknownDecisionException.class, () -> ledger.commit("no-such-decision"));
            assertThrows(UnknownDecisionException.class, () -> ledger.cancel("no-such-decision"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRequestCountsOnceWhateverHowOftenItIsEvaluated(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        try (JdbcExportLedger ledger = open(LedgerDatabases.fresh(kind), clock, CountingPolicy.COUNT_ALL)) {
            ExportDecisionService service = service(ledger);
            ExportDecision once = service.evaluate(Requests.export("SAME", A, DAY, 70_000, 0));
            ExportDecision again = service.evaluate(Requests.export("SAME", A, DAY, 70_000, 0));
            assertEquals(PersonCounts.ZERO, again.ledger().totalsBefore(), "the first reservation is superseded");
            assertEquals(once.decisionId(), again.ledger().supersedes());
            assertThrows(ReservationStateException.class, () -> ledger.commit(once.decisionId()));
            ledger.commit(again.decisionId());
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> service.evaluate(Requests.export("SAME", A, DAY, 70_000, 0)));
            assertEquals("$.requestId", e.problems().get(0).path());
            // Another processor may use the same request id.
            assertEquals(PersonCounts.ZERO, service.evaluate(Requests.export("SAME", B, DAY, 1, 0))
                    .ledger().totalsBefore());
            assertEquals(new PersonCounts(70_000, 0), ledger.totals(A, 2026).counted());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCountingPolicyDecidesWhetherExportsExemptByTheirBasisCount(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        String url = LedgerDatabases.fresh(kind);
        try (JdbcExportLedger all = open(url, clock, CountingPolicy.COUNT_ALL)) {
            ExportDecision contract = service(all).evaluate(
                    Requests.export("CONTRACT", A, DAY.minusMonths(6), 80_000, 0, Basis.CONTRACT_WITH_INDIVIDUAL));
            assertEquals(Pathway.EXEMPT, contract.pathway());
            all.commit(contract.decisionId());
            ExportDecision small = service(all).evaluate(Requests.export("SMALL", A, DAY.minusMonths(3), 10_000, 0));
            all.commit(small.decisionId());
            assertTrue(all.records(2026).stream().anyMatch(r -> r.decisionId().equals(contract.decisionId())
                    && r.basisExempt()), "an export exempt by its basis is marked so");
            assertTrue(all.records(2026).stream().noneMatch(r -> r.decisionId().equals(small.decisionId())
                    && r.basisExempt()), "an export exempt by its small volume always counts");

            ExportDecision strict = service(all).evaluate(Requests.export("NOW-ALL", A, DAY, 20_000, 0));
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, strict.pathway());
            assertEquals(CountingPolicy.COUNT_ALL, strict.ledger().policy());
            assertEquals(new PersonCounts(90_000, 0), strict.ledger().totalsBefore());
            all.cancel(strict.decisionId());
        }
        try (JdbcExportLedger lenient = open(url, clock, CountingPolicy.COUNT_NON_EXEMPT)) {
            ExportDecision d = service(lenient).evaluate(Requests.export("NOW-NON-EXEMPT", A, DAY, 20_000, 0));
            assertEquals(Pathway.EXEMPT, d.pathway());
            assertEquals(CountingPolicy.COUNT_NON_EXEMPT, d.ledger().policy());
            assertEquals(new PersonCounts(10_000, 0), d.ledger().totalsBefore());
            assertEquals(new PersonCounts(80_000, 0), d.ledger().notCounted());
            assertTrue(d.hasWarning("OPEN_QUESTION_EXEMPT_TRANSFERS_COUNTED"));
            YearTotals t = lenient.totals(A, 2026);
            assertEquals(new PersonCounts(30_000, 0), t.counted());
            assertEquals(new PersonCounts(80_000, 0), t.basisExempt());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theYearTurnsAtMidnightInShanghai(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-31T15:00:00Z")); // 23:00 in Shanghai
        try (JdbcExportLedger ledger = open(LedgerDatabases.fresh(kind), clock, CountingPolicy.COUNT_ALL)) {
            ExportDecisionService service = ExportDecisionService.builder().clock(clock).ledger(ledger).build();
            // No evaluation date: today in Asia/Shanghai, still 2026.
            ExportDecision lastDay = service.evaluate(Requests.export("DEC31", A, null, 99_999, 0));
            assertEquals(LocalDate.of(2026, 12, 31), lastDay.evaluationDate());
            assertEquals(2026, lastDay.ledger().year());
            ledger.commit(lastDay.decisionId());

            clock.set(Instant.parse("2026-12-31T16:00:00Z")); // 00:00 on 1 January 2027 in Shanghai, still 2026 in UTC
            ExportDecision newYear = service.evaluate(Requests.export("JAN01", A, null, 1, 0));
            assertEquals(LocalDate.of(2027, 1, 1), newYear.evaluationDate());
            assertEquals(2027, newYear.ledger().year());
            assertEquals(PersonCounts.ZERO, newYear.ledger().totalsBefore(), "2026's exports do not count in 2027");
            assertEquals(Pathway.EXEMPT, newYear.pathway());
            assertEquals(1, newYear.ledger().window().exports(), "but the window sees across the year");

            ExportDecision sameYear = service.evaluate(Requests.export("DEC31-B", A, LocalDate.of(2026, 12, 31), 1, 0));
            assertEquals(new PersonCounts(99_999, 0), sameYear.ledger().totalsBefore());
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, sameYear.pathway());
            assertEquals(new PersonCounts(99_999, 0), ledger.totals(A, 2026).committed());
            assertEquals(new PersonCounts(1, 0), ledger.totals(A, 2027).counted());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theYearsRecordsListEveryExportOfTheYearInReservationOrder(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        try (JdbcExportLedger ledger = open(LedgerDatabases.fresh(kind), clock, CountingPolicy.COUNT_ALL)) {
            ExportDecisionService service = service(ledger);
            ExportDecision a = service.evaluate(Requests.export("=HYPERLINK(\"x\"),1", A, DAY, 100, 0));
            ledger.commit(a.decisionId());
            clock.advance(Duration.ofSeconds(1)); // reserved later: listed after (same instants sort by decision id)
            service.evaluate(Requests.export("OPEN", B, DAY, 200, 3));
            service.evaluate(Requests.export("LAST-YEAR", A, DAY.minusYears(1), 300, 0));
            // The CSV for auditors is written from these by the command line (LedgerCsvTest, LedgerCliTest).
            List<LedgerRecord> year = ledger.records(2026);
            assertEquals(2, year.size(), year.toString());
            LedgerRecord first = year.get(0);
            assertEquals(a.decisionId(), first.decisionId());
            assertEquals("=HYPERLINK(\"x\"),1", first.requestId(), "stored as given; the CSV defuses it");
            assertEquals(A, first.creditCode());
            assertEquals(new PersonCounts(100, 0), first.persons());
            assertEquals(Pathway.EXEMPT, first.pathway());
            assertEquals(Status.COMMITTED, first.status());
            LedgerRecord open = year.get(1);
            assertEquals("OPEN", open.requestId());
            assertEquals(new PersonCounts(200, 3), open.persons());
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, open.pathway());
            assertEquals(Status.RESERVED, open.statusAt(clock.instant()));
            assertEquals(List.of("LAST-YEAR"), ledger.records(2025).stream().map(LedgerRecord::requestId).toList());
            clock.advance(Duration.ofHours(2));
            assertEquals(Status.EXPIRED, ledger.records(2026).get(1).statusAt(clock.instant()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migrationsRunOnceAndRefuseAChangedOrNewerSchema(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        String url = LedgerDatabases.fresh(kind);
        try (JdbcExportLedger ledger = open(url, clock, CountingPolicy.COUNT_ALL)) {
            ledger.commit(service(ledger).evaluate(Requests.export("KEEP", A, DAY, 5, 0)).decisionId());
        }
        // Opening again migrates nothing and keeps the data.
        try (JdbcExportLedger again = open(url, clock, CountingPolicy.COUNT_ALL)) {
            assertEquals(new PersonCounts(5, 0), again.totals(A, 2026).committed());
        }
        int checksum;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"checksum\" FROM \"ledger_flyway_history\" WHERE \"version\" = '1'")) {
            assertTrue(rs.next(), "Flyway recorded V1");
            checksum = rs.getInt(1);
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("UPDATE \"ledger_flyway_history\" SET \"checksum\" = " + (checksum + 1) + " WHERE \"version\" = '1'");
        }
        LedgerException changed = assertThrows(LedgerException.class, () -> open(url, clock, CountingPolicy.COUNT_ALL));
        assertTrue(changed.getMessage().contains("changed after it was applied"), changed.getMessage());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("UPDATE \"ledger_flyway_history\" SET \"checksum\" = " + checksum + " WHERE \"version\" = '1'");
            st.execute("INSERT INTO \"ledger_flyway_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, TRUE)");
        }
        LedgerException newer = assertThrows(LedgerException.class, () -> open(url, clock, CountingPolicy.COUNT_ALL));
        assertTrue(newer.getMessage().contains("newer than this library"), newer.getMessage());
    }

    /**
     * A ledger created by the pre-Flyway migrator (up to 0.1.0: the V1 script run by hand and recorded in
     * ledger_schema_version with its SHA-256) opens, keeps its exports and is baselined once; a changed or newer
     * script recorded there refuses to open.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLedgerMadeBeforeFlywayIsAdoptedOnce(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        String url = LedgerDatabases.fresh(kind);
        String v1 = new String(JdbcExportLedgerTest.class.getClassLoader()
                .getResourceAsStream("ledger/migrations/V1__annual_ledger.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : v1.replace("\r\n", "\n").replaceAll("(?m)^\\s*--.*$", "").split(";\\s*\n")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
            // What the old migrator wrote: its table, and V1's SHA-256 over the script as the class path serves it.
            st.execute("CREATE TABLE ledger_schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, script VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(80) NOT NULL, installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            st.execute("INSERT INTO ledger_schema_version VALUES (1, 'annual ledger', 'V1__annual_ledger.sql', '"
                    + LedgerSchema.legacyChecksums().get(1) + "', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO ledger_processor_year VALUES ('" + A + "', 2026, CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO ledger_export (decision_id, request_id, credit_code, ledger_year, export_date,"
                    + " individuals, sensitive_individuals, pathway, basis_exempt, status, reserved_at, expires_at,"
                    + " committed_at, cancelled_at, policy, totals_before_individuals, totals_before_sensitive,"
                    + " superseded_by) VALUES ('old-1', 'OLD', '" + A + "', 2026, DATE '2026-03-02', 60000, 0,"
                    + " 'EXEMPT', FALSE, 'COMMITTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                    + " NULL, 'COUNT_ALL', 0, 0, NULL)");
        }
        String legacy;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT checksum FROM ledger_schema_version")) {
            rs.next();
            legacy = rs.getString(1);
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("UPDATE ledger_schema_version SET checksum = 'sha256:tampered' WHERE version = 1");
        }
        LedgerException changed = assertThrows(LedgerException.class, () -> open(url, clock, CountingPolicy.COUNT_ALL));
        assertTrue(changed.getMessage().contains("changed after it was applied"), changed.getMessage());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("UPDATE ledger_schema_version SET checksum = '" + legacy + "' WHERE version = 1");
            st.execute("INSERT INTO ledger_schema_version VALUES (99, 'from the future', 'V99__future.sql',"
                    + " 'sha256:x', CURRENT_TIMESTAMP)");
        }
        LedgerException newer = assertThrows(LedgerException.class, () -> open(url, clock, CountingPolicy.COUNT_ALL));
        assertTrue(newer.getMessage().contains("newer than this library"), newer.getMessage());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DELETE FROM ledger_schema_version WHERE version = 99");
        }
        // Adopted: the old export still counts, and a new decision adds to it.
        try (JdbcExportLedger ledger = open(url, clock, CountingPolicy.COUNT_ALL)) {
            assertEquals(new PersonCounts(60000, 0), ledger.totals(A, 2026).committed());
            ExportDecision d = service(ledger).evaluate(Requests.export("NEW", A, DAY, 45000, 0));
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, d.pathway());
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"type\" FROM \"ledger_flyway_history\" WHERE \"version\" IS NOT NULL"
                     + " ORDER BY \"installed_rank\"")) {
            assertTrue(rs.next());
            assertEquals("1", rs.getString(1));
            assertEquals("BASELINE", rs.getString(2));
            // V1 is not run again over the adopted schema; the scripts after it are applied by Flyway.
            assertTrue(rs.next());
            assertEquals("2", rs.getString(1));
            assertEquals("SQL", rs.getString(2));
            assertFalse(rs.next(), "nothing else is applied");
        }
        // Opening again neither adopts nor migrates again.
        try (JdbcExportLedger again = open(url, clock, CountingPolicy.COUNT_ALL)) {
            assertEquals(1, again.totals(A, 2026).committedExports());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedDecisionReservesNothing(Kind kind) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        try (JdbcExportLedger ledger = open(LedgerDatabases.fresh(kind), clock, CountingPolicy.COUNT_ALL)) {
            assertThrows(IllegalStateException.class, () -> ledger.reserve(
                    new ReservationRequest(A, DAY, "BOOM", new PersonCounts(10, 0)), snapshot -> {
                        throw new IllegalStateException("the rules failed");
                    }));
            assertTrue(ledger.records(2026).isEmpty());
            String d = ledger.reserve(new ReservationRequest(A, DAY, "OK", new PersonCounts(10, 0)),
                    snapshot -> new Reservation<>("decided", "id-ok", Pathway.EXEMPT, false));
            assertEquals("decided", d);
            assertNull(ledger.records(2026).get(0).committedAt());
        }
    }
}
