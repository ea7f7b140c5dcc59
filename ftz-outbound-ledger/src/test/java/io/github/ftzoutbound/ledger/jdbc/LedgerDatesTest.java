package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.ledger.ReservationRequest;
import io.github.ftzoutbound.Requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.EvaluationDates;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.audit.Records;
import io.github.ftzoutbound.audit.Replay;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Problem;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annual totals cannot be reset through evaluationDate (issue 13): with a ledger a request must be dated the
 * ledger's today in Asia/Shanghai, give or take a day, unless the operator states an override, which is recorded;
 * without a ledger dates are bounded around today. Also: the decision record is stored with the ledger row.
 */
class LedgerDatesTest {
    private static final String CODE = "91320594MA1WLEDG0T";
    /** 2026-11-30 17:00 UTC is 2026-12-01 01:00 in Asia/Shanghai: the ledger's today is 1 December. */
    private static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static JdbcExportLedger ledger() {
        return JdbcExportLedger.builder("jdbc:h2:mem:ledger-dates-" + System.nanoTime())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).open();
    }

    private static ExportDecisionService service(JdbcExportLedger ledger) {
        return ExportDecisionService.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).ledger(ledger).build();
    }

    private static List<Problem> refused(ExportDecisionService service, LocalDate date) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> service.evaluate(Requests.export("R-" + date, CODE, date, 90_000, 0)));
        assertEquals(List.of("$.evaluationDate"), e.problems().stream().map(Problem::path).toList(), e.problems()
                .toString());
        return e.problems();
    }

    @Test
    void aFarDateCannotStartTheYearAfreshWithALedger() {
        try (JdbcExportLedger ledger = ledger()) {
            ExportDecisionService service = service(ledger);
            ExportDecision first = service.evaluate(Requests.export("FIRST", CODE, TODAY, 90_000, 0));
            assertEquals(Pathway.EXEMPT, first.pathway());
            ledger.commit(first.decisionId());
            // The attack of issue 13: another 90,000 dated 2099 or 1970 would find an empty year and be EXEMPT.
            refused(service, LocalDate.of(2099, 6, 1));
            refused(service, LocalDate.of(1970, 1, 1));
            // Either side of the tolerance, in Asia/Shanghai days (UTC would still be 30 November).
            refused(service, TODAY.minusDays(2));
            refused(service, TODAY.plusDays(2));
            ExportDecision yesterday = service.evaluate(Requests.export("YESTERDAY", CODE, TODAY.minusDays(1), 5_000, 0));
            assertNull(yesterday.ledger().evaluationDateOverride());
            ExportDecision tomorrow = service.evaluate(Requests.export("TOMORROW", CODE, TODAY.plusDays(1), 5_000, 0));
            assertEquals(95_000, tomorrow.ledger().totalsBefore().individuals());
            ExportDecision undated = service.evaluate(Requests.export("UNDATED", CODE, null, 5_000, 0));
            assertEquals(TODAY, undated.evaluationDate());
            assertEquals(100_000, undated.ledger().totalsBefore().individuals());
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, undated.pathway());
        }
    }

    @Test
    void anOverrideIsExplicitRecordedInTheRowAndNamedInTheDecision() throws Exception {
        try (JdbcExportLedger ledger = ledger()) {
            String reason = "entering the exports of March before the ledger went live";
            ExportDecisionService service = service(ledger).withEvaluationDateOverride(reason);
            ExportDecision march = service.evaluate(Requests.export("MARCH", CODE, LocalDate.of(2026, 3, 2), 60_000, 0));
            assertEquals(reason, march.ledger().evaluationDateOverride());
            LedgerRecord row = ledger.records(2026).get(0);
            assertEquals(reason, row.evaluationDateOverride());
            // Today needs no override and records none, even on a service that has one.
            ExportDecision today = service.evaluate(Requests.export("TODAY", CODE, TODAY, 1, 0));
            assertNull(today.ledger().evaluationDateOverride());
            // The override never reaches beyond the range every request keeps.
            refused(service, LocalDate.of(2099, 6, 1));
            refused(service, LocalDate.of(1970, 1, 1));
            // The override reason is checked.
            assertThrows(IllegalArgumentException.class, () -> service(ledger).withEvaluationDateOverride(" "));
            assertThrows(IllegalArgumentException.class,
                    () -> service(ledger).withEvaluationDateOverride("x".repeat(201)));
            assertThrows(IllegalArgumentException.class, () -> service(ledger).withEvaluationDateOverride("a\u001bb"));
        }
    }

    @Test
    void withoutALedgerDatesAreBoundedAroundToday() {
        ExportDecisionService service = ExportDecisionService.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        LocalDate latest = TODAY.plusDays(EvaluationDates.MAX_DAYS_AFTER);
        assertEquals(latest, service.evaluate(Requests.export("LATEST", null, latest, 1, 0)).evaluationDate());
        assertTrue(refused(service, latest.plusDays(1)).get(0).message().contains("after today (2026-12-01"));
        // The ten-year bound, seen from 2040 (from 2026 it lies before the law's own lower bound, 2024-03-22).
        Instant later = Instant.parse("2040-06-01T04:00:00Z");
        ExportDecisionService in2040 = ExportDecisionService.builder().clock(Clock.fixed(later, ZoneOffset.UTC))
                .build();
        LocalDate earliest = LocalDate.of(2040, 6, 1).minusDays(EvaluationDates.MAX_DAYS_BEFORE);
        assertEquals(earliest, in2040.evaluate(Requests.export("EARLIEST", null, earliest, 1, 0)).evaluationDate());
        assertTrue(refused(in2040, earliest.minusDays(1)).get(0).message().contains("ten years"));
        refused(service, LocalDate.of(2099, 6, 1));
        refused(service, LocalDate.of(1970, 1, 1));
    }

    @Test
    void replayReDecidesAHistoricalDateWithoutTheClockBound() {
        // Decided on its day, replayed eleven years later: the record's date is history, not a new request.
        ExportDecisionService then = ExportDecisionService.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        ExportDecision archived = then.evaluate(Requests.export("OLD", null, TODAY, 1, 0), true);
        ExportDecisionService later = ExportDecisionService.builder()
                .clock(Clock.fixed(NOW.plusSeconds(11L * 366 * 86_400), ZoneOffset.UTC)).build();
        assertThrows(InvalidRequestException.class, () -> later.evaluate(archived.request()));
        assertFalse(Replay.replay(later, archived).changed());
    }

    @Test
    void theDecisionRecordIsStoredWithTheRowAndExportedReplayable() throws Exception {
        try (JdbcExportLedger ledger = ledger()) {
            ExportDecisionService service = service(ledger);
            ExportDecision lean = service.evaluate(Requests.export("KEPT", CODE, TODAY, 70_000, 0));
            assertNull(lean.request(), "the caller asked for no request");
            String stored = ledger.decisionRecord(lean.decisionId()).orElseThrow();
            ExportDecision record = Records.read(stored);
            assertEquals(lean.decisionId(), record.decisionId());
            assertEquals(lean.pathway(), record.pathway());
            assertEquals(70_000, record.request().dataItems().get(0).personalInformation().individuals());
            assertTrue(ledger.records(2026).get(0).hasDecisionRecord());

            ledger.importRecord("IMPORTED", "IMP", CODE, TODAY.minusDays(3), new io.github.ftzoutbound.model
                    .PersonCounts(1, 0), Pathway.EXEMPT, false, LedgerRecord.Status.COMMITTED, null);
            StringWriter jsonl = new StringWriter();
            assertEquals(1, ledger.exportDecisionRecords(2026, jsonl));
            JsonNode line = new ObjectMapper().readTree(jsonl.toString().strip());
            assertEquals(lean.decisionId(), line.get("decisionId").asText());
            assertFalse(Replay.replay(TestServices.bundled(), Records.read(jsonl.toString().strip())).changed());
        }
    }

    @Test
    void nothingIsStoredWhenTheDecisionFails() {
        try (JdbcExportLedger ledger = ledger()) {
            assertThrows(IllegalStateException.class, () -> ledger.reserve(
                    new ReservationRequest(CODE, TODAY, "BOOM", new io.github.ftzoutbound.model.PersonCounts(1, 0)),
                    s -> {
                        throw new IllegalStateException("rules failed");
                    }));
            assertTrue(ledger.records(2026).isEmpty());
        }
    }
}
