package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records written by the engine before the outcome collector and the stable trace (issue 14; main at ad8a4af,
 * full records with the request, one of each regime and pathway) still read and replay with no change, and every
 * item keeps its pathway.
 */
class OldRecordsReplayTest {
    static final Path RECORDS = Path.of("src/test/resources/records/written-before-issue-14.jsonl");

    @Test
    void recordsWrittenBeforeTheChangeReplayUnchanged() throws IOException {
        List<String> lines = Files.readAllLines(RECORDS);
        assertEquals(8, lines.size());
        for (String line : lines) {
            ExportDecision old = Records.read(line);
            Replay.Outcome outcome = Replay.replay(TestServices.bundled(), old);
            assertTrue(outcome.changes().isEmpty(), old.requestId() + ": " + outcome.changes());
            // Main has moved on since these were written (lists v2 renamed the list-reading rules and widened the
            // request's canonical form, so the digest and the trace's rule names differ): replay's comparison, the
            // contract for old records, is what must hold, and the answer for every item.
            ExportDecision now = outcome.now();
            assertEquals(old.pathway(), now.pathway(), old.requestId());
            for (ItemDecision item : old.items()) {
                assertEquals(item.pathway(), now.item(item.itemId()).pathway(), old.requestId() + " " + item.itemId());
            }
        }
    }

}
