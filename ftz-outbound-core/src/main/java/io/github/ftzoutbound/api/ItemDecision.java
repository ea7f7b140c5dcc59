package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/**
 * How one data item must be cleared, why ({@code reason}, and {@code row}: the row of the legal reading that
 * decided it), the clauses of the rules that decided it, the deciding condition with its figures
 * ({@code explanation}, in English and Chinese), and for each stricter pathway the conditions that were not met
 * ({@code notChosen}). {@code route} names the regime a list row sends the item to when the row routes outside the
 * three pathways (pathway STRICTER_REGIME), else it is absent.
 *
 * <p>The explanations are filled from the rule's text and the item's figures when first read ({@link Lazy}, issue
 * 14): {@code lazyExplanation} holds them, {@link #explanation()} and {@link #explanationZh()} read them, so a
 * caller that wants only the answer, or a lean record, never fills them. Equality is by value: two items are equal
 * when they state the same explanations (comparing reads, and so fills, both), as before the texts were lazy.
 */
@JsonPropertyOrder({"itemId", "pathway", "route", "reason", "row", "citations", "explanation", "explanationZh",
        "notChosen"})
public record ItemDecision(String itemId, Pathway pathway, String reason, int row, List<Citation> citations,
                           @JsonIgnore Lazy<Bilingual> lazyExplanation, List<NotChosen> notChosen, String route) {
    public ItemDecision {
        citations = citations == null ? List.of() : List.copyOf(citations);
        lazyExplanation = lazyExplanation == null ? Lazy.known(Bilingual.NONE) : lazyExplanation;
        notChosen = notChosen == null ? List.of() : notChosen instanceof LazyList<NotChosen> ? notChosen
                : List.copyOf(notChosen);
    }

    /** An item whose explanations are known (read from a record, or built by a caller). */
    @JsonCreator
    public ItemDecision(@JsonProperty("itemId") String itemId, @JsonProperty("pathway") Pathway pathway,
                        @JsonProperty("reason") String reason, @JsonProperty("row") int row,
                        @JsonProperty("citations") List<Citation> citations,
                        @JsonProperty("explanation") String explanation,
                        @JsonProperty("explanationZh") String explanationZh,
                        @JsonProperty("notChosen") List<NotChosen> notChosen, @JsonProperty("route") String route) {
        this(itemId, pathway, reason, row, citations, Lazy.known(new Bilingual(explanation, explanationZh)),
                notChosen, route);
    }

    /** An item decided without a list route outside the three pathways. */
    public ItemDecision(String itemId, Pathway pathway, String reason, int row, List<Citation> citations,
                        String explanation, String explanationZh, List<NotChosen> notChosen) {
        this(itemId, pathway, reason, row, citations, explanation, explanationZh, notChosen, null);
    }

    /** The deciding condition with its figures, in English (filled when first read). */
    @JsonProperty("explanation")
    public String explanation() {
        return lazyExplanation.get().en();
    }

    /** The deciding condition with its figures, in Chinese (filled when first read). */
    @JsonProperty("explanationZh")
    public String explanationZh() {
        return lazyExplanation.get().zh();
    }
}
