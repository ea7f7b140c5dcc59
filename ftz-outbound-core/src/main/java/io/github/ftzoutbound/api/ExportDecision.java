package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.ftzoutbound.model.ExportRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The cited decision for one request (contract.md, Decision), and the decision record of docs/decision-record.md:
 * two evaluations of one request under one rule set differ only in {@code decisionId} and {@code evaluatedAt}.
 *
 * <p>What most callers never read is computed when first read, once, from what the evaluation kept (issue 14): the
 * request digest ({@code lazyRequestDigest}, read through {@link #requestDigest()}), the items' explanations, the
 * obligations' and warnings' messages, {@code notChosen} and the trace. A lean record without its request reads none
 * of them. Equality is by value, as before they were lazy: {@code equals} and {@code hashCode} compare what two
 * decisions state, and so compute what they compare.
 */
@JsonPropertyOrder({"requestId", "decisionId", "evaluatedAt", "evaluationDate", "requestDigest", "regime", "pathway",
        "items", "citations", "obligations", "warnings", "ledger", "ruleset", "engineVersion", "trace", "request"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportDecision(String requestId, String decisionId, Instant evaluatedAt, LocalDate evaluationDate,
                             @JsonIgnore Lazy<String> lazyRequestDigest, Regime regime, Pathway pathway,
                             List<ItemDecision> items,
                             List<Citation> citations, List<Obligation> obligations, List<Warning> warnings,
                             RulesetInfo ruleset, String engineVersion, List<TraceEntry> trace,
                             ExportRequest request, LedgerSnapshot ledger) {
    public ExportDecision {
        lazyRequestDigest = lazyRequestDigest == null ? Lazy.known(null) : lazyRequestDigest;
        items = items == null ? List.of() : List.copyOf(items);
        citations = citations == null ? List.of() : List.copyOf(citations);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        trace = trace == null ? List.of() : trace instanceof LazyList<TraceEntry> ? trace : List.copyOf(trace);
    }

    /** A decision whose request digest is known (read from a record, or built by a caller). */
    @JsonCreator
    public ExportDecision(@JsonProperty("requestId") String requestId, @JsonProperty("decisionId") String decisionId,
                          @JsonProperty("evaluatedAt") Instant evaluatedAt,
                          @JsonProperty("evaluationDate") LocalDate evaluationDate,
                          @JsonProperty("requestDigest") String requestDigest, @JsonProperty("regime") Regime regime,
                          @JsonProperty("pathway") Pathway pathway, @JsonProperty("items") List<ItemDecision> items,
                          @JsonProperty("citations") List<Citation> citations,
                          @JsonProperty("obligations") List<Obligation> obligations,
                          @JsonProperty("warnings") List<Warning> warnings,
                          @JsonProperty("ruleset") RulesetInfo ruleset,
                          @JsonProperty("engineVersion") String engineVersion,
                          @JsonProperty("trace") List<TraceEntry> trace,
                          @JsonProperty("request") ExportRequest request,
                          @JsonProperty("ledger") LedgerSnapshot ledger) {
        this(requestId, decisionId, evaluatedAt, evaluationDate, Lazy.known(requestDigest), regime, pathway, items,
                citations, obligations, warnings, ruleset, engineVersion, trace, request, ledger);
    }

    /**
     * "sha256:" and the SHA-256 of the evaluated request's canonical JSON (docs/decision-record.md, section 6),
     * computed when first read: a caller that wants only the answer, or a lean record, never computes it.
     */
    @JsonProperty("requestDigest")
    public String requestDigest() {
        return lazyRequestDigest.get();
    }

    /** A decision made without the annual ledger (the shape before {@code ledger} was added). */
    public ExportDecision(String requestId, String decisionId, Instant evaluatedAt, LocalDate evaluationDate,
                          String requestDigest, Regime regime, Pathway pathway, List<ItemDecision> items,
                          List<Citation> citations, List<Obligation> obligations, List<Warning> warnings,
                          RulesetInfo ruleset, String engineVersion, List<TraceEntry> trace, ExportRequest request) {
        this(requestId, decisionId, evaluatedAt, evaluationDate, requestDigest, regime, pathway, items, citations,
                obligations, warnings, ruleset, engineVersion, trace, request, null);
    }

    /**
     * This decision with what the annual ledger showed when it was made (docs/ledger.md): the counting policy,
     * the totals used, the splitting window and when the reservation expires.
     */
    public ExportDecision withLedger(LedgerSnapshot snapshot) {
        return new ExportDecision(requestId, decisionId, evaluatedAt, evaluationDate, lazyRequestDigest, regime,
                pathway, items, citations, obligations, warnings, ruleset, engineVersion, trace, request, snapshot);
    }

    /**
     * This decision with the validated request embedded (as evaluated, evaluation date filled in): a decision
     * record an auditor can replay. {@code requestDigest} is the SHA-256 of that request's canonical JSON.
     */
    public ExportDecision withRequest(ExportRequest evaluated) {
        return new ExportDecision(requestId, decisionId, evaluatedAt, evaluationDate, lazyRequestDigest, regime,
                pathway, items, citations, obligations, warnings, ruleset, engineVersion, trace, evaluated, ledger);
    }

    public ItemDecision item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + itemId));
    }

    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }

    public boolean hasObligation(String code) {
        return obligations.stream().anyMatch(o -> o.code().equals(code));
    }
}
