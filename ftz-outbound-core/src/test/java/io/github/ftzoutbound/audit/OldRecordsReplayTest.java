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
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records written by the engine before the outcome collector and the stable trace (issue 14): full records with
 * the request, written by main at 665c763 ({@code evaluate-batch --with-request}) from the valid examples in
 * docs/examples, generated 3-item requests of the three regimes and three 10-item requests (Zhejiang, Jiangsu,
 * national; listRows, self-identified and notified important data, warnings; no ledger). They still read and
 * replay with no change, every item keeps its pathway, reason and citations, and the same rules fired for the
 * same items: only the trace's order (and how many firings a request-wide duty takes) may differ.
 */
class OldRecordsReplayTest {
    static final Path RECORDS = Path.of("../ftz-outbound-core/src/test/resources/records/written-before-issue-14.jsonl");

    @Test
    void recordsWrittenBeforeTheChangeReplayUnchanged() throws IOException {
        List<String> lines = Files.readAllLines(RECORDS);
        assertEquals(26, lines.size());
        for (String line : lines) {
            ExportDecision old = Records.read(line);
            Replay.Outcome outcome = Replay.replay(TestServices.bundled(), old);
            assertTrue(outcome.changes().isEmpty(), old.requestId() + ": " + outcome.changes());
            ExportDecision now = outcome.now();
            assertEquals(old.requestDigest(), now.requestDigest(), old.requestId());
            assertEquals(old.pathway(), now.pathway(), old.requestId());
            for (ItemDecision item : old.items()) {
                ItemDecision again = now.item(item.itemId());
                assertEquals(item.pathway(), again.pathway(), old.requestId() + " " + item.itemId());
                assertEquals(item.reason(), again.reason(), old.requestId() + " " + item.itemId());
                assertEquals(item.citations(), again.citations(), old.requestId() + " " + item.itemId());
                assertEquals(item.explanation(), again.explanation(), old.requestId() + " " + item.itemId());
            }
            // Codes, items and clauses. The words are issue 16's since these records (rule metadata in English and
            // Chinese, figures with thousands separators), so they are not compared.
            assertEquals(old.obligations().stream().map(o -> List.of(o.code(), o.itemIds(), o.citations())).toList(),
                    now.obligations().stream().map(o -> List.of(o.code(), o.itemIds(), o.citations())).toList(),
                    old.requestId());
            assertEquals(old.warnings().stream().map(w -> List.of(w.code(), w.itemIds(), w.citations())).toList(),
                    now.warnings().stream().map(w -> List.of(w.code(), w.itemIds(), w.citations())).toList(),
                    old.requestId());
            assertEquals(firedFor(old.trace()), firedFor(now.trace()), old.requestId());
        }
    }

    /**
     * Each rule that fired with each item it concerned ("-" for the request), and each rule with each clause it
     * cited, in no order. Two relations rather than one of (rule, item, clauses): a firing gathered once per request,
     * list or row (issue 14) names in one entry the items and rows that firings once per item named one entry each,
     * so which item rested on which row is no longer in the trace; the items' own citations and the warnings,
     * compared above, still pair them.
     */
    static Set<String> firedFor(List<TraceEntry> trace) {
        Set<String> out = new TreeSet<>();
        for (TraceEntry e : trace) {
            List<String> ids = e.itemIds().isEmpty() ? List.of("-") : e.itemIds();
            for (String id : ids) {
                out.add(e.rule() + " | " + e.source() + " | item " + id);
            }
            for (Object clause : e.citations()) {
                out.add(e.rule() + " | " + e.source() + " | cites " + clause);
            }
        }
        return out;
    }
}
