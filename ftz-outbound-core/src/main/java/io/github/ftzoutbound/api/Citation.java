package io.github.ftzoutbound.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * One clause a decision relies on: which instrument and where in it, the Chinese reference ({@code label})
 * and the clause's original wording ({@code text}). List entries are cited with {@code NEGATIVE-LIST},
 * {@code listId} and {@code entryId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"instrument", "article", "paragraph", "item", "subItem", "rule", "category", "listId", "entryId",
        "label", "text"})
public record Citation(String instrument, Integer article, Integer paragraph, Integer item, Integer subItem,
                       Integer rule, Integer category, String listId, String entryId, String label, String text) {
    public Citation {
        Objects.requireNonNull(instrument, "instrument");
    }

    /** The identity of the clause, without its label and text: two citations of one clause share it. */
    @JsonIgnore
    public String key() {
        StringBuilder sb = new StringBuilder(instrument);
        append(sb, "art", article);
        append(sb, "para", paragraph);
        append(sb, "item", item);
        append(sb, "sub", subItem);
        append(sb, "rule", rule);
        append(sb, "cat", category);
        if (listId != null) {
            sb.append(' ').append(listId);
        }
        if (entryId != null) {
            sb.append(' ').append(entryId);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, Integer value) {
        if (value != null) {
            sb.append(' ').append(name).append(value);
        }
    }

    @Override
    public String toString() {
        return key();
    }
}
