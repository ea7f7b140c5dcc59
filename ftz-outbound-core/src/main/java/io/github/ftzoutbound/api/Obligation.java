package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A duty that comes with the decision whatever the pathway, with the items it concerns and its clauses.
 * {@code message} is in English and {@code messageZh} in Chinese, both from the rules' metadata (a list's own duty
 * quotes the list); {@code messageZh} is null in records written before 0.2.0.
 *
 * <p>The messages are filled from the rules' texts and the items' figures when first read ({@link Lazy}, issue 14):
 * a caller that wants only the code, or a lean record, never fills them. Equality is by value (comparing reads both).
 */
@JsonPropertyOrder({"code", "itemIds", "citations", "message", "messageZh"})
public record Obligation(String code, List<String> itemIds, List<Citation> citations,
                         @JsonIgnore Lazy<Bilingual> lazyMessages) {
    public Obligation {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        citations = citations == null ? List.of() : List.copyOf(citations);
        lazyMessages = lazyMessages == null ? Lazy.known(Bilingual.NONE) : lazyMessages;
    }

    /** A duty whose messages are known (read from a record, or built by a caller). */
    @JsonCreator
    public Obligation(@JsonProperty("code") String code, @JsonProperty("itemIds") List<String> itemIds,
                 @JsonProperty("citations") List<Citation> citations, @JsonProperty("message") String message,
                 @JsonProperty("messageZh") String messageZh) {
        this(code, itemIds, citations, Lazy.known(new Bilingual(message, messageZh)));
    }

    /** The message in English (filled when first read). */
    @JsonProperty("message")
    public String message() {
        return lazyMessages.get().en();
    }

    /** The message in Chinese (filled when first read). */
    @JsonProperty("messageZh")
    public String messageZh() {
        return lazyMessages.get().zh();
    }
}
