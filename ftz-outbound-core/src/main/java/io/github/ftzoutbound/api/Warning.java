package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Something the caller must look at: a fact the engine cannot check, an open legal question that could
 * change the outcome, or a sign of important data. {@code itemIds} is empty for request-wide warnings.
 */
@JsonPropertyOrder({"code", "itemIds", "citations", "message"})
public record Warning(String code, List<String> itemIds, List<Citation> citations, String message) {
    public Warning {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
