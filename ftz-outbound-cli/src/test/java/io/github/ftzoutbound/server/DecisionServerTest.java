package io.github.ftzoutbound.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every public endpoint and error code of the decision service, through a real socket. */
class DecisionServerTest {
    static ExportDecisionService service;
    static DecisionServer server;
    static Http http;

    @BeforeAll
    static void start(@TempDir Path work) throws Exception {
        service = ExportDecisionService.bundled();
        server = new DecisionServer(ServerConfig.defaults(0, work), () -> service, null).start();
        assertTrue(server.awaitLoaded(Duration.ofMinutes(2)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(10));
    }

    @Test
    void decidesOneRequestWithItsCitations() {
        Http.Response r = http.post("/v1/decisions?detail=full", Http.example("jiangsu-scc-cumulative"));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode d = r.json();
        assertEquals("EX-JS-001", d.path("requestId").asText());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", d.path("pathway").asText());
        assertEquals("JIANGSU_FTZ", d.path("regime").asText());
        JsonNode item = d.path("items").get(0);
        // Record format 3: the item cites clauses by id, the clauses table states each once.
        List<String> ids = new ArrayList<>();
        item.path("citations").forEach(id -> ids.add(id.asText()));
        assertTrue(ids.containsAll(List.of("CBDF art8", "JS-MEASURES art24 para1")), item.toString());
        assertTrue(d.path("clauses").path("CBDF art8").path("text").asText().length() > 10, "full detail quotes");
        assertFalse(item.path("notChosen").isEmpty(), "full detail explains why not stricter");
        assertFalse(d.path("trace").isEmpty());
        assertTrue(d.path("request").isMissingNode(), "no embedded request unless asked");
    }

    @Test
    void decidesTheSameAsTheLibrary() throws Exception {
        String json = Http.example("zhejiang-on-list-security-assessment");
        JsonNode viaHttp = http.post("/v1/decisions", json).json();
        var direct = service.evaluateJson(json);
        assertEquals(direct.pathway().name(), viaHttp.path("pathway").asText());
        // The lean default without the request leaves the digest out (issue 14); the full record states it.
        assertTrue(viaHttp.path("requestDigest").isMissingNode(), viaHttp.toString());
        assertEquals(direct.requestDigest(), http.post("/v1/decisions?detail=full", json).json()
                .path("requestDigest").asText());
        assertEquals(direct.citations().size(), viaHttp.path("citations").size());
    }

    @Test
    void leanDetailLeavesOutTraceAndAnalysis() {
        JsonNode lean = http.post("/v1/decisions?detail=lean", Http.example("jiangsu-scc-cumulative")).json();
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", lean.path("pathway").asText());
        // Lean is the default (issue 14); the full record is asked for with ?detail=full.
        JsonNode byDefault = http.post("/v1/decisions", Http.example("jiangsu-scc-cumulative")).json();
        assertEquals("lean", byDefault.path("detail").asText(), byDefault.toString());
        assertTrue(byDefault.path("trace").isMissingNode());
        assertEquals(lean.path("citations"), byDefault.path("citations"));
        assertEquals("full", http.post("/v1/decisions?detail=full", Http.example("jiangsu-scc-cumulative")).json()
                .path("detail").asText());
        assertTrue(lean.path("trace").isMissingNode(), lean.toString());
        assertTrue(lean.path("items").get(0).path("notChosen").isMissingNode());
        assertFalse(lean.path("items").get(0).path("citations").isEmpty());
    }

    @Test
    void withRequestEmbedsTheRequestAndReplayFindsNothingChanged() {
        JsonNode record = http.post("/v1/decisions?withRequest=true", Http.example("jiangsu-scc-cumulative")).json();
        assertEquals("EX-JS-001", record.path("request").path("requestId").asText());
        Http.Response replay = http.post("/v1/replay", record.toString());
        assertEquals(200, replay.status(), replay.body());
        assertFalse(replay.json().path("changed").asBoolean(true));
        assertTrue(replay.json().path("changes").isEmpty());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", replay.json().path("decision").path("pathway").asText());
    }

    @Test
    void replayReportsAChangedDecision() {
        ObjectNode record = (ObjectNode) http.post("/v1/decisions?withRequest=true",
                Http.example("jiangsu-scc-cumulative")).json();
        record.put("pathway", "EXEMPT"); // as if an older rule set had said exempt
        JsonNode replay = http.post("/v1/replay", record.toString()).json();
        assertTrue(replay.path("changed").asBoolean(), replay.toString());
        assertEquals("EXEMPT", replay.path("changes").path("pathway").path("old").asText());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", replay.path("changes").path("pathway").path("new").asText());
    }

    @Test
    void replayRefusesARecordWithoutItsRequestAndNonRecords() {
        JsonNode plain = http.post("/v1/decisions", Http.example("jiangsu-scc-cumulative")).json();
        Http.Response r = http.post("/v1/replay", plain.toString());
        assertEquals(400, r.status());
        assertEquals("invalid-input", r.json().path("error").asText());
        assertEquals("$.request", r.json().path("problems").get(0).path("path").asText());
        assertEquals(400, http.post("/v1/replay", "[1,2").status());
    }

    @Test
    void problemsAreInChineseBesideTheEnglishForLangZhOrAcceptLanguageZh() {
        String json = Http.resource("/io/github/ftzoutbound/server/web/examples/invalid-several-problems.json");
        JsonNode en = http.post("/v1/decisions", json).json();
        JsonNode byQuery = http.post("/v1/decisions?lang=zh", json).json();
        JsonNode byHeader = http.post("/v1/decisions", json, "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").json();
        JsonNode englishFirst = http.post("/v1/decisions", json, "Accept-Language", "en-GB,zh;q=0.5").json();
        JsonNode queryWins = http.post("/v1/decisions?lang=en", json, "Accept-Language", "zh-CN").json();
        assertFalse(en.path("problems").isEmpty());
        for (JsonNode zh : List.of(byQuery, byHeader)) {
            assertEquals("invalid-input", zh.path("error").asText());
            assertEquals(en.path("message"), zh.path("message"), "the top-level message stays for machines");
            assertEquals(en.path("problems").size(), zh.path("problems").size());
            for (int i = 0; i < zh.path("problems").size(); i++) {
                JsonNode z = zh.path("problems").get(i);
                JsonNode e = en.path("problems").get(i);
                assertEquals(e.path("path"), z.path("path"), "the JSON path stays as it is");
                assertEquals(e.path("message"), z.path("message"), "the English text stays beside the Chinese");
                assertTrue(z.path("messageZh").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN), z.toString());
            }
        }
        assertTrue(http.get("/openapi.json").json()
                .at("/components/schemas/Error/properties/problems/items/properties/messageZh").isObject(),
                "the served OpenAPI document names messageZh");
        for (JsonNode english : List.of(en, englishFirst, queryWins)) {
            for (JsonNode p : english.path("problems")) {
                assertTrue(p.path("messageZh").isMissingNode(), english.toString());
            }
        }
    }

    @Test
    void invalidInputGetsTheCommandLinesProblems() {
        String json = Http.resource("/io/github/ftzoutbound/server/web/examples/invalid-several-problems.json");
        Http.Response r = http.post("/v1/decisions", json);
        assertEquals(400, r.status());
        JsonNode body = r.json();
        assertEquals("invalid-input", body.path("error").asText());
        assertFalse(body.path("problems").isEmpty());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[]{"evaluate", "-"}, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Main.INVALID_INPUT, exit);
        JsonNode cli = readJson(err.toString());
        assertEquals(cli.path("problems"), body.path("problems"), "the same problems, by the same JSON paths");
        assertEquals(cli.path("error"), body.path("error"));
    }

    static JsonNode readJson(String s) {
        try {
            return Http.JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(s, e);
        }
    }

    @Test
    void malformedJsonAndMisspeltFieldsAreRefusedByPath() {
        Http.Response bad = http.post("/v1/decisions", "{\"requestId\": ");
        assertEquals(400, bad.status());
        assertEquals("invalid-input", bad.json().path("error").asText());
        String misspelt = Http.example("jiangsu-scc-cumulative").replace("\"ciio\"", "\"cio\"");
        Http.Response r = http.post("/v1/decisions", misspelt);
        assertEquals(400, r.status());
        List<String> paths = new ArrayList<>();
        r.json().path("problems").forEach(p -> paths.add(p.path("path").asText()));
        assertTrue(paths.contains("$.processor.cio"), paths.toString());
    }

    @Test
    void anUnknownDetailIsInvalid() {
        Http.Response r = http.post("/v1/decisions?detail=everything", Http.example("jiangsu-scc-cumulative"));
        assertEquals(400, r.status());
        assertEquals("?detail", r.json().path("problems").get(0).path("path").asText());
        assertEquals(400, http.post("/v1/decisions/batch?detail=x", "").status());
    }

    @Test
    void aBodyOverFourMebibytesIs413AndOneAtTheLimitIsRead() {
        int limit = 4 * 1024 * 1024;
        String padded = pad(Http.example("jiangsu-scc-cumulative"), limit + 1);
        Http.Response over = http.post("/v1/decisions", padded);
        assertEquals(413, over.status());
        assertEquals("too-large", over.json().path("error").asText());
        // Exactly at the limit: read and decided (white space is valid JSON padding).
        Http.Response at = http.post("/v1/decisions", pad(Http.example("jiangsu-scc-cumulative"), limit));
        assertEquals(200, at.status(), at.body().substring(0, Math.min(300, at.body().length())));
    }

    static String pad(String json, int bytes) {
        int have = json.getBytes(StandardCharsets.UTF_8).length;
        return json + " ".repeat(bytes - have);
    }

    @Test
    void batchStreamsOneLinePerRequestInOrder() {
        String a = Http.example("jiangsu-scc-cumulative").replace("\n", " ");
        String b = Http.example("national-stricter-regime-core-data").replace("\n", " ");
        String body = a + "\n\n{\"requestId\": 1}\n" + b + "\n";
        Http.Response r = http.post("/v1/decisions/batch?detail=lean", body.getBytes(StandardCharsets.UTF_8),
                "application/x-ndjson", null);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/x-ndjson"));
        List<JsonNode> lines = r.body().lines().map(DecisionServerTest::readJson).toList();
        assertEquals(3, lines.size(), r.body());
        assertEquals("EX-JS-001", lines.get(0).path("requestId").asText());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", lines.get(0).path("pathway").asText());
        assertEquals("invalid-input", lines.get(1).path("error").asText());
        assertEquals(3, lines.get(1).path("line").asInt(), "the error names its input line");
        assertEquals("STRICTER_REGIME", lines.get(2).path("pathway").asText());
        assertTrue(lines.get(1).path("problems").get(0).path("messageZh").isMissingNode(), "English by default");
        JsonNode zh = readJson(http.post("/v1/decisions/batch?lang=zh", "{\"requestId\": 1}\n").body().strip());
        JsonNode en = lines.get(1).path("problems");
        assertEquals(en.size(), zh.path("problems").size(), zh.toString());
        for (int i = 0; i < en.size(); i++) {
            JsonNode problem = zh.path("problems").get(i);
            assertEquals(en.get(i).path("path"), problem.path("path"), "the JSON path stays as it is");
            assertEquals(en.get(i).path("message"), problem.path("message"));
            assertTrue(problem.path("messageZh").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), problem.toString());
        }
    }

    @Test
    void explainsARequestOrADecisionInChineseOrEnglish() {
        String request = Http.example("jiangsu-scc-cumulative");
        Http.Response zh = http.post("/v1/explain?lang=zh", request);
        assertEquals(200, zh.status(), zh.body());
        assertTrue(zh.header("Content-Type").startsWith("text/plain"));
        assertTrue(zh.body().contains("促进和规范数据跨境流动规定"), zh.body());
        JsonNode decision = http.post("/v1/decisions?detail=full", request).json();
        for (JsonNode o : decision.path("obligations")) {
            assertTrue(zh.body().contains(o.path("messageZh").asText()), o.toString());
            assertFalse(zh.body().contains(o.path("message").asText()), "English left in: " + o);
        }
        Http.Response en = http.post("/v1/explain?lang=en", decision.toString());
        assertEquals(200, en.status());
        assertTrue(en.body().contains(decision.path("decisionId").asText()) || en.body().contains("EX-JS-001"),
                en.body());
        Http.Response fr = http.post("/v1/explain?lang=fr", request);
        assertEquals(400, fr.status());
        assertEquals("?lang", fr.json().path("problems").get(0).path("path").asText());
        assertEquals(400, http.post("/v1/explain", "{\"requestId\":\"x\"}").status());
    }

    @Test
    void servesTheRuleset() {
        Http.Response r = http.get("/v1/ruleset");
        assertEquals(200, r.status());
        assertEquals(service.ruleset().digest(), r.json().path("digest").asText());
        assertFalse(r.json().path("files").isEmpty());
    }

    @Test
    void healthSaysLiveAndReady() {
        assertEquals(200, http.get("/health/live").status());
        Http.Response ready = http.get("/health/ready");
        assertEquals(200, ready.status());
        assertEquals(service.ruleset().digest(), ready.json().path("ruleset").path("digest").asText());
    }

    @Test
    void metricsCountDecisionsByPathwayRegimeAndDigest() {
        http.post("/v1/decisions", Http.example("national-stricter-regime-core-data"));
        Http.Response m = http.get("/metrics");
        assertEquals(200, m.status());
        String digest = service.ruleset().digest();
        assertTrue(m.body().lines().anyMatch(l -> l.startsWith("ftz_decisions_total{")
                && l.contains("pathway=\"STRICTER_REGIME\"") && l.contains("regime=\"NATIONAL\"")
                && l.contains("ruleset_digest=\"" + digest + "\"")), m.body());
        assertTrue(m.body().contains("ftz_decision_latency_seconds_bucket{"), "a latency histogram");
        assertTrue(m.body().contains("ftz_ruleset_info{") && m.body().contains(digest));
    }

    @Test
    void unknownPathsAreJson404AndLedgerAndAdminAreAbsentWithoutConfiguration() {
        Http.Response r = http.get("/v1/nothing-here");
        assertEquals(404, r.status());
        assertEquals("not-found", r.json().path("error").asText());
        Http.Response ledger = http.post("/v1/ledger/some-id/commit", "");
        assertEquals(404, ledger.status());
        assertEquals("ledger-not-configured", ledger.json().path("error").asText());
        assertEquals(404, http.get("/v1/ledger/totals/91320500MA1XXXXX0X/2026").status());
        Http.Response admin = http.post("/v1/admin/reload", new byte[]{1}, "application/zip", "anything");
        assertEquals(404, admin.status(), "without FTZ_ADMIN_TOKEN the admin endpoints do not exist");
    }

    @Test
    void servesTheWebPageAndItsAssetsLocally() {
        Http.Response page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"/app.js\""));
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from a CDN");
        assertEquals(200, http.get("/app.js").status());
        assertEquals(200, http.get("/app.css").status());
        assertFalse(http.get("/app.js").body().contains("innerHTML"), "data never goes in as HTML");
        assertNotNull(page.header("Content-Security-Policy"));
    }

    @Test
    void anUnexpectedFailureIsA500WithACorrelationIdAndNoStackTrace(@TempDir Path work) throws Exception {
        DecisionServer failing = new DecisionServer(ServerConfig.defaults(0, work), () -> service, null);
        failing.setInFlightHook(() -> {
            throw new IllegalStateException("simulated fault with secret detail");
        });
        failing.start();
        try {
            assertTrue(failing.awaitLoaded(Duration.ofMinutes(1)));
            Http.Response r = new Http(failing.port()).post("/v1/decisions", Http.example("jiangsu-scc-cumulative"));
            assertEquals(500, r.status());
            assertEquals("internal-error", r.json().path("error").asText());
            String id = r.json().path("correlationId").asText();
            assertFalse(id.isEmpty());
            assertEquals(id, r.header("X-Correlation-Id"));
            assertFalse(r.body().contains("secret detail") || r.body().contains("at io.github"), r.body());
        } finally {
            failing.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void beyondTheConcurrencyLimitIs429WithRetryAfter(@TempDir Path work) throws Exception {
        DecisionServer limited = new DecisionServer(ServerConfig.defaults(0, work).withMaxConcurrent(1),
                () -> service, null);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        limited.setInFlightHook(() -> {
            entered.countDown();
            await(release);
        });
        limited.start();
        try {
            assertTrue(limited.awaitLoaded(Duration.ofMinutes(1)));
            Http h = new Http(limited.port());
            CompletableFuture<Http.Response> first = h.postAsync("/v1/decisions", Http.example("jiangsu-scc-cumulative"));
            await(entered);
            limited.setInFlightHook(() -> { });
            Http.Response second = h.post("/v1/decisions", Http.example("jiangsu-scc-cumulative"));
            assertEquals(429, second.status());
            assertEquals("1", second.header("Retry-After"));
            assertEquals("too-many-requests", second.json().path("error").asText());
            release.countDown();
            assertEquals(200, first.join().status());
            assertEquals(200, h.post("/v1/decisions", Http.example("jiangsu-scc-cumulative")).status(),
                    "the permit is back once the first decision is answered");
        } finally {
            release.countDown();
            limited.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void gracefulShutdownAnswersTheDecisionInFlightAndRefusesNewOnes(@TempDir Path work) throws Exception {
        DecisionServer s = new DecisionServer(ServerConfig.defaults(0, work), () -> service, null);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        s.setInFlightHook(() -> {
            entered.countDown();
            await(release);
        });
        s.start();
        assertTrue(s.awaitLoaded(Duration.ofMinutes(1)));
        Http h = new Http(s.port());
        CompletableFuture<Http.Response> inFlight = h.postAsync("/v1/decisions", Http.example("jiangsu-scc-cumulative"));
        await(entered);
        Thread stopper = new Thread(() -> s.stop(Duration.ofMinutes(1)));
        stopper.start();
        while (!s.stopping()) {
            Thread.onSpinWait();
        }
        Http.Response refused = h.post("/v1/decisions", Http.example("jiangsu-scc-cumulative"));
        assertEquals(503, refused.status());
        assertEquals("stopping", refused.json().path("error").asText());
        assertEquals(503, h.get("/health/ready").status());
        assertTrue(stopper.isAlive(), "stop waits for the decision in flight");
        release.countDown();
        Http.Response answered = inFlight.join();
        assertEquals(200, answered.status(), answered.body());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", answered.json().path("pathway").asText());
        stopper.join();
    }

    /** Issue 16: a broken list file's problems read in Chinese on /health/ready?lang=zh, not introduced in Chinese. */
    @Test
    void aBrokenListsProblemsReadInChineseOnReadiness(@TempDir Path work) throws Exception {
        Path lists = Files.createDirectories(work.resolve("lists"));
        Files.writeString(lists.resolve("dated.list.yaml"),
                io.github.ftzoutbound.cli.CliTest.DATED_LIST.replace("sectors:", "sector:"));
        DecisionServer s = new DecisionServer(ServerConfig.defaults(0, work),
                () -> ExportDecisionService.builder().addListDirectory(lists).build(), null).start();
        try {
            assertFalse(s.awaitLoaded(Duration.ofMinutes(1)));
            Http h = new Http(s.port());
            Http.Response ready = h.get("/health/ready");
            assertTrue(ready.json().path("problems").toString().contains("unknown key \\\"sector\\\" in list"),
                    ready.body());
            Http.Response readyZh = h.get("/health/ready?lang=zh");
            assertEquals(ready.json().path("problems"), readyZh.json().path("problems"));
            String zh = readyZh.json().path("problemsZh").toString();
            assertTrue(zh.contains("未知的键“sector”") && zh.contains("必须提供sectors"), readyZh.body());
            assertFalse(java.util.regex.Pattern.compile("\\b[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}\\b").matcher(zh).find(),
                    "English prose in " + zh);
            assertTrue(h.get("/v1/ruleset?lang=zh").body().contains("未知的键"), "503 body words the problem in Chinese");
        } finally {
            s.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void rulesThatFailToLoadLeaveTheServiceUnreadyWith503(@TempDir Path work) throws Exception {
        Path emptyRules = Files.createDirectories(work.resolve("no-rules"));
        DecisionServer s = new DecisionServer(ServerConfig.defaults(0, work),
                () -> ExportDecisionService.builder().rulesDirectory(emptyRules)
                        .allowUnvalidatedRules().build(), null).start();
        try {
            assertFalse(s.awaitLoaded(Duration.ofMinutes(1)));
            Http h = new Http(s.port());
            assertEquals(200, h.get("/health/live").status());
            Http.Response ready = h.get("/health/ready");
            assertEquals(503, ready.status());
            assertFalse(ready.json().path("problems").isEmpty());
            assertTrue(ready.json().path("messageZh").isMissingNode(), "English by default: " + ready.body());
            // In Chinese: the same status and problems for probes, and why in Chinese beside them.
            Http.Response readyZh = h.get("/health/ready?lang=zh");
            assertEquals(503, readyZh.status());
            assertEquals("not-ready", readyZh.json().path("status").asText());
            assertEquals(ready.json().path("problems"), readyZh.json().path("problems"));
            assertEquals("规则加载失败；未作任何决定", readyZh.json().path("messageZh").asText());
            assertEquals(ready.json().path("problems").size(), readyZh.json().path("problemsZh").size());
            for (com.fasterxml.jackson.databind.JsonNode p : readyZh.json().path("problemsZh")) {
                assertTrue(p.asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN), readyZh.body());
            }
            Http.Response r = h.post("/v1/decisions", Http.example("jiangsu-scc-cumulative"));
            assertEquals(503, r.status());
            assertEquals("rules-not-loaded", r.json().path("error").asText());
            assertNotNull(r.header("Retry-After"));
            assertEquals(503, h.get("/v1/ruleset").status());
        } finally {
            s.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void whileTheRulesLoadDecisionsAre503(@TempDir Path work) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DecisionServer s = new DecisionServer(ServerConfig.defaults(0, work), () -> {
            await(release);
            return service;
        }, null).start();
        try {
            Http h = new Http(s.port());
            Http.Response r = h.post("/v1/decisions", Http.example("jiangsu-scc-cumulative"));
            assertEquals(503, r.status());
            assertEquals("rules-not-loaded", r.json().path("error").asText());
            assertNull(r.json().get("problems"));
            assertEquals(503, h.get("/health/ready").status());
            release.countDown();
            assertTrue(s.awaitLoaded(Duration.ofMinutes(1)));
            assertEquals(200, h.get("/health/ready").status());
        } finally {
            release.countDown();
            s.stop(Duration.ofSeconds(5));
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
