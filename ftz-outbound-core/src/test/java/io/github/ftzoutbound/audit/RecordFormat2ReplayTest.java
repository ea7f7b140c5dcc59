package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord.Detail;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records of format 2 (the clauses table, before the rules and conditions tables of format 3), written by the
 * engine of this branch's base ({@code evaluate-batch --with-request}, full and {@code --record lean}) from the
 * requests embedded in {@code written-before-issue-14.jsonl}: the examples, two generated 3-item requests and a
 * 10-item request in full, all 26 lean. They still read strictly as format 2, replay unchanged, and a full one
 * written again as format 3 reads back to the same decision: format 3 drops nothing format 2 held.
 */
class RecordFormat2ReplayTest {
    static final Path RECORDS = Path.of("../ftz-outbound-core/src/test/resources/records/written-format-2.jsonl");

    @Test
    void recordsOfFormatTwoReadReplayAndRewriteAsFormatThreeUnchanged() throws IOException {
        List<String> lines = Files.readAllLines(RECORDS);
        assertEquals(42, lines.size());
        int full = 0;
        for (String line : lines) {
            assertTrue(line.startsWith("{\"recordFormat\":2,"), line.substring(0, 40));
            ExportDecision old = Records.read(line);
            Replay.Outcome outcome = Replay.replay(TestServices.bundled(), old);
            assertTrue(outcome.changes().isEmpty(), old.requestId() + ": " + outcome.changes());
            ExportDecision now = outcome.now();
            assertEquals(old.pathway(), now.pathway(), old.requestId());
            for (ItemDecision item : old.items()) {
                assertEquals(item.reason(), now.item(item.itemId()).reason(), old.requestId());
            }
            if (line.contains("\"detail\":\"full\"")) {
                full++;
                assertFalse(old.trace().isEmpty(), old.requestId());
                assertEquals(old, Records.read(DecisionJson.toJson(old, false)), old.requestId());
                assertEquals(old.items().get(0).notChosen(), now.items().get(0).notChosen(), old.requestId());
            } else {
                ExportDecision again = Records.read(DecisionJson.toJson(old, Detail.LEAN, false));
                assertEquals(old, again, old.requestId());
            }
        }
        assertEquals(16, full);
    }

    @Test
    void aFormatTwoRecordWithAFormatThreeTableIsRefused() throws IOException {
        String line = Files.readAllLines(RECORDS).get(0);
        IOException e = assertThrows(IOException.class,
                () -> Records.read(line.replaceFirst("\"clauses\":", "\"rules\":[],\"clauses\":")));
        assertTrue(e.getMessage().contains("rules"), e.getMessage());
    }
}
