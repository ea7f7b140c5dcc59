package io.github.ftzoutbound.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.api.DecisionRecordFormat2;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.RequestReader;

import java.io.IOException;

/**
 * Reads decision records (the JSON the engine writes) back into {@link ExportDecision}s, strictly: a record is
 * evidence, and one that does not read exactly as the engine wrote it is refused, never half-read (issue 13).
 * Duplicate keys, unknown fields, trailing tokens, scalar coercions ({@code "1"} for 1, 1 for {@code "1"}, 1.5 for
 * 1, 0 for false, numbers for enums) and missing required fields are errors; Jackson's messages give the line and
 * column. The embedded request goes through {@link RequestReader}, the same strict reader a new request meets.
 * Every layout is read: format 3 ({@code recordFormat: 3}, {@code clauses}, {@code rules} and {@code conditions}
 * tables, full or lean: {@link DecisionRecord}), format 2 ({@code recordFormat: 2}, a {@code clauses} table and
 * citations by id: {@link DecisionRecordFormat2}) and the layout before it (no {@code recordFormat}, citations
 * stated in full), each by its own strict shape, so a field of one layout in a record of another is refused.
 */
public final class Records {
    @SuppressWarnings("deprecation")
    private static final ObjectMapper READER = JsonMapper.builder(JsonParserFactoryHolder.FACTORY)
            .addModule(new JavaTimeModule())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** Records hold at most a request (4 MiB) and its decision: the same bounds as requests, a little wider. */
    private static final class JsonParserFactoryHolder {
        static final com.fasterxml.jackson.core.JsonFactory FACTORY = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Limits.MAX_NESTING + 8)
                        .maxNumberLength(40)
                        .maxStringLength(Limits.MAX_REQUEST_BYTES)
                        .build())
                .build();
    }

    private Records() {
    }

    public static ExportDecision read(String json) throws IOException {
        JsonNode tree = READER.readTree(json);
        if (tree == null || !tree.isObject()) {
            throw new IOException("a decision record is a JSON object");
        }
        ObjectNode decisionOnly = ((ObjectNode) tree).deepCopy();
        JsonNode requestNode = decisionOnly.remove("request");
        ExportDecision d;
        if (decisionOnly.has("recordFormat")) {
            // Format 2 and later: clauses stated once, cited by id; format 3 also states rules and notChosen
            // conditions once. Each strict by its own shape, as format 1 (unknown fields refused).
            JsonNode format = decisionOnly.get("recordFormat");
            if (format.isInt() && format.intValue() == DecisionRecord.FORMAT) {
                d = READER.treeToValue(decisionOnly, DecisionRecord.class).toDecision();
            } else if (format.isInt() && format.intValue() == DecisionRecordFormat2.FORMAT) {
                d = READER.treeToValue(decisionOnly, DecisionRecordFormat2.class).toDecision();
            } else {
                throw new IOException("recordFormat " + format + " is not one this version reads ("
                        + DecisionRecordFormat2.FORMAT + " or " + DecisionRecord.FORMAT
                        + ", or none for records written before format 2)");
            }
        } else {
            // Format 1: each citation stated in full wherever it appears.
            d = READER.treeToValue(decisionOnly, ExportDecision.class);
        }
        require(d);
        if (requestNode != null && !requestNode.isNull()) {
            if (d.requestDigest() == null) {
                // The digest is what ties the embedded request to the decision: without it the request is
                // unchecked evidence (a lean record leaves the digest out only when it carries no request).
                throw new IOException("a decision record with its request needs requestDigest");
            }
            ExportRequest request;
            try {
                request = RequestReader.read(READER.writeValueAsString(requestNode));
            } catch (InvalidRequestException e) {
                throw new IOException("the embedded request is invalid: " + e.problems());
            }
            d = d.withRequest(request);
        }
        return d;
    }

    /** The fields every decision has: without them no report, replay or explanation can be made. */
    private static void require(ExportDecision d) throws IOException {
        missing(d.requestId(), "requestId");
        missing(d.decisionId(), "decisionId");
        missing(d.evaluationDate(), "evaluationDate");
        missing(d.regime(), "regime");
        missing(d.pathway(), "pathway");
        missing(d.ruleset(), "ruleset");
        if (d.items().isEmpty()) {
            throw new IOException("a decision record needs at least one item");
        }
        for (int i = 0; i < d.items().size(); i++) {
            ItemDecision item = d.items().get(i);
            if (item == null) {
                throw new IOException("items[" + i + "] is null");
            }
            missing(item.itemId(), "items[" + i + "].itemId");
            missing(item.pathway(), "items[" + i + "].pathway");
        }
    }

    private static void missing(Object value, String field) throws IOException {
        if (value == null) {
            throw new IOException("a decision record needs " + field);
        }
    }

    /** True when the JSON text is a decision (it has a decisionId) rather than a request; read strictly. */
    public static boolean isDecision(String json) throws IOException {
        JsonNode tree = READER.readTree(json);
        return tree != null && tree.has("decisionId");
    }
}
