package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.TraceEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records written by the engine before the outcome collector and the stable trace (issue 14; main at ad8a4af,
 * full records with the request, one of each regime and pathway) still read and replay with no change; and
 * everything but the trace's order is as they say, texts included.
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
            ExportDecision now = outcome.now();
            assertEquals(old.requestDigest(), now.requestDigest());
            assertEquals(old.citations(), now.citations());
            assertEquals(old.obligations(), now.obligations());
            assertEquals(old.warnings(), now.warnings());
            for (ItemDecision item : old.items()) {
                ItemDecision again = now.item(item.itemId());
                assertEquals(item, again, old.requestId() + " " + item.itemId());
            }
            // The same firings, in the documented order now rather than Drools' firing order.
            assertEquals(sorted(old.trace()), sorted(now.trace()), old.requestId());
        }
    }

    private static List<String> sorted(List<TraceEntry> trace) {
        return trace.stream().map(TraceEntry::toString).sorted().toList();
    }
}
