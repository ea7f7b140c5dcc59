package io.github.ftzoutbound.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.ledger.jdbc.JdbcExportLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: every error the service answers has Chinese words for a caller who asks for Chinese (?lang=zh or
 * Accept-Language: zh-CN), beside the English; the error code and the JSON paths stay the same in both languages.
 * Each case is asked twice, in English and in Chinese, and the two answers compared.
 */
class ChineseErrorsTest {
    static final String TOKEN = "zh-admin-token-0123456789";
    static final String CREDIT_CODE = "91110000802100433B";
    static final int MAX_REQUEST = 64 * 1024;
    static DecisionServer server;
    static JdbcExportLedger ledger;
    static Http http;
    static String base;

    @BeforeAll
    static void start(@TempDir Path work) throws Exception {
        ledger = JdbcExportLedger.builder(JdbcExportLedger.jdbcUrl(work.resolve("ledger").toString())).open();
        ExportDecisionService service = ExportDecisionService.bundled();
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 4, MAX_REQUEST, 1024 * 1024, 1024 * 1024, TOKEN,
                List.of(), work, 1);
        server = new DecisionServer(config, () -> service, ledger).start();
        assertTrue(server.awaitLoaded(Duration.ofMinutes(2)));
        http = new Http(server.port());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(10));
        ledger.close();
    }

    /** One request, built with or without the caller's Chinese (by Accept-Language, as a browser sends it). */
    record Case(String name, int status, String code, Function<Boolean, HttpRequest> request) {
    }

    static HttpRequest.Builder to(String path, boolean zh) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return zh ? b.header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5") : b;
    }

    static Function<Boolean, HttpRequest> post(String path, byte[] body, String type, String token) {
        return zh -> {
            HttpRequest.Builder b = to(path, zh).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", type);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b.build();
        };
    }

    static Function<Boolean, HttpRequest> post(String path, String json) {
        return post(path, json.getBytes(StandardCharsets.UTF_8), "application/json", null);
    }

    static Function<Boolean, HttpRequest> get(String path) {
        return zh -> to(path, zh).GET().build();
    }

    static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void everyErrorHasChineseWordsBesideTheEnglishWhenAskedAndOnlyThen() throws Exception {
        byte[] brokenList = LedgerAndAdminTest.zip(Map.of("lists/broken.list.yaml", "id: [unclosed"));
        List<Case> cases = List.of(
                new Case("no such schema", 404, "not-found", get("/schemas/nope.json")),
                new Case("no such endpoint", 404, "not-found", get("/v1/nothing-here")),
                new Case("bad detail", 400, "invalid-input", post("/v1/decisions?detail=some", "{}")),
                new Case("bad lang", 400, "invalid-input", post("/v1/explain?lang=fr", "{}")),
                new Case("invalid request", 400, "invalid-input", post("/v1/decisions", "{\"requestId\": 1}")),
                new Case("not JSON", 400, "invalid-input", post("/v1/decisions", "{")),
                new Case("not a record", 400, "invalid-input", post("/v1/replay", "{\"x\": 1}")),
                new Case("too large", 413, "too-large", post("/v1/decisions", "{\"requestId\": \""
                        + "x".repeat(MAX_REQUEST) + "\"}")),
                new Case("unknown decision", 404, "unknown-decision", post("/v1/ledger/no-such-decision/commit", "")),
                new Case("bad totals query", 400, "invalid-input", get("/v1/ledger/totals/91110000802100433C/year")),
                new Case("no admin token", 401, "unauthorized", post("/v1/admin/reload", new byte[0],
                        "application/zip", null)),
                new Case("no candidate", 404, "no-candidate", post("/v1/admin/candidate/decisions",
                        "{}".getBytes(StandardCharsets.UTF_8), "application/json", TOKEN)),
                new Case("not a zip", 400, "invalid-input", post("/v1/admin/candidate",
                        "not a zip".getBytes(StandardCharsets.UTF_8), "application/zip", TOKEN)),
                new Case("reload without scenarios", 422, "reload-refused", post("/v1/admin/reload",
                        LedgerAndAdminTest.zip(LedgerAndAdminTest.revisedLists()), "application/zip", TOKEN)),
                new Case("candidate with a broken list", 422, "rules-failed", post("/v1/admin/candidate", brokenList,
                        "application/zip", TOKEN)));
        for (Case c : cases) {
            Http.Response en = http.send(c.request().apply(false));
            Http.Response zh = http.send(c.request().apply(true));
            assertEquals(c.status(), en.status(), c.name() + ": " + en.body());
            assertEquals(c.status(), zh.status(), c.name() + ": " + zh.body());
            JsonNode e = en.json();
            JsonNode z = zh.json();
            assertEquals(c.code(), e.path("error").asText(), c.name());
            assertEquals(c.code(), z.path("error").asText(), c.name() + ": the code is for machines");
            assertEquals(e.path("message"), z.path("message"), c.name() + ": the English stays");
            assertFalse(e.has("messageZh"), c.name() + ": English only when Chinese is not asked for");
            assertFalse(hasChinese(e.path("message").asText()), c.name());
            String messageZh = z.path("messageZh").asText();
            assertTrue(hasChinese(messageZh), c.name() + ": no Chinese in " + z);
            assertEquals(e.path("problems").size(), z.path("problems").size(), c.name());
            for (int i = 0; i < z.path("problems").size(); i++) {
                JsonNode pe = e.path("problems").get(i);
                JsonNode pz = z.path("problems").get(i);
                assertEquals(pe.path("path"), pz.path("path"), c.name() + ": paths never change");
                assertFalse(pe.has("messageZh"), c.name());
                assertTrue(hasChinese(pz.path("messageZh").asText()), c.name() + ": problem " + i + " in " + z);
            }
        }
    }

    @Test
    void aListProblemReadsInChineseWithItsFileLineAndTheParsersDetailVerbatim() throws Exception {
        Http.Response zh = http.send(post("/v1/admin/candidate?lang=zh",
                LedgerAndAdminTest.zip(Map.of("lists/broken.list.yaml", "id: [unclosed")), "application/zip", TOKEN)
                .apply(false));
        assertEquals(422, zh.status(), zh.body());
        JsonNode problem = zh.json().path("problems").get(0);
        assertEquals("rules", problem.path("path").asText());
        String english = problem.path("message").asText();
        assertTrue(english.contains("broken.list.yaml"), english);
        // A list file's problem has Chinese words of its own (lists/ListProblems_zh); its file and line, and the
        // YAML parser's detail, which cannot be translated faithfully, stay verbatim.
        String chinese = problem.path("messageZh").asText();
        String where = english.substring(0, english.indexOf(": ") + 2);
        String detail = english.substring(english.indexOf("not valid YAML: ") + "not valid YAML: ".length());
        assertEquals(where + "不是有效的YAML：" + detail, chinese);
    }

    @Test
    void aReservationInTheWrongStateIsExplainedInChineseWithItsState() throws Exception {
        String request = LedgerAndAdminTest.ledgerRequest("ZH-1", 1_000);
        String id = http.post("/v1/decisions", request).json().path("decisionId").asText();
        assertEquals(200, http.post("/v1/ledger/" + id + "/commit", "").status());
        Http.Response en = http.post("/v1/ledger/" + id + "/cancel", "");
        Http.Response zh = http.post("/v1/ledger/" + id + "/cancel?lang=zh", "");
        assertEquals(409, en.status(), en.body());
        assertEquals(409, zh.status(), zh.body());
        assertEquals("reservation-state", zh.json().path("error").asText());
        assertEquals(en.json().path("message"), zh.json().path("message"));
        String messageZh = zh.json().path("messageZh").asText();
        assertTrue(messageZh.contains("COMMITTED") && messageZh.contains("取消"), messageZh);
        assertNotEquals(en.json().path("message").asText(), messageZh);
    }
}
