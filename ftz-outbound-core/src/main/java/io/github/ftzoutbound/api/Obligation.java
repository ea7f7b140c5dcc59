package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A duty that comes with the decision whatever the pathway, with the items it concerns and its clauses.
 * {@code message} is in English and {@code messageZh} in Chinese, both from the rules' metadata (a list's own duty
 * quotes the list); {@code messageZh} is null in records written before 0.2.0.
 */
@JsonPropertyOrder({"code", "itemIds", "citations", "message", "messageZh"})
public record Obligation(String code, List<String> itemIds, List<Citation> citations, String message,
                         String messageZh) {
    public Obligation {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
