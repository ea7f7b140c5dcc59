package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/**
 * How one data item must be cleared, why ({@code reason}, and {@code row}: the row of the legal reading that
 * decided it), the clauses of the rules that decided it, the deciding condition with its figures
 * ({@code explanation}, in English and Chinese), and for each stricter pathway the conditions that were not met
 * ({@code notChosen}). {@code route} names the regime a list row sends the item to when the row routes outside the
 * three pathways (pathway STRICTER_REGIME), else it is absent.
 */
@JsonPropertyOrder({"itemId", "pathway", "route", "reason", "row", "citations", "explanation", "explanationZh",
        "notChosen"})
public record ItemDecision(String itemId, Pathway pathway, String reason, int row, List<Citation> citations,
                           String explanation, String explanationZh, List<NotChosen> notChosen, String route) {
    public ItemDecision {
        citations = citations == null ? List.of() : List.copyOf(citations);
        notChosen = notChosen == null ? List.of() : notChosen instanceof LazyList<NotChosen> ? notChosen
                : List.copyOf(notChosen);
    }

    /** An item decided without a list route outside the three pathways. */
    public ItemDecision(String itemId, Pathway pathway, String reason, int row, List<Citation> citations,
                        String explanation, String explanationZh, List<NotChosen> notChosen) {
        this(itemId, pathway, reason, row, citations, explanation, explanationZh, notChosen, null);
    }
}
