package io.github.ftzoutbound.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;

import java.io.IOException;

/** Reads decision records (the JSON the engine writes) back into {@link ExportDecision}s. */
public final class Records {
    private static final ObjectMapper READER = DecisionJson.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Records() {
    }

    public static ExportDecision read(String json) throws IOException {
        return READER.readValue(json, ExportDecision.class);
    }

    /** True when the JSON text is a decision (it has a decisionId) rather than a request. */
    public static boolean isDecision(String json) throws IOException {
        return READER.readTree(json).has("decisionId");
    }
}
