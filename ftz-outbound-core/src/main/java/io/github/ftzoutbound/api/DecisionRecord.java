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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decision record as written (record format 3, docs/decision-record.md): what a record repeats is stated once
 * and referred to elsewhere. Every clause is in the {@code clauses} table (citation id -> instrument, article …,
 * label and, in a full record, text) and cited by id; in a full record, every rule that fired is in the
 * {@code rules} table (its name, DRL file and the clause it states) and the trace refers to it by position; every
 * distinct {@code notChosen} condition is in the {@code conditions} table and the items refer to it by position.
 * A full record also carries explanations, messages and the trace; a lean record carries the answer, the citation
 * ids and labels, obligation and warning codes, and the request when asked; it carries the request digest only
 * with the request (which {@code explain} checks against it): a lean record without its request never computes
 * the digest, which {@link ExportDecision} computes when first read. The Java {@link ExportDecision} is the
 * same in both cases; only the JSON differs. Records of format 2 ({@link DecisionRecordFormat2}) and those written
 * before format 2 (no {@code recordFormat}) are read by {@code audit.Records}, each strictly by its own shape.
 */
@JsonPropertyOrder({"recordFormat", "detail", "requestId", "decisionId", "evaluatedAt", "evaluationDate",
        "requestDigest", "regime", "pathway", "items", "citations", "obligations", "warnings", "ledger", "ruleset",
        "engineVersion", "trace", "rules", "conditions", "clauses", "request"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecord(Integer recordFormat, Detail detail, String requestId, String decisionId,
                             Instant evaluatedAt, LocalDate evaluationDate, String requestDigest, Regime regime,
                             Pathway pathway, List<Item> items, List<String> citations, List<Coded> obligations,
                             List<Coded> warnings, LedgerSnapshot ledger, RulesetInfo ruleset, String engineVersion,
                             List<Trace> trace, List<Rule> rules, List<Condition> conditions,
                             Map<String, Citation> clauses, ExportRequest request) {

    /**
     * The layout this version writes. Format 1 is the layout before the clauses table (no field names it); format 2
     * added the clauses table; format 3 the rules and conditions tables.
     */
    public static final int FORMAT = 3;

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

    /**
     * An item's outcome; {@code explanation*} and {@code notChosen} in a full record only, {@code notChosen}'s
     * conditions by their position in the record's {@code conditions} table.
     */
    @JsonPropertyOrder({"itemId", "pathway", "route", "reason", "row", "citations", "explanation", "explanationZh",
            "notChosen"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String itemId, Pathway pathway, String route, String reason, Integer row,
                       List<String> citations, String explanation, String explanationZh,
                       List<NotChosenRefs> notChosen) {
    }

    /** {@link NotChosen} with its conditions by position in {@code conditions}. */
    @JsonPropertyOrder({"pathway", "conditions"})
    public record NotChosenRefs(Pathway pathway, List<Integer> conditions) {
    }

    /** A {@link NotChosen.Condition}, stated once per record, with its clauses by id. */
    @JsonPropertyOrder({"condition", "conditionZh", "citations"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String condition, String conditionZh, List<String> citations) {
    }

    /** An obligation or a warning: code, items, clauses by id; the messages in a full record only. */
    @JsonPropertyOrder({"code", "itemIds", "citations", "message", "messageZh"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coded(String code, List<String> itemIds, List<String> citations, String message,
                        String messageZh) {
    }

    /**
     * A rule that fired, stated once per record: its name, its DRL file, and the clauses every firing of it cites
     * first (its own clause; absent for an engine rule or a {@code @noClause} rule).
     */
    @JsonPropertyOrder({"name", "source", "citations"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Rule(String name, String source, List<String> citations) {
    }

    /**
     * A trace entry: the rule by its position in {@code rules}, the items of its match, and the clauses this firing
     * cites after the rule's own (the list entries of its match; absent when there are none).
     */
    @JsonPropertyOrder({"rule", "itemIds", "citations"})
    public record Trace(Integer rule, List<String> itemIds,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> citations) {
    }

    /**
     * The record of a decision at the given detail. Only a full record reads {@code notChosen}, explanations, the
     * request digest, messages and the trace, so a lean record never computes what the evaluation left lazy.
     */
    public static DecisionRecord of(ExportDecision d, Detail detail) {
        boolean full = detail == Detail.FULL;
        Ids ids = new Ids(full);
        List<String> citations = ids.of(d.citations());
        List<Condition> conditions = full ? new ArrayList<>() : null;
        Map<Condition, Integer> conditionAt = new HashMap<>();
        List<Item> items = new ArrayList<>(d.items().size());
        for (ItemDecision i : d.items()) {
            List<NotChosenRefs> notChosen = null;
            if (full) {
                notChosen = new ArrayList<>(i.notChosen().size());
                for (NotChosen nc : i.notChosen()) {
                    List<Integer> refs = new ArrayList<>(nc.conditions().size());
                    for (NotChosen.Condition c : nc.conditions()) {
                        Condition stated = new Condition(c.condition(), c.conditionZh(), ids.of(c.citations()));
                        Integer at = conditionAt.get(stated);
                        if (at == null) {
                            at = conditions.size();
                            conditions.add(stated);
                            conditionAt.put(stated, at);
                        }
                        refs.add(at);
                    }
                    notChosen.add(new NotChosenRefs(nc.pathway(), refs));
                }
            }
            items.add(new Item(i.itemId(), i.pathway(), i.route(), i.reason(), i.row(), ids.of(i.citations()),
                    full ? i.explanation() : null, full ? i.explanationZh() : null, notChosen));
        }
        List<Coded> obligations = new ArrayList<>(d.obligations().size());
        for (Obligation o : d.obligations()) {
            obligations.add(new Coded(o.code(), o.itemIds(), ids.of(o.citations()),
                    full ? o.message() : null, full ? o.messageZh() : null));
        }
        List<Coded> warnings = new ArrayList<>(d.warnings().size());
        for (Warning w : d.warnings()) {
            warnings.add(new Coded(w.code(), w.itemIds(), ids.of(w.citations()),
                    full ? w.message() : null, full ? w.messageZh() : null));
        }
        List<Trace> trace = null;
        List<Rule> rules = null;
        if (full) {
            List<TraceEntry> entries = d.trace();
            // Each entry's ids once: the rules' own clauses and the entries' remainders are both cut from them.
            List<List<String>> citedBy = new ArrayList<>(entries.size());
            List<List<String>> ruleKeys = new ArrayList<>(entries.size());
            // A rule's own clauses: what all its firings cite first, up to the first list entry (a list entry
            // belongs to a firing's match, never to the rule).
            Map<List<String>, List<String>> own = new LinkedHashMap<>();
            for (TraceEntry t : entries) {
                List<String> cited = ids.of(t.citations());
                citedBy.add(cited);
                int leading = 0;
                while (leading < cited.size() && !"NEGATIVE-LIST".equals(t.citations().get(leading).instrument())) {
                    leading++;
                }
                List<String> key = List.of(t.rule(), t.source());
                ruleKeys.add(key);
                own.merge(key, List.copyOf(cited.subList(0, leading)), DecisionRecord::commonPrefix);
            }
            rules = new ArrayList<>(own.size());
            Map<List<String>, Integer> ruleAt = new HashMap<>();
            for (Map.Entry<List<String>, List<String>> e : own.entrySet()) {
                ruleAt.put(e.getKey(), rules.size());
                rules.add(new Rule(e.getKey().get(0), e.getKey().get(1), e.getValue()));
            }
            trace = new ArrayList<>(entries.size());
            for (int n = 0; n < entries.size(); n++) {
                int at = ruleAt.get(ruleKeys.get(n));
                List<String> cited = citedBy.get(n);
                trace.add(new Trace(at, entries.get(n).itemIds(),
                        List.copyOf(cited.subList(rules.get(at).citations().size(), cited.size()))));
            }
        }
        // A lean record names the rule set by version and digest; the file list is the full record's.
        RulesetInfo ruleset = d.ruleset() == null || full ? d.ruleset()
                : new RulesetInfo(d.ruleset().version(), d.ruleset().digest(), List.of());
        return new DecisionRecord(FORMAT, detail, d.requestId(), d.decisionId(), d.evaluatedAt(), d.evaluationDate(),
                // A lean record states the digest only beside its request (explain checks one against the other).
                full || d.request() != null ? d.requestDigest() : null, d.regime(), d.pathway(), items, citations,
                obligations, warnings, d.ledger(),
                ruleset, d.engineVersion(), trace, rules, conditions, ids.clauses, d.request());
    }

    private static List<String> commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return List.copyOf(a.subList(0, n));
    }

    /**
     * The citation ids of one record and its clauses table. A decision cites the same clause objects many times
     * (a rule's clause in every item, trace entry and condition that cites it), so each object's id is made once:
     * by identity first, then by the clause's {@link Citation#key()}. The first citation of a clause is the one
     * the table states; in a lean record without its text.
     */
    private static final class Ids {
        final Map<String, Citation> clauses = new LinkedHashMap<>();
        private final Map<Citation, String> known = new IdentityHashMap<>();
        private final boolean withText;

        Ids(boolean withText) {
            this.withText = withText;
        }

        List<String> of(List<Citation> citations) {
            List<String> ids = new ArrayList<>(citations.size());
            for (Citation c : citations) {
                String id = known.get(c);
                if (id == null) {
                    id = c.key();
                    known.put(c, id);
                    if (!clauses.containsKey(id)) {
                        clauses.put(id, withText || c.text() == null ? c
                                : new Citation(c.instrument(), c.article(), c.paragraph(), c.item(), c.subItem(),
                                c.rule(), c.category(), c.listId(), c.entryId(), c.label(), null));
                    }
                }
                ids.add(id);
            }
            return ids;
        }
    }

    /**
     * The decision this record states, its citation ids resolved through {@code clauses}, its trace through
     * {@code rules} and its {@code notChosen} through {@code conditions}. A lean record gives a decision without
     * explanations, {@code notChosen}, messages or trace. Refuses a record whose ids or positions are not in its
     * tables, whose table entries are not the clause their id names, or whose tables hold an entry nothing refers
     * to (a record is evidence: never half-read).
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
        if (!full && (trace != null || rules != null || conditions != null)) {
            throw new IOException("a lean record has no trace, rules or conditions");
        }
        if (full && (trace == null || rules == null || conditions == null)) {
            throw new IOException("a full record has trace, rules and conditions");
        }
        if (full && requestDigest == null) {
            // Only a lean record without its request leaves the digest out (issue 14); a full record states it.
            throw new IOException("a full record needs requestDigest");
        }
        List<NotChosen.Condition> conditionList = new ArrayList<>();
        List<Condition> readConditions = conditions == null ? List.of() : conditions;
        for (int c = 0; c < readConditions.size(); c++) {
            Condition ci = readConditions.get(c);
            if (ci == null) {
                throw new IOException("conditions[" + c + "] is null");
            }
            conditionList.add(new NotChosen.Condition(ci.condition(), ci.conditionZh(),
                    resolve(ci.citations(), "conditions[" + c + "].citations")));
        }
        boolean[] conditionUsed = new boolean[conditionList.size()];
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
            List<NotChosenRefs> readNotChosen = i.notChosen() == null ? List.of() : i.notChosen();
            for (int k = 0; k < readNotChosen.size(); k++) {
                NotChosenRefs nc = readNotChosen.get(k);
                if (nc == null) {
                    throw new IOException(at + ".notChosen[" + k + "] is null");
                }
                List<NotChosen.Condition> met = new ArrayList<>();
                List<Integer> refs = nc.conditions() == null ? List.of() : nc.conditions();
                for (int c = 0; c < refs.size(); c++) {
                    Integer ref = refs.get(c);
                    if (ref == null || ref < 0 || ref >= conditionList.size()) {
                        throw new IOException(at + ".notChosen[" + k + "].conditions[" + c + "]: no condition " + ref
                                + " in conditions");
                    }
                    conditionUsed[ref] = true;
                    met.add(conditionList.get(ref));
                }
                notChosen.add(new NotChosen(nc.pathway(), met));
            }
            itemDecisions.add(new ItemDecision(i.itemId(), i.pathway(), i.reason(), i.row() == null ? 0 : i.row(),
                    resolve(i.citations(), at + ".citations"), i.explanation(), i.explanationZh(), notChosen,
                    i.route()));
        }
        unreferenced(conditionUsed, "conditions");
        List<Obligation> obligationList = new ArrayList<>();
        List<Coded> readObligations = obligations == null ? List.of() : obligations;
        for (int n = 0; n < readObligations.size(); n++) {
            Coded o = readObligations.get(n);
            if (o == null) {
                throw new IOException("obligations[" + n + "] is null");
            }
            obligationList.add(new Obligation(o.code(), o.itemIds(),
                    resolve(o.citations(), "obligations[" + n + "].citations"), o.message(), o.messageZh()));
        }
        List<Warning> warningList = new ArrayList<>();
        List<Coded> readWarnings = warnings == null ? List.of() : warnings;
        for (int n = 0; n < readWarnings.size(); n++) {
            Coded w = readWarnings.get(n);
            if (w == null) {
                throw new IOException("warnings[" + n + "] is null");
            }
            warningList.add(new Warning(w.code(), w.itemIds(),
                    resolve(w.citations(), "warnings[" + n + "].citations"), w.message(), w.messageZh()));
        }
        List<Rule> readRules = rules == null ? List.of() : rules;
        List<List<Citation>> ruleClauses = new ArrayList<>(readRules.size());
        for (int r = 0; r < readRules.size(); r++) {
            Rule rule = readRules.get(r);
            if (rule == null || rule.name() == null || rule.source() == null) {
                throw new IOException("rules[" + r + "] needs name and source");
            }
            ruleClauses.add(resolve(rule.citations(), "rules[" + r + "].citations"));
        }
        boolean[] ruleUsed = new boolean[readRules.size()];
        List<TraceEntry> traceEntries = new ArrayList<>();
        List<Trace> readTrace = trace == null ? List.of() : trace;
        for (int n = 0; n < readTrace.size(); n++) {
            Trace t = readTrace.get(n);
            if (t == null || t.rule() == null || t.rule() < 0 || t.rule() >= readRules.size()) {
                throw new IOException("trace[" + n + "].rule: no rule " + (t == null ? null : t.rule())
                        + " in rules");
            }
            ruleUsed[t.rule()] = true;
            Rule rule = readRules.get(t.rule());
            List<Citation> cites = new ArrayList<>(ruleClauses.get(t.rule()));
            cites.addAll(resolve(t.citations(), "trace[" + n + "].citations"));
            traceEntries.add(new TraceEntry(rule.name(), rule.source(), t.itemIds(), cites));
        }
        unreferenced(ruleUsed, "rules");
        return new ExportDecision(requestId, decisionId, evaluatedAt, evaluationDate, requestDigest, regime, pathway,
                itemDecisions, resolve(citations, "citations"), obligationList, warningList, ruleset, engineVersion,
                traceEntries, request, ledger);
    }

    /** A table entry nothing refers to is not what the engine writes: the record was edited. */
    private static void unreferenced(boolean[] used, String table) throws IOException {
        for (int n = 0; n < used.length; n++) {
            if (!used[n]) {
                throw new IOException(table + "[" + n + "] is referred to by nothing");
            }
        }
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
