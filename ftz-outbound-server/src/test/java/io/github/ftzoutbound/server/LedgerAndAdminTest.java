package io.github.ftzoutbound.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.ledger.jdbc.JdbcExportLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger endpoints on an embedded H2 ledger, and the token-protected admin endpoints (reload, candidate). */
class LedgerAndAdminTest {
    static final String TOKEN = "test-admin-token-0123456789";
    static final String CREDIT_CODE = "91110000802100433B";
    static DecisionServer server;
    static JdbcExportLedger ledger;
    static Http http;
    static String bundledDigest;

    @BeforeAll
    static void start(@TempDir Path work) throws Exception {
        ledger = JdbcExportLedger.builder(JdbcExportLedger.jdbcUrl(work.resolve("ledger").toString())).open();
        ExportDecisionService service = ExportDecisionService.bundled();
        bundledDigest = service.ruleset().digest();
        server = new DecisionServer(ServerConfig.defaults(0, work).withAdminToken(TOKEN), () -> service, ledger)
                .start();
        assertTrue(server.awaitLoaded(Duration.ofMinutes(2)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(10));
        ledger.close();
    }

    /** The Jiangsu example as a processor the ledger counts for: credit code, no exportedThisYear. */
    static final java.time.LocalDate TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    static String ledgerRequest(String requestId, long persons) throws IOException {
        ObjectNode r = (ObjectNode) Http.JSON.readTree(Http.example("jiangsu-scc-cumulative"));
        r.put("requestId", requestId);
        // With a ledger the evaluation date must be the ledger's today in Asia/Shanghai (docs/ledger.md).
        r.put("evaluationDate", TODAY.toString());
        ObjectNode p = (ObjectNode) r.get("processor");
        p.remove("exportedThisYear");
        p.put("creditCode", CREDIT_CODE);
        ((ObjectNode) r.get("personalInformationTotals")).put("individuals", persons);
        ((ObjectNode) r.get("dataItems").get(0).get("personalInformation")).put("individuals", persons);
        return r.toString();
    }

    @Test
    void decisionsReserveAndTheLedgerEndpointsCommitCancelAndTotal() throws Exception {
        JsonNode first = http.post("/v1/decisions", ledgerRequest("L-1", 60_000)).json();
        assertEquals(0, first.path("ledger").path("totalsBefore").path("individuals").asLong(), first.toString());
        String id = first.path("decisionId").asText();

        Http.Response committed = http.post("/v1/ledger/" + id + "/commit", "");
        assertEquals(200, committed.status(), committed.body());
        assertEquals("COMMITTED", committed.json().path("status").asText());
        assertEquals(200, http.post("/v1/ledger/" + id + "/commit", "").status(), "commit is idempotent");

        // The next decision sees the committed 60,000: 60,000 + 45,000 reaches the standard-contract band.
        JsonNode second = http.post("/v1/decisions", ledgerRequest("L-2", 45_000)).json();
        assertEquals(60_000, second.path("ledger").path("totalsBefore").path("individuals").asLong());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", second.path("pathway").asText());
        Http.Response cancelled = http.post("/v1/ledger/" + second.path("decisionId").asText() + "/cancel", "");
        assertEquals(200, cancelled.status(), cancelled.body());

        Http.Response totals = http.get("/v1/ledger/totals/" + CREDIT_CODE + "/" + TODAY.getYear());
        assertEquals(200, totals.status(), totals.body());
        assertEquals(60_000, totals.json().path("committed").path("individuals").asLong());
        assertEquals(0, totals.json().path("reserved").path("individuals").asLong());

        Http.Response again = http.post("/v1/ledger/" + id + "/cancel", "");
        assertEquals(409, again.status(), "a committed export cannot be cancelled");
        assertEquals("reservation-state", again.json().path("error").asText());
        Http.Response unknown = http.post("/v1/ledger/no-such-decision/commit", "");
        assertEquals(404, unknown.status());
        assertEquals("unknown-decision", unknown.json().path("error").asText());
        Http.Response badCode = http.get("/v1/ledger/totals/91110000802100433C/2026");
        assertEquals(400, badCode.status());
        assertEquals("creditCode", badCode.json().path("problems").get(0).path("path").asText());
        assertEquals(400, http.get("/v1/ledger/totals/" + CREDIT_CODE + "/year").status());
    }

    @Test
    void aRequestCarryingItsOwnTotalsIsRefusedWhenTheLedgerCounts() throws Exception {
        ObjectNode r = (ObjectNode) Http.JSON.readTree(ledgerRequest("L-3", 1_000));
        ((ObjectNode) r.get("processor")).putObject("exportedThisYear").put("individuals", 5);
        Http.Response resp = http.post("/v1/decisions", r.toString());
        assertEquals(400, resp.status());
        assertEquals("$.processor.exportedThisYear", resp.json().path("problems").get(0).path("path").asText());
    }

    // ------------------------------------------------------------ admin

    /** The bundled lists, the Zhejiang list revised: row ZJ-2024-ECOMMERCE-002 needs 3,000,000 persons, not 2,000,000. */
    static Map<String, String> revisedLists() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : new String[]{"js-2025.list.yaml", "zj-2024.list.yaml"}) {
            String text = Http.resource("/lists/" + name);
            if (name.startsWith("zj-2024")) {
                String old = "thresholds: [ { counts: NON_SENSITIVE_PERSONS, atLeast: 2000000 } ]";
                assertTrue(text.contains(old), "the test revises this entry; update it with the list");
                text = text.replace(old, "thresholds: [ { counts: NON_SENSITIVE_PERSONS, atLeast: 3000000 } ]")
                        .replace("version: \"2024版\"", "version: \"2024-candidate\"");
            }
            files.put("lists/" + name, text);
        }
        return files;
    }

    static final String CANDIDATE_SCENARIO = """
            - name: Under the revised list, 2,000,000 buyer ID numbers need a standard contract
              request:
                requestId: CAND-1
                evaluationDate: "2026-11-23"
                processor: { ftz: ZHEJIANG, zone: HANGZHOU, ciio: false, sector: CROSS_BORDER_ECOMMERCE }
                scenario: CROSS_BORDER_ECOMMERCE_PLATFORM
                dataItems: [ { id: buyer-identities, fields: [BUYER_ID_NUMBER], personalInformation: { individuals: 2000000 } } ]
              expect:
                pathway: STANDARD_CONTRACT_OR_CERTIFICATION
            """;

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void adminNeedsTheBearerToken() throws Exception {
        byte[] zip = zip(revisedLists());
        Http.Response none = http.post("/v1/admin/reload", zip, "application/zip", null);
        assertEquals(401, none.status());
        assertEquals("Bearer", none.header("WWW-Authenticate"));
        assertEquals(401, http.post("/v1/admin/reload", zip, "application/zip", TOKEN + "x").status());
        assertEquals(401, http.post("/v1/admin/candidate", zip, "application/zip", "").status());
        assertEquals(401, http.delete("/v1/admin/candidate", "wrong").status());
        assertFalse(DecisionServer.tokenMatches("", ""), "an empty token never matches");
        assertTrue(DecisionServer.tokenMatches(TOKEN, TOKEN));
        assertEquals(bundledDigest, http.get("/v1/ruleset").json().path("digest").asText());
    }

    @Test
    void aCandidateIsTriedWithoutServingOrReserving() throws Exception {
        Http.Response up = http.post("/v1/admin/candidate?bundledLists=false", zip(revisedLists()),
                "application/zip", TOKEN);
        assertEquals(200, up.status(), up.body());
        String candidateDigest = up.json().path("candidate").path("digest").asText();
        assertNotEquals(bundledDigest, candidateDigest);

        String request = Http.example("zhejiang-on-list-security-assessment");
        Http.Response tried = http.post("/v1/admin/candidate/decisions", request.getBytes(StandardCharsets.UTF_8),
                "application/json", TOKEN);
        assertEquals(200, tried.status(), tried.body());
        JsonNode t = tried.json();
        assertEquals("SECURITY_ASSESSMENT", t.path("serving").path("pathway").asText());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", t.path("candidate").path("pathway").asText());
        assertEquals("SECURITY_ASSESSMENT", t.path("changes").path("pathway").path("old").asText());
        assertEquals(candidateDigest, t.path("candidate").path("ruleset").path("digest").asText());
        // The serving rules are untouched.
        assertEquals(bundledDigest, http.get("/v1/ruleset").json().path("digest").asText());
        assertEquals(400, http.post("/v1/admin/candidate/decisions", "{".getBytes(), "application/json", TOKEN)
                .status());

        assertEquals(200, http.delete("/v1/admin/candidate", TOKEN).status());
        Http.Response gone = http.post("/v1/admin/candidate/decisions", request.getBytes(StandardCharsets.UTF_8),
                "application/json", TOKEN);
        assertEquals(404, gone.status());
        assertEquals("no-candidate", gone.json().path("error").asText());
    }

    @Test
    void unsafeOrEmptyZipsAreRefused() throws Exception {
        Http.Response slip = http.post("/v1/admin/candidate", zip(Map.of("lists/../../escape.list.yaml", "x")),
                "application/zip", TOKEN);
        assertEquals(400, slip.status(), slip.body());
        Http.Response outside = http.post("/v1/admin/candidate", zip(Map.of("etc/passwd", "x")), "application/zip",
                TOKEN);
        assertEquals(400, outside.status());
        assertEquals(400, http.post("/v1/admin/candidate", "not a zip".getBytes(), "application/zip", TOKEN).status());
        Http.Response badList = http.post("/v1/admin/candidate",
                zip(Map.of("lists/broken.list.yaml", "id: [unclosed")), "application/zip", TOKEN);
        assertEquals(422, badList.status(), badList.body());
        assertEquals("rules-failed", badList.json().path("error").asText());
    }

    @Test
    void reloadFailsClosedAndGoesLiveOnlyAfterItsScenariosPass(@TempDir Path work) throws Exception {
        // A server of its own: this test changes the rules it serves.
        DecisionServer own = new DecisionServer(ServerConfig.defaults(0, work).withAdminToken(TOKEN),
                ExportDecisionService::bundled, null).start();
        try {
            assertTrue(own.awaitLoaded(Duration.ofMinutes(2)));
            reloadOn(new Http(own.port()));
        } finally {
            own.stop(Duration.ofSeconds(10));
        }
    }

    private static void reloadOn(Http http) throws Exception {
        // No scenario suite at all: refused, the old rules keep serving.
        Http.Response ungated = http.post("/v1/admin/reload?bundledLists=false", zip(revisedLists()),
                "application/zip", TOKEN);
        assertEquals(422, ungated.status(), ungated.body());
        assertEquals("reload-refused", ungated.json().path("error").asText());
        assertEquals(bundledDigest, http.get("/v1/ruleset").json().path("digest").asText());

        // A suite the candidate fails: refused.
        Map<String, String> failing = revisedLists();
        failing.put("scenarios/expect-old.scenario.yaml", CANDIDATE_SCENARIO.replace(
                "pathway: STANDARD_CONTRACT_OR_CERTIFICATION", "pathway: SECURITY_ASSESSMENT"));
        Http.Response refused = http.post("/v1/admin/reload?bundledLists=false", zip(failing), "application/zip",
                TOKEN);
        assertEquals(422, refused.status(), refused.body());
        assertFalse(refused.json().path("reloaded").asBoolean(true));
        assertEquals(bundledDigest, refused.json().path("serving").path("digest").asText());
        assertEquals("SECURITY_ASSESSMENT", http.post("/v1/decisions",
                Http.example("zhejiang-on-list-security-assessment")).json().path("pathway").asText());

        // The suite written for the revision passes: live without a restart, and the metrics follow.
        Map<String, String> passing = revisedLists();
        passing.put("scenarios/revision.scenario.yaml", CANDIDATE_SCENARIO);
        Http.Response live = http.post("/v1/admin/reload?bundledLists=false", zip(passing), "application/zip", TOKEN);
        assertEquals(200, live.status(), live.body());
        assertTrue(live.json().path("reloaded").asBoolean());
        String newDigest = live.json().path("serving").path("digest").asText();
        assertNotEquals(bundledDigest, newDigest);
        assertEquals(newDigest, http.get("/v1/ruleset").json().path("digest").asText());
        JsonNode d = http.post("/v1/decisions", Http.example("zhejiang-on-list-security-assessment")).json();
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", d.path("pathway").asText());
        assertEquals(newDigest, d.path("ruleset").path("digest").asText());
        assertTrue(http.get("/metrics").body().contains("digest=\"" + newDigest + "\""));
    }
}
