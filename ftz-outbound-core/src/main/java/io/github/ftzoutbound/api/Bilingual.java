package io.github.ftzoutbound.api;

/**
 * A text of a decision in English ({@code en}) and Chinese ({@code zh}), filled together from one rule's metadata
 * and the same figures: an item's explanation, an obligation's or a warning's message. Either may be null (a lean
 * record, or a record written before the Chinese texts).
 */
public record Bilingual(String en, String zh) {
    /** Neither text: what a lean record reads back to. */
    public static final Bilingual NONE = new Bilingual(null, null);
}
