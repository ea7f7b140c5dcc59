package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord.Detail;
import io.github.ftzoutbound.api.ExportDecision;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes of record format 3 (compact JSON, no request) for the ten generated 3-item requests of the records written
 * before issue 14 (docs/performance.md): deterministic for these requests and this rule set, apart from a few bytes
 * of {@code evaluatedAt}. The bounds are ceilings a change that repeats something again would break, not targets:
 * the full record's floor is set by what an auditor reads (clause wording, messages and explanations in two
 * languages), see docs/performance.md.
 */
class RecordSizeTest {
    private static final Logger LOG = LoggerFactory.getLogger(RecordSizeTest.class);

    @Test
    void threeItemRecordsStayWithinTheirBounds() throws IOException {
        List<Integer> full = new ArrayList<>();
        List<Integer> lean = new ArrayList<>();
        for (String line : Files.readAllLines(OldRecordsReplayTest.RECORDS)) {
            ExportDecision old = Records.read(line);
            if (old.items().size() != 3 || !old.requestId().startsWith("B-")) {
                continue;
            }
            ExportDecision d = TestServices.bundled().reevaluate(old.request(), false);
            full.add(DecisionJson.toJson(d, Detail.FULL, false).getBytes(StandardCharsets.UTF_8).length);
            lean.add(DecisionJson.toJson(d, Detail.LEAN, false).getBytes(StandardCharsets.UTF_8).length);
        }
        assertEquals(10, full.size());
        full.sort(null);
        lean.sort(null);
        LOG.info("3-item records, bytes: full min {} median {} max {}; lean min {} median {} max {}", full.get(0),
                (full.get(4) + full.get(5)) / 2, full.get(9), lean.get(0), (lean.get(4) + lean.get(5)) / 2,
                lean.get(9));
        // Format 2 wrote these at 12.3 / 19.1 / 38.0 KB full (min / median / max).
        assertTrue(full.get(9) <= 32 * 1024, "full max " + full);
        assertTrue((full.get(4) + full.get(5)) / 2 <= 17 * 1024, "full median " + full);
        assertTrue(lean.get(9) <= 6 * 1024, "lean max " + lean);
    }
}
