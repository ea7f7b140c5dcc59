package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Something the caller must look at: a fact the engine cannot check, an open legal question that could
 * change the outcome, or a sign of important data. {@code itemIds} is empty for request-wide warnings.
 * {@code message} is in English and {@code messageZh} in Chinese, both from the rules' metadata; {@code messageZh}
 * is null in records written before 0.2.0.
 */
@JsonPropertyOrder({"code", "itemIds", "citations", "message", "messageZh"})
public record Warning(String code, List<String> itemIds, List<Citation> citations, String message,
                         String messageZh) {
    public Warning {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
