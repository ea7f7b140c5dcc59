package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A duty that comes with the decision whatever the pathway, with the items it concerns and its clauses. */
@JsonPropertyOrder({"code", "itemIds", "citations", "message"})
public record Obligation(String code, List<String> itemIds, List<Citation> citations, String message) {
    public Obligation {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
