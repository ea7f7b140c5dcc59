package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One rule that fired, in firing order: its name, its DRL file, the items it concerned and its clauses. */
@JsonPropertyOrder({"rule", "source", "itemIds", "citations"})
public record TraceEntry(String rule, String source, List<String> itemIds, List<Citation> citations) {
    public TraceEntry {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
