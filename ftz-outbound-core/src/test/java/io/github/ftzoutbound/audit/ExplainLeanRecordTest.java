package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord.Detail;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.RequestReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explain} of a lean record (issue 14): the analysis is shown only when it is provably the record's (its
 * embedded request re-decided under the same rule-set digest gives the record's answer), and is then said to be
 * recomputed; otherwise the text says what the lean record lacks and where the full record is.
 */
class ExplainLeanRecordTest {
    private static final ExportDecisionService SERVICE = TestServices.bundled();

    private static ExportDecision example(boolean withRequest) throws IOException {
        String json = Files.readString(Path.of("../docs/examples/jiangsu-scc-cumulative.json"));
        return SERVICE.evaluate(RequestReader.read(json), withRequest);
    }

    @Test
    void aLeanRecordWithItsRequestUnderTheSameRulesIsExplainedInFullAndSaysSo() throws IOException {
        ExportDecision d = example(true);
        String full = Explainer.explain(Records.read(DecisionJson.toJson(d, Detail.FULL, false)), Explainer.Lang.EN);
        ExportDecision lean = Records.read(DecisionJson.toJson(d, Detail.LEAN, false));
        assertTrue(Explainer.isLean(lean));
        String text = Explainer.explainRecord(lean, SERVICE, Explainer.Lang.EN);
        assertTrue(text.contains("(Lean record: the analysis below was recomputed from its embedded request under"
                + " the same rule set (" + d.ruleset().digest() + ")"), text);
        // Apart from that line, exactly what the full record's explanation says.
        assertEquals(full, text.replaceFirst("\\(Lean record: [^\n]*\n", ""));
        assertTrue(text.contains("Why: " + d.items().get(0).explanation()), text);
        String zh = Explainer.explainRecord(lean, SERVICE, Explainer.Lang.ZH);
        assertTrue(zh.contains("精简记录：以下分析由记录所含申请在同一规则集"), zh);
    }

    @Test
    void aLeanRecordThatCannotBeRecomputedSaysWhatItLacks() throws IOException {
        ExportDecision withoutRequest = Records.read(DecisionJson.toJson(example(false), Detail.LEAN, false));
        String text = Explainer.explainRecord(withoutRequest, SERVICE, Explainer.Lang.EN);
        assertTrue(text.contains("(Lean record: it holds the answer and the ids and labels of its clauses"), text);
        assertFalse(text.contains("Why: "), text);
        assertTrue(text.contains("《促进和规范数据跨境流动规定》第八条"), "the labels are there: " + text);
        // Issue 14: without its request, a lean record has no request digest either, and says so in both languages.
        assertTrue(text.contains("(It has no request digest (requestDigest) either: a lean record states it only with"
                + " its request"), text);
        assertTrue(text.contains("evaluate --with-request"), text);
        String zh = Explainer.explainRecord(withoutRequest, SERVICE, Explainer.Lang.ZH);
        assertTrue(zh.contains("该记录亦无申请摘要（requestDigest）"), zh);
        // Another rule set (a digest not this service's): the analysis is not recomputed.
        String json = DecisionJson.toJson(example(true), Detail.LEAN, false)
                .replaceFirst("\"digest\":\"sha256:[0-9a-f]{64}\"", "\"digest\":\"sha256:" + "0".repeat(64) + "\"");
        String other = Explainer.explainRecord(Records.read(json), SERVICE, Explainer.Lang.EN);
        assertTrue(other.contains("(Lean record: it holds the answer"), other);
        assertFalse(other.contains("Why: "), other);
        assertFalse(other.contains("no request digest"), "a record with its request keeps its digest: " + other);
        // A full record is never annotated.
        String full = Explainer.explainRecord(example(true), SERVICE, Explainer.Lang.EN);
        assertFalse(full.contains("Lean record"), full);
    }

    @Test
    void aRecordWithItsRequestButNoDigestIsRefused() throws IOException {
        // The digest ties the embedded request to the decision: a record that carries one without the other is
        // unchecked evidence, lean or full, and is refused rather than explained.
        for (Detail detail : Detail.values()) {
            String json = DecisionJson.toJson(example(true), detail, false)
                    .replaceFirst("\"requestDigest\":\"sha256:[0-9a-f]{64}\",", "");
            IOException e = assertThrows(IOException.class, () -> Records.read(json), detail.name());
            assertTrue(e.getMessage().contains("requestDigest"), e.getMessage());
        }
        // A full record without its request states its digest all the same.
        String full = DecisionJson.toJson(example(false), Detail.FULL, false)
                .replaceFirst("\"requestDigest\":\"sha256:[0-9a-f]{64}\",", "");
        IOException e = assertThrows(IOException.class, () -> Records.read(full));
        assertEquals("a full record needs requestDigest", e.getMessage());
    }
}
