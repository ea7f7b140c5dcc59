package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A record of format 2 (issue 14, step 5), read only: every clause stated once in {@code clauses} and cited by id
 * elsewhere, but {@code notChosen} conditions stated in full under each item and the trace naming each rule and
 * its file in every entry. Format 3 ({@link DecisionRecord}) states those once too. Records of format 2 are
 * evidence in archives and ledgers: they are read strictly by this shape, as they were written, and replay.
 */
@JsonPropertyOrder({"recordFormat", "detail", "requestId", "decisionId", "evaluatedAt", "evaluationDate",
        "requestDigest", "regime", "pathway", "items", "citations", "obligations", "warnings", "ledger", "ruleset",
        "engineVersion", "trace", "clauses", "request"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecordFormat2(Integer recordFormat, DecisionRecord.Detail detail, String requestId,
                                    String decisionId, Instant evaluatedAt, LocalDate evaluationDate,
                                    String requestDigest, Regime regime, Pathway pathway, List<Item> items,
                                    List<String> citations, List<Coded> obligations, List<Coded> warnings,
                                    LedgerSnapshot ledger, RulesetInfo ruleset, String engineVersion,
                                    List<Trace> trace, Map<String, Citation> clauses, ExportRequest request) {

    /** The layout this class reads. */
    public static final int FORMAT = 2;

    /** An item's outcome; {@code explanation*} and {@code notChosen} in a full record only. */
    @JsonPropertyOrder({"itemId", "pathway", "route", "reason", "row", "citations", "explanation", "explanationZh",
            "notChosen"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String itemId, Pathway pathway, String route, String reason, Integer row,
                       List<String> citations, String explanation, String explanationZh,
                       List<NotChosenIds> notChosen) {
    }

    /** {@link NotChosen} with its conditions' clauses by id. */
    @JsonPropertyOrder({"pathway", "conditions"})
    public record NotChosenIds(Pathway pathway, List<ConditionIds> conditions) {
    }

    /** {@link NotChosen.Condition} with its clauses by id. */
    @JsonPropertyOrder({"condition", "conditionZh", "citations"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionIds(String condition, String conditionZh, List<String> citations) {
    }

    /** An obligation or a warning: code, items, clauses by id; the messages in a full record only. */
    @JsonPropertyOrder({"code", "itemIds", "citations", "message", "messageZh"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coded(String code, List<String> itemIds, List<String> citations, String message,
                        String messageZh) {
    }

    /** A trace entry with its clauses by id. */
    @JsonPropertyOrder({"rule", "source", "itemIds", "citations"})
    public record Trace(String rule, String source, List<String> itemIds, List<String> citations) {
    }

    /**
     * The decision this record states, its citation ids resolved through {@code clauses}. A lean record gives a
     * decision without explanations, {@code notChosen}, messages or trace. Refuses a record whose ids are not in
     * its table, or whose table entries are not the clause their id names (a record is evidence: never half-read).
     */
    public ExportDecision toDecision() throws IOException {
        if (recordFormat == null || recordFormat != FORMAT) {
            throw new IOException("recordFormat must be " + FORMAT + ", not " + recordFormat);
        }
        if (detail == null) {
            throw new IOException("a decision record needs detail (full or lean)");
        }
        if (clauses == null) {
            throw new IOException("a decision record needs clauses");
        }
        for (Map.Entry<String, Citation> e : clauses.entrySet()) {
            if (e.getValue() == null || !e.getKey().equals(e.getValue().key())) {
                throw new IOException("clauses." + e.getKey() + " is not the clause its id names");
            }
        }
        boolean full = detail == DecisionRecord.Detail.FULL;
        List<ItemDecision> itemDecisions = new ArrayList<>();
        List<Item> readItems = items == null ? List.of() : items;
        for (int n = 0; n < readItems.size(); n++) {
            Item i = readItems.get(n);
            String at = "items[" + n + "]";
            if (i == null) {
                throw new IOException(at + " is null");
            }
            if (!full && (i.explanation() != null || i.explanationZh() != null || i.notChosen() != null)) {
                throw new IOException(at + ": a lean record has no explanations or notChosen");
            }
            List<NotChosen> notChosen = new ArrayList<>();
            List<NotChosenIds> readNotChosen = i.notChosen() == null ? List.of() : i.notChosen();
            for (int k = 0; k < readNotChosen.size(); k++) {
                NotChosenIds nc = readNotChosen.get(k);
                List<NotChosen.Condition> conditions = new ArrayList<>();
                for (int c = 0; c < (nc.conditions() == null ? 0 : nc.conditions().size()); c++) {
                    ConditionIds ci = nc.conditions().get(c);
                    conditions.add(new NotChosen.Condition(ci.condition(), ci.conditionZh(),
                            resolve(ci.citations(), at + ".notChosen[" + k + "].conditions[" + c + "].citations")));
                }
                notChosen.add(new NotChosen(nc.pathway(), conditions));
            }
            itemDecisions.add(new ItemDecision(i.itemId(), i.pathway(), i.reason(), i.row() == null ? 0 : i.row(),
                    resolve(i.citations(), at + ".citations"), i.explanation(), i.explanationZh(), notChosen,
                    i.route()));
        }
        List<Obligation> obligationList = new ArrayList<>();
        List<Coded> readObligations = obligations == null ? List.of() : obligations;
        for (int n = 0; n < readObligations.size(); n++) {
            Coded o = readObligations.get(n);
            obligationList.add(new Obligation(o.code(), o.itemIds(),
                    resolve(o.citations(), "obligations[" + n + "].citations"), o.message(), o.messageZh()));
        }
        List<Warning> warningList = new ArrayList<>();
        List<Coded> readWarnings = warnings == null ? List.of() : warnings;
        for (int n = 0; n < readWarnings.size(); n++) {
            Coded w = readWarnings.get(n);
            warningList.add(new Warning(w.code(), w.itemIds(),
                    resolve(w.citations(), "warnings[" + n + "].citations"), w.message(), w.messageZh()));
        }
        if (!full && trace != null) {
            throw new IOException("a lean record has no trace");
        }
        List<TraceEntry> traceEntries = new ArrayList<>();
        List<Trace> readTrace = trace == null ? List.of() : trace;
        for (int n = 0; n < readTrace.size(); n++) {
            Trace t = readTrace.get(n);
            traceEntries.add(new TraceEntry(t.rule(), t.source(), t.itemIds(),
                    resolve(t.citations(), "trace[" + n + "].citations")));
        }
        return new ExportDecision(requestId, decisionId, evaluatedAt, evaluationDate, requestDigest, regime, pathway,
                itemDecisions, resolve(citations, "citations"), obligationList, warningList, ruleset, engineVersion,
                traceEntries, request, ledger);
    }

    private List<Citation> resolve(List<String> ids, String at) throws IOException {
        if (ids == null) {
            return List.of();
        }
        List<Citation> out = new ArrayList<>(ids.size());
        for (int n = 0; n < ids.size(); n++) {
            Citation c = ids.get(n) == null ? null : clauses.get(ids.get(n));
            if (c == null) {
                throw new IOException(at + "[" + n + "]: no clause " + ids.get(n) + " in clauses");
            }
            out.add(c);
        }
        return out;
    }
}
