package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.Requests;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.audit.Records;
import io.github.ftzoutbound.audit.Replay;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.RequestReader;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service with and without a ledger: who keeps the totals, what the decision shows, and replay. */
class LedgerServiceTest {
    private static final String CODE = LedgerDatabases.creditCode(601);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static JdbcExportLedger memoryLedger() {
        return JdbcExportLedger.builder("jdbc:h2:mem:ledger-service-" + System.nanoTime()).open();
    }

    @Test
    void aRequestStatingItsTotalsIsRefusedWhenTheLedgerKeepsThem() {
        try (JdbcExportLedger ledger = memoryLedger()) {
            ExportDecisionService service = TestServices.bundled().withLedger(ledger).withEvaluationDateOverride("test: exports dated across the year");
            ExportRequest plain = Requests.export("BOTH", CODE, DAY, 10, 0);
            for (PersonCounts stated : List.of(new PersonCounts(60_000, 0), PersonCounts.ZERO)) {
                ExportRequest both = plain.withExportedThisYear(stated);
                InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> service.evaluate(both));
                assertEquals("$.processor.exportedThisYear", e.problems().get(0).path());
            }
            InvalidRequestException json = assertThrows(InvalidRequestException.class, () -> service.evaluateJson("""
                    {"requestId":"J","evaluationDate":"2026-11-23",
                     "processor":{"ftz":"NONE","ciio":false,"creditCode":"%s","exportedThisYear":{"individuals":0}},
                     "dataItems":[{"id":"a","personalInformation":{"individuals":1}}]}""".formatted(CODE)));
            assertEquals("$.processor.exportedThisYear", json.problems().get(0).path());
            assertTrue(ledger.records(2026).isEmpty(), "nothing reserved for a refused request");
        }
    }

    @Test
    void withoutACreditCodeOrWithoutALedgerTheCallersTotalsDecide() {
        try (JdbcExportLedger ledger = memoryLedger()) {
            ExportRequest anonymous = new ExportRequest("ANON", DAY, new Processor(null, Ftz.NONE, null, false, null,
                    null, new PersonCounts(99_999, 0)), null, null, null, null, null,
                    Requests.export("x", CODE, DAY, 1, 0).dataItems());
            ExportDecision d = TestServices.bundled().withLedger(ledger).withEvaluationDateOverride("test: exports dated across the year").evaluate(anonymous);
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, d.pathway());
            assertNull(d.ledger());
            assertTrue(ledger.records(2026).isEmpty());
        }
        ExportRequest informational = Requests.export("INFO", CODE, DAY, 1, 0)
                .withExportedThisYear(new PersonCounts(99_999, 0));
        ExportDecision d = TestServices.bundled().evaluate(informational);
        assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, d.pathway());
        assertNull(d.ledger());
        assertFalse(DecisionJson.toJson(d, false).contains("\"ledger\""), "decisions without a ledger are unchanged");
    }

    @Test
    void aLedgerDecisionRecordEmbedsTheTotalsItUsedAndReplaysWithoutTheLedger() throws Exception {
        try (JdbcExportLedger ledger = memoryLedger()) {
            ExportDecisionService service = TestServices.bundled().withLedger(ledger).withEvaluationDateOverride("test: exports dated across the year");
            ledger.commit(service.evaluate(Requests.export("EARLIER", CODE, DAY.minusDays(10), 60_000, 0)).decisionId());
            ExportDecision d = service.evaluate(Requests.export("NOW", CODE, DAY, 45_000, 0), true);
            assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, d.pathway());
            assertTrue(d.hasWarning("SPLITTING_SUSPECTED"));
            assertEquals(new PersonCounts(60_000, 0), d.request().processor().exportedThisYear(),
                    "the embedded request is the request as evaluated, totals filled in");
            assertEquals(CODE, d.request().processor().creditCode());
            assertTrue(d.item("orders").explanation().contains("earlier this year 60,000/0"),
                    d.item("orders").explanation());

            String json = DecisionJson.toJson(d, true);
            ExportDecision archived = Records.read(json);
            assertEquals(d.ledger(), archived.ledger());
            Replay.Outcome outcome = Replay.replay(TestServices.bundled(), archived);
            assertFalse(outcome.changed(), () -> "a ledger decision replays unchanged: " + outcome.changes());
            assertEquals(1, ledger.totals(CODE, 2026).openReservations(), "replay touches no ledger");
        }
    }

    @Test
    void scenarioLedgerBlocksAreReadStrictlyAndTheirExpectationsChecked() {
        String request = """
                  request:
                    requestId: S
                    evaluationDate: "2026-11-23"
                    processor: { ftz: NONE, ciio: false, creditCode: "%s" }
                    dataItems: [ { id: a, personalInformation: { individuals: 45000 } } ]
                """.formatted(CODE);
        assertThrows(ScenarioSuites.MalformedSuiteException.class, () -> ScenarioSuites.parse("t", """
                - name: unknown key in an export
                  ledger: { exports: [ { date: "2026-01-01", individuals: 1, persons: 2 } ] }
                """ + request + "  expect: { pathway: EXEMPT }\n"));
        assertThrows(ScenarioSuites.MalformedSuiteException.class, () -> ScenarioSuites.parse("t", """
                - name: unknown policy
                  ledger: { policy: COUNT_SOME, exports: [] }
                """ + request + "  expect: { pathway: EXEMPT }\n"));
        Scenario wrong = ScenarioSuites.parse("t", """
                - name: the expectation names other totals than the ledger holds
                  ledger: { exports: [ { date: "2026-03-01", individuals: 60000 } ] }
                """ + request + """
                  expect: { pathway: STANDARD_CONTRACT_OR_CERTIFICATION, ledger: { totalsBefore: { individuals: 50000 } } }
                """).get(0);
        ScenarioResult r = ScenarioSuites.run(TestServices.bundled(), wrong);
        assertFalse(r.passed());
        assertTrue(r.failures().toString().contains("ledger.totalsBefore.individuals: expected 50000, actual 60000"),
                r.failures()::toString);
        Scenario noLedger = ScenarioSuites.parse("t", "- name: no ledger\n" + request
                + "  expect: { ledger: { policy: COUNT_ALL } }\n").get(0);
        assertTrue(ScenarioSuites.run(TestServices.bundled(), noLedger).failures().toString()
                .contains("expected the decision to use the ledger"));
    }

    @Test
    void theCreditCodeIsReadStrictlyAndACheckCharacterProblemNamesItsPath() {
        ExportRequest r = RequestReader.read("""
                {"requestId":"R","processor":{"ftz":"NONE","ciio":false,"creditCode":"%s"},
                 "dataItems":[{"id":"a"}]}""".formatted(CODE));
        assertEquals(CODE, r.processor().creditCode());
        assertFalse(r.processor().exportedThisYearGiven());
        InvalidRequestException bad = assertThrows(InvalidRequestException.class, () -> RequestReader.read("""
                {"requestId":"R","processor":{"ftz":"NONE","ciio":false,"creditCode":"91320594MA1WLEDG0X"},
                 "dataItems":[{"id":"a"}]}"""));
        assertEquals("$.processor.creditCode", bad.problems().get(0).path());
        InvalidRequestException notText = assertThrows(InvalidRequestException.class, () -> RequestReader.read("""
                {"requestId":"R","processor":{"ftz":"NONE","ciio":false,"creditCode":913205},"dataItems":[{"id":"a"}]}"""));
        assertEquals("$.processor.creditCode", notText.problems().get(0).path());
        // A left-out exportedThisYear and explicit zeros are equal requests; only the ledger tells them apart.
        assertEquals(r, r.withExportedThisYear(PersonCounts.ZERO));
    }
}
