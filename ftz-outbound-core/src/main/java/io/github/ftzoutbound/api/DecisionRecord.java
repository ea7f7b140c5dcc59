package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decision record as written (record format 2, docs/decision-record.md): every clause is stated once, in the
 * {@code clauses} table (citation id -> instrument, article …, label and, in a full record, text), and cited by id
 * everywhere else (items, the decision's citations, obligations, warnings, {@code notChosen}, the trace). A full
 * record also carries explanations, {@code notChosen}, messages and the trace; a lean record carries the answer,
 * the citation ids and labels, obligation and warning codes, and the request when asked (no request digest: it is
 * computed when first read, and a lean record never reads it). The Java
 * {@link ExportDecision} is the same in both cases; only the JSON differs. Records written before format 2 (no
 * {@code recordFormat}) stated each citation in full wherever it appeared; {@code audit.Records} reads both.
 */
@JsonPropertyOrder({"recordFormat", "detail", "requestId", "decisionId", "evaluatedAt", "evaluationDate",
        "requestDigest", "regime", "pathway", "items", "citations", "obligations", "warnings", "ledger", "ruleset",
        "engineVersion", "trace", "clauses", "request"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecord(Integer recordFormat, Detail detail, String requestId, String decisionId,
                             Instant evaluatedAt, LocalDate evaluationDate, String requestDigest, Regime regime,
                             Pathway pathway, List<Item> items, List<String> citations, List<Coded> obligations,
                             List<Coded> warnings, LedgerSnapshot ledger, RulesetInfo ruleset, String engineVersion,
                             List<Trace> trace, Map<String, Citation> clauses, ExportRequest request) {

    /** The layout this version writes. Format 1 is the layout before the clauses table (no field names it). */
    public static final int FORMAT = 2;

    /** How much a record holds: the whole analysis (audit) or the answer with citation ids and labels. */
    public enum Detail {
        FULL, LEAN;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code full} or {@code lean} (any case); anything else is an error naming the accepted values. */
        public static Detail parse(String s) {
            if (s != null) {
                for (Detail d : values()) {
                    if (d.code().equalsIgnoreCase(s.trim())) {
                        return d;
                    }
                }
            }
            throw new IllegalArgumentException("record detail must be full or lean, not " + s);
        }
    }

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
     * The record of a decision at the given detail. Only a full record reads {@code notChosen}, explanations, the
     * request digest, messages and the trace, so a lean record never computes what the evaluation left lazy.
     */
    public static DecisionRecord of(ExportDecision d, Detail detail) {
        boolean full = detail == Detail.FULL;
        Map<String, Citation> clauses = new LinkedHashMap<>();
        List<String> citations = ids(d.citations(), clauses, full);
        List<Item> items = new ArrayList<>(d.items().size());
        for (ItemDecision i : d.items()) {
            List<NotChosenIds> notChosen = null;
            if (full) {
                notChosen = new ArrayList<>(i.notChosen().size());
                for (NotChosen nc : i.notChosen()) {
                    List<ConditionIds> conditions = new ArrayList<>(nc.conditions().size());
                    for (NotChosen.Condition c : nc.conditions()) {
                        conditions.add(new ConditionIds(c.condition(), c.conditionZh(),
                                ids(c.citations(), clauses, true)));
                    }
                    notChosen.add(new NotChosenIds(nc.pathway(), conditions));
                }
            }
            items.add(new Item(i.itemId(), i.pathway(), i.route(), i.reason(), i.row(),
                    ids(i.citations(), clauses, full), full ? i.explanation() : null,
                    full ? i.explanationZh() : null, notChosen));
        }
        List<Coded> obligations = new ArrayList<>(d.obligations().size());
        for (Obligation o : d.obligations()) {
            obligations.add(new Coded(o.code(), o.itemIds(), ids(o.citations(), clauses, full),
                    full ? o.message() : null, full ? o.messageZh() : null));
        }
        List<Coded> warnings = new ArrayList<>(d.warnings().size());
        for (Warning w : d.warnings()) {
            warnings.add(new Coded(w.code(), w.itemIds(), ids(w.citations(), clauses, full),
                    full ? w.message() : null, full ? w.messageZh() : null));
        }
        List<Trace> trace = null;
        if (full) {
            trace = new ArrayList<>(d.trace().size());
            for (TraceEntry t : d.trace()) {
                trace.add(new Trace(t.rule(), t.source(), t.itemIds(), ids(t.citations(), clauses, true)));
            }
        }
        // A lean record names the rule set by version and digest; the file list is the full record's.
        RulesetInfo ruleset = d.ruleset() == null || full ? d.ruleset()
                : new RulesetInfo(d.ruleset().version(), d.ruleset().digest(), List.of());
        return new DecisionRecord(FORMAT, detail, d.requestId(), d.decisionId(), d.evaluatedAt(), d.evaluationDate(),
                full ? d.requestDigest() : null, d.regime(), d.pathway(), items, citations, obligations, warnings,
                d.ledger(),
                ruleset, d.engineVersion(), trace, clauses, d.request());
    }

    private static List<String> ids(List<Citation> citations, Map<String, Citation> clauses, boolean withText) {
        List<String> ids = new ArrayList<>(citations.size());
        for (Citation c : citations) {
            String id = c.key();
            ids.add(id);
            clauses.computeIfAbsent(id, k -> withText || c.text() == null ? c
                    : new Citation(c.instrument(), c.article(), c.paragraph(), c.item(), c.subItem(), c.rule(),
                    c.category(), c.listId(), c.entryId(), c.label(), null));
        }
        return ids;
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
        boolean full = detail == Detail.FULL;
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
