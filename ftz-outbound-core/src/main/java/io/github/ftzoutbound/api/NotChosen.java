package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/**
 * Why an item was not given a stricter pathway: for that pathway, each condition of the law that was not met
 * (or that was met but yields to an earlier row of the reading), with its clauses.
 */
@JsonPropertyOrder({"pathway", "conditions"})
public record NotChosen(Pathway pathway, List<Condition> conditions) {
    public NotChosen {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** One unmet (or outranked) condition, in English and Chinese, with the clauses that state it. */
    @JsonPropertyOrder({"condition", "conditionZh", "citations"})
    public record Condition(String condition, String conditionZh, List<Citation> citations) {
        public Condition {
            citations = citations == null ? List.of() : List.copyOf(citations);
        }
    }
}
