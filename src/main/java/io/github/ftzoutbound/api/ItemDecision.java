package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/**
 * How one data item must be cleared, why ({@code reason}, and {@code row}: the row of the legal reading that
 * decided it), and the clauses of the rules that decided it.
 */
@JsonPropertyOrder({"itemId", "pathway", "reason", "row", "citations"})
public record ItemDecision(String itemId, Pathway pathway, String reason, int row, List<Citation> citations) {
    public ItemDecision {
        citations = List.copyOf(citations);
    }
}
