package io.github.ftzoutbound.api;

import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.RequestReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** requestDigest is SHA-256 over the RFC 8785 (JCS) form of the request, null members left out. */
class RequestDigestTest {
    @Test
    void theCanonicalFormIsRfc8785() {
        ExportRequest r = ExportRequest.builder()
                .requestId("R\u001f-é-中")
                .evaluationDate(LocalDate.of(2026, 11, 23))
                .processor(Processor.builder(Ftz.NONE).name("\"q\"\\").build())
                .dataItem(DataItem.builder("a").build())
                .build();
        String canonical = DecisionJson.canonicalRequest(r);
        // Members sorted by code unit, no white space, nulls left out, lower-case \\u escapes for control
        // characters only (RFC 8785 section 3.2.2.2), other characters as themselves.
        assertTrue(canonical.startsWith("{\"basis\":\"NONE\",\"dataItems\":[{\"exportControlled\":false,\"fields\":[],"),
                canonical);
        assertTrue(canonical.contains("\"processor\":{\"ciio\":false,\"exportedThisYear\":{\"individuals\":0,"
                + "\"sensitiveIndividuals\":0},\"ftz\":\"NONE\",\"holdings\":{"), canonical);
        assertTrue(canonical.contains("\"name\":\"\\\"q\\\"\\\\\""), canonical);
        assertTrue(canonical.endsWith(",\"requestId\":\"R\\u001f-é-中\"}"), canonical);
        assertTrue(!canonical.contains("null") && !canonical.contains(" "), canonical);
    }

    @Test
    void theExampleRequestsDigestIsUnchangedByTheMoveToJcs() throws Exception {
        // For requests without control characters, JCS gives the same bytes as the project's earlier canonical
        // form, so digests in records made before it still match (docs/decision-record.md, section 6).
        ExportRequest example = RequestReader.read(Files.readString(
                Path.of("../docs/examples/jiangsu-scc-cumulative.json"), StandardCharsets.UTF_8));
        assertEquals("sha256:c6fda4451d439a2f587613fb1d51538798cc15fdbd217851181ece2ab9bd9e06",
                DecisionJson.requestDigest(example));
    }
}
