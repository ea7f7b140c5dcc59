package io.github.ftzoutbound.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.DecisionRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published JSON Schemas (docs/schemas/) against real requests and decisions, and the OpenAPI document the
 * service serves against them: it references both schemas and nothing that does not exist.
 */
class SchemasAndOpenApiTest {
    static final String ID = "https://ftz-outbound.github.io/schemas/";
    static DecisionServer server;
    static Http http;
    static ExportDecisionService service;
    static JsonSchema requestSchema;
    static JsonSchema decisionSchema;

    /** The repository's docs/, from this module or from a module beside it. */
    static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/schemas"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("../docs/schemas not found above " + Path.of("").toAbsolutePath());
    }

    @BeforeAll
    static void start(@TempDir Path work) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .schemaMappers(m -> m.mapPrefix(ID, docs().resolve("schemas").toUri().toString())).build();
        requestSchema = factory.getSchema(SchemaLocation.of(ID + "request.schema.json"));
        decisionSchema = factory.getSchema(SchemaLocation.of(ID + "decision.schema.json"));
        service = ExportDecisionService.bundled();
        server = new DecisionServer(ServerConfig.defaults(0, work), () -> service, null).start();
        assertTrue(server.awaitLoaded(Duration.ofMinutes(2)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(5));
    }

    static List<Path> examples() throws Exception {
        try (Stream<Path> s = Files.list(docs().resolve("examples"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theServedSchemasAreThePublishedOnes() throws Exception {
        for (String name : OpenApi.SCHEMAS) {
            assertArrayEquals(Files.readAllBytes(docs().resolve("schemas").resolve(name)),
                    OpenApi.schema(name).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    name + ": copy docs/schemas/" + name + " to src/main/resources/io/github/ftzoutbound/server/schemas/");
            Http.Response r = http.get("/schemas/" + name);
            assertEquals(200, r.status());
            assertEquals(Files.readString(docs().resolve("schemas").resolve(name)), r.body());
        }
        assertEquals(404, http.get("/schemas/negative-list-v2.schema.json").status(), "only the service's schemas");
    }

    @Test
    void everyValidExampleRequestMatchesTheRequestSchemaAndTheInvalidOnesDoNot() throws Exception {
        int valid = 0;
        for (Path p : examples()) {
            JsonNode json = Http.JSON.readTree(Files.readString(p));
            Set<ValidationMessage> problems = requestSchema.validate(json);
            boolean engineAccepts = http.post("/v1/decisions", json.toString()).status() == 200;
            if (engineAccepts) {
                assertTrue(problems.isEmpty(), p + ": the engine decides it, the schema refuses it: " + problems);
                valid++;
            } else if (!p.getFileName().toString().equals("invalid-date-before-ruleset.json")) {
                // The date bound depends on the rule set, not the shape: only the engine can refuse that one.
                assertFalse(problems.isEmpty(), p + ": the engine refuses it, the schema accepts it");
            }
        }
        assertTrue(valid >= 8, "the examples exercise the schema");
        JsonNode misspelt = Http.JSON.readTree(Files.readString(docs().resolve("examples/invalid-misspelt-field.json")));
        assertFalse(requestSchema.validate(misspelt).isEmpty(), "an unknown field breaks the schema too");
    }

    @Test
    void everyDecisionMatchesTheDecisionSchema() throws Exception {
        for (Path p : examples()) {
            if (p.getFileName().toString().startsWith("invalid-")) {
                continue;
            }
            for (String detail : List.of("", "&detail=full")) { // lean (the default) and full
                Http.Response r = http.post("/v1/decisions?withRequest=true" + detail, Files.readString(p));
                assertEquals(200, r.status(), p.toString());
                Set<ValidationMessage> problems = decisionSchema.validate(r.json());
                assertTrue(problems.isEmpty(), p + detail + ": " + problems);
            }
        }
        JsonNode broken = Http.JSON.readTree(DecisionJson.toJson(
                service.evaluateJson(Files.readString(docs().resolve("examples/jiangsu-scc-cumulative.json"))), false));
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("pathway", "MAYBE");
        assertFalse(decisionSchema.validate(broken).isEmpty(), "the schema can fail");
        // A lean record matches the schema too; a lean record that claims to be full does not (it has no trace).
        JsonNode lean = DecisionJson.mapper().valueToTree(DecisionRecord.of(
                service.evaluateJson(Files.readString(docs().resolve("examples/jiangsu-scc-cumulative.json"))),
                DecisionRecord.Detail.LEAN));
        assertTrue(decisionSchema.validate(lean).isEmpty(), decisionSchema.validate(lean).toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) lean).put("detail", "full");
        assertFalse(decisionSchema.validate(lean).isEmpty(), "a full record has a trace");
    }

    @Test
    void theRequestDigestIsRequiredInFullRecordsAndBesideARequest() throws Exception {
        String example = Files.readString(docs().resolve("examples/jiangsu-scc-cumulative.json"));
        // Issue 14: the service's lean record without its request has no digest, and the schema accepts that.
        JsonNode lean = http.post("/v1/decisions", example).json();
        assertTrue(lean.path("requestDigest").isMissingNode() && lean.path("request").isMissingNode(), lean.toString());
        assertTrue(decisionSchema.validate(lean).isEmpty(), decisionSchema.validate(lean).toString());
        // With its request (withRequest=true), lean or full, the record states the digest, and must.
        for (String detail : List.of("", "&detail=full")) {
            com.fasterxml.jackson.databind.node.ObjectNode withRequest = (com.fasterxml.jackson.databind.node.ObjectNode)
                    http.post("/v1/decisions?withRequest=true" + detail, example).json();
            assertEquals(service.evaluateJson(example).requestDigest(), withRequest.path("requestDigest").asText());
            withRequest.remove("requestDigest");
            assertFalse(decisionSchema.validate(withRequest).isEmpty(), detail + ": a request without its digest");
        }
        // A full record states it even without its request.
        com.fasterxml.jackson.databind.node.ObjectNode full = (com.fasterxml.jackson.databind.node.ObjectNode)
                http.post("/v1/decisions?detail=full", example).json();
        assertTrue(full.path("requestDigest").isTextual() && full.path("request").isMissingNode(), full.toString());
        assertTrue(decisionSchema.validate(full).isEmpty(), decisionSchema.validate(full).toString());
        full.remove("requestDigest");
        assertFalse(decisionSchema.validate(full).isEmpty(), "a full record without its digest");
    }

    @Test
    void theOpenApiDocumentReferencesBothSchemasAndOnlyWhatExists() throws Exception {
        Http.Response r = http.get("/openapi.json");
        assertEquals(200, r.status());
        JsonNode doc = r.json();
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.contains("/schemas/request.schema.json"), refs.toString());
        assertTrue(refs.contains("/schemas/decision.schema.json"), refs.toString());
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertFalse(doc.at(ref.substring(1)).isMissingNode(), "dangling " + ref);
            } else {
                assertEquals(200, http.get(ref).status(), "the service serves " + ref);
            }
        }
        for (String path : List.of("/v1/decisions", "/v1/decisions/batch", "/v1/replay", "/v1/explain", "/v1/ruleset",
                "/v1/admin/reload", "/v1/admin/candidate", "/health/ready", "/metrics")) {
            assertFalse(doc.path("paths").path(path).isMissingNode(), path + " is documented");
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
