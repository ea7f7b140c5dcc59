package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;

import java.time.LocalDate;
import java.util.List;

/** The cited decision for one request (contract.md, Decision). */
@JsonPropertyOrder({"requestId", "decisionId", "evaluationDate", "regime", "pathway", "items", "citations",
        "obligations", "warnings", "ruleset", "engineVersion", "trace"})
public record ExportDecision(String requestId, String decisionId, LocalDate evaluationDate, Regime regime,
                             Pathway pathway, List<ItemDecision> items, List<Citation> citations,
                             List<Obligation> obligations, List<Warning> warnings, RulesetInfo ruleset,
                             String engineVersion, List<TraceEntry> trace) {
    public ExportDecision {
        items = List.copyOf(items);
        citations = List.copyOf(citations);
        obligations = List.copyOf(obligations);
        warnings = List.copyOf(warnings);
        trace = List.copyOf(trace);
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
