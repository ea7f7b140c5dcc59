package io.github.ftzoutbound.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.api.DecisionRecord.Detail;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.LazyList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record format 3 (issue 14, step 5): each clause stated once in {@code clauses}, cited by id elsewhere; each rule
 * that fired once in {@code rules} and each {@code notChosen} condition once in {@code conditions}, referred to
 * by position; full and lean records read back to the same decision (lean: without the analysis) and replay
 * unchanged; the strict reader refuses what the format does not hold. The decisions are today's decisions of the requests embedded in
 * the records written before issue 14 (3-item and 10-item requests of the three regimes among them).
 */
class DecisionRecordTest {
    static List<ExportDecision> decisions = new ArrayList<>();

    @BeforeAll
    static void decide() throws IOException {
        for (String line : Files.readAllLines(OldRecordsReplayTest.RECORDS)) {
            decisions.add(TestServices.bundled().reevaluate(Records.read(line).request(), true));
        }
    }

    @Test
    void aFullRecordReadsBackToTheSameDecision() throws IOException {
        for (ExportDecision d : decisions) {
            String json = DecisionJson.toJson(d, false);
            assertTrue(json.startsWith("{\"recordFormat\":3,\"detail\":\"full\","), json.substring(0, 60));
            ExportDecision back = Records.read(json);
            assertEquals(d, back, d.requestId());
            assertFalse(Replay.replay(TestServices.bundled(), back).changed(), d.requestId());
        }
    }

    @Test
    void everyClauseIsStatedOnceAndCitedById() throws IOException {
        for (ExportDecision d : decisions) {
            JsonNode tree = DecisionJson.mapper().readTree(DecisionJson.toJson(d, false));
            JsonNode clauses = tree.path("clauses");
            List<String> cited = new ArrayList<>();
            collectCitations(tree, cited, false);
            assertFalse(cited.isEmpty());
            for (String id : cited) {
                assertTrue(clauses.has(id), d.requestId() + ": " + id + " not in clauses");
            }
            // Nothing in the table that nobody cites, and no clause text outside it.
            clauses.fieldNames().forEachRemaining(id -> assertTrue(cited.contains(id), id));
            ObjectNode withoutTable = tree.deepCopy();
            withoutTable.remove("clauses");
            withoutTable.remove("request");
            assertFalse(withoutTable.toString().contains("\"text\""), d.requestId());
            assertFalse(withoutTable.toString().contains("\"label\""), d.requestId());
            // Each rule and each notChosen condition once: no two equal entries in their tables.
            List<JsonNode> rules = new ArrayList<>();
            tree.path("rules").forEach(rules::add);
            assertEquals(rules.size(), rules.stream().distinct().count(), d.requestId());
            assertEquals(rules.size(), d.trace().stream().map(t -> t.rule() + "|" + t.source()).distinct().count());
            List<JsonNode> conditions = new ArrayList<>();
            tree.path("conditions").forEach(conditions::add);
            assertEquals(conditions.size(), conditions.stream().distinct().count(), d.requestId());
            assertFalse(withoutTable.path("items").toString().contains("\"condition\""), d.requestId());
            assertFalse(withoutTable.path("trace").toString().contains("\"source\""), d.requestId());
        }
    }

    /** Every value of a {@code citations} array outside the table: each must be a string (an id). */
    private static void collectCitations(JsonNode node, List<String> ids, boolean inTable) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("clauses") || e.getKey().equals("request")) {
                    return;
                }
                if (e.getKey().equals("citations")) {
                    for (JsonNode id : e.getValue()) {
                        assertTrue(id.isTextual(), "a citation outside the table is an id: " + id);
                        ids.add(id.asText());
                    }
                } else {
                    collectCitations(e.getValue(), ids, inTable);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectCitations(n, ids, inTable));
        }
    }

    @Test
    void aLeanRecordKeepsTheAnswerAndCitationIdsAndReplays() throws IOException {
        for (ExportDecision d : decisions) {
            String json = DecisionJson.toJson(d, Detail.LEAN, false);
            JsonNode tree = DecisionJson.mapper().readTree(json);
            assertEquals("lean", tree.path("detail").asText());
            assertTrue(tree.path("trace").isMissingNode());
            assertFalse(json.contains("\"notChosen\"") || json.contains("\"explanation\"")
                    || json.contains("\"text\"") || json.contains("\"message\""), d.requestId());
            ExportDecision lean = Records.read(json);
            assertEquals(d.pathway(), lean.pathway());
            // With its request, a lean record keeps the digest explain checks the request against (issue 14).
            assertEquals(d.requestDigest(), lean.requestDigest(), d.requestId());
            assertTrue(tree.path("requestDigest").isTextual() && tree.has("request"), d.requestId());
            // Without it, the digest is left out: nothing in a lean record could check it.
            JsonNode bare = DecisionJson.mapper().readTree(DecisionJson.toJson(d.withRequest(null), Detail.LEAN,
                    false));
            assertTrue(bare.path("requestDigest").isMissingNode() && bare.path("request").isMissingNode(),
                    d.requestId());
            assertNull(Records.read(bare.toString()).requestDigest(), d.requestId());
            assertEquals(keys(d.citations()), keys(lean.citations()), d.requestId());
            for (ItemDecision item : d.items()) {
                ItemDecision l = lean.item(item.itemId());
                assertEquals(item.pathway(), l.pathway());
                assertEquals(item.reason(), l.reason());
                assertEquals(item.row(), l.row());
                assertEquals(keys(item.citations()), keys(l.citations()));
                assertEquals(item.citations().stream().map(Citation::label).toList(),
                        l.citations().stream().map(Citation::label).toList());
                assertNull(l.explanation());
                assertTrue(l.notChosen().isEmpty());
            }
            assertTrue(lean.trace().isEmpty());
            Replay.Outcome o = Replay.replay(TestServices.bundled(), lean);
            assertFalse(o.changed(), d.requestId() + ": " + o.changes());
        }
    }

    @Test
    void aLeanRecordNeverComputesTheAnalysis() throws IOException {
        for (boolean withRequest : new boolean[]{false, true}) {
            ExportDecision d = TestServices.bundled().reevaluate(decisions.get(0).request(), withRequest);
            assertFalse(d.lazyRequestDigest().computed(), "the evaluation itself leaves the digest to be computed");
            DecisionJson.toJson(d, Detail.LEAN, false);
            assertFalse(((LazyList<?>) d.trace()).computed(), "trace");
            // The digest is computed for a lean record only when it carries its request (explain checks it).
            assertEquals(withRequest, d.lazyRequestDigest().computed(), "request digest, withRequest=" + withRequest);
            for (ItemDecision item : d.items()) {
                assertTrue(item.notChosen() instanceof LazyList<?>, "notChosen is left to be computed");
                assertFalse(((LazyList<?>) item.notChosen()).computed(), "notChosen of " + item.itemId());
                assertFalse(item.lazyExplanation().computed(), "explanations of " + item.itemId());
            }
            for (var o : d.obligations()) {
                assertFalse(o.lazyMessages().computed(), "message of obligation " + o.code());
            }
            for (var w : d.warnings()) {
                assertFalse(w.lazyMessages().computed(), "message of warning " + w.code());
            }
            DecisionJson.toJson(d, Detail.FULL, false);
            assertTrue(((LazyList<?>) d.trace()).computed(), "a full record reads the trace");
            assertTrue(d.lazyRequestDigest().computed(), "a full record states the request digest");
            for (ItemDecision item : d.items()) {
                assertTrue(item.lazyExplanation().computed(), "a full record states explanations");
            }
        }
    }

    @Test
    void theStrictReaderRefusesWhatFormatThreeDoesNotHold() throws IOException {
        ExportDecision d = decisions.get(0);
        String full = DecisionJson.toJson(d, false);
        String firstId = d.citations().get(0).key();
        assertRefused(full, t -> t.put("unknown", 1), "unknown field");
        assertRefused(full, t -> t.put("recordFormat", 4), "recordFormat");
        assertRefused(full, t -> t.put("recordFormat", "3"), "recordFormat");
        // A format-3 record that claims format 2: its rules and conditions tables are not format 2's.
        assertRefused(full, t -> t.put("recordFormat", 2), "rules");
        assertRefused(full, t -> ((ObjectNode) t.path("trace").get(0)).put("rule", 999), "no rule");
        assertRefused(full, t -> ((ObjectNode) t.path("trace").get(0)).put("rule", -1), "no rule");
        assertRefused(full, t -> ((ArrayNode) t.path("rules")).add(t.path("rules").get(0).deepCopy()),
                "a rule nothing refers to");
        assertRefused(full, t -> ((ArrayNode) t.path("conditions")).add(t.path("conditions").get(0).deepCopy()),
                "a condition nothing refers to");
        assertRefused(full, t -> ((ArrayNode) t.path("items").get(0).path("notChosen").get(0).path("conditions"))
                .add(9999), "no condition");
        assertRefused(full, t -> t.remove("rules"), "a full record without rules");
        assertRefused(full, t -> t.put("detail", "medium"), "detail");
        assertRefused(full, t -> ((ArrayNode) t.path("citations")).add("PIPL art999"), "no clause");
        assertRefused(full, t -> ((ObjectNode) t.path("clauses").path(firstId)).put("article", 999), "id names");
        assertRefused(full, t -> ((ObjectNode) t.path("clauses").path(firstId)).put("note", "x"), "note");
        assertRefused(full, t -> t.remove("clauses"), "clauses");
        // A format-1 record with a field of format 2, and a lean record with the full record's parts.
        assertRefused(full, t -> t.remove("recordFormat"), "detail");
        String lean = DecisionJson.toJson(d, Detail.LEAN, false);
        assertRefused(lean, t -> t.set("trace", t.arrayNode()), "trace");
        assertRefused(lean, t -> t.set("rules", t.arrayNode()), "rules");
        assertRefused(lean, t -> t.set("conditions", t.arrayNode()), "conditions");
        assertRefused(lean, t -> ((ObjectNode) t.path("items").get(0)).put("explanation", "x"), "explanation");
        // The same edits that are refused leave a valid record valid when undone: the reader is not refusing all.
        assertEquals(d.decisionId(), Records.read(full).decisionId());
        assertEquals(d.decisionId(), Records.read(lean).decisionId());
    }

    private static void assertRefused(String json, java.util.function.Consumer<ObjectNode> edit, String why)
            throws IOException {
        ObjectNode tree = (ObjectNode) DecisionJson.mapper().readTree(json);
        edit.accept(tree);
        IOException e = assertThrows(IOException.class, () -> Records.read(tree.toString()), why);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), why);
    }

    private static List<String> keys(List<Citation> citations) {
        return citations.stream().map(Citation::key).toList();
    }
}
