package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import io.github.ftzoutbound.model.ExportRequest;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes decisions as the contract's JSON: ISO dates, fixed key order, nulls left out of citations. */
public final class DecisionJson {
    @SuppressWarnings("deprecation")
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // A decision is always written as a record of the current format (full unless a lean one is asked
            // for), wherever it appears: alone, in a replay's answer, in the ledger.
            .registerModule(new SimpleModule("decision-record").addSerializer(ExportDecision.class,
                    new StdSerializer<>(ExportDecision.class) {
                        @Override
                        public void serialize(ExportDecision d, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            provider.defaultSerializeValue(DecisionRecord.of(d, DecisionRecord.Detail.FULL), gen);
                        }
                    })
                    // Field by field, the same bytes as the annotated records' bean serialization, without its
                    // reflection (issue 14, full record path; DecisionRecordSerializer).
                    .addSerializer(DecisionRecord.class, new DecisionRecordSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The request as JSON with null members left out: the input of the canonicalization. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private DecisionJson() {
    }

    /**
     * The canonical form of a request, whose SHA-256 is {@code requestDigest}: the request as evaluated, written as
     * JSON with null members left out, then canonicalized by RFC 8785, the JSON Canonicalization Scheme (JCS:
     * members sorted by UTF-16 code units, no white space, ECMAScript number and string serialization). JCS comes
     * from a maintained implementation (org.erdtman.jcs), not from code of this project, so that an auditor can
     * recompute the digest with any JCS tool (docs/decision-record.md, section 6).
     */
    public static String canonicalRequest(ExportRequest request) {
        try {
            return new JsonCanonicalizer(CANONICAL.writeValueAsString(request)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write request", e);
        }
    }

    /** "sha256:" and the lowercase hex SHA-256 of the request's canonical JSON ({@link #canonicalRequest}) in UTF-8. */
    public static String requestDigest(ExportRequest request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest(request).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The decision's record at the given detail (docs/decision-record.md): full for audit, lean for scans. */
    public static String toJson(ExportDecision decision, DecisionRecord.Detail detail, boolean pretty) {
        return toJson(DecisionRecord.of(decision, detail), pretty);
    }

    public static String toJson(Object value, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
