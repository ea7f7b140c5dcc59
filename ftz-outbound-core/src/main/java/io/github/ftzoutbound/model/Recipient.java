package io.github.ftzoutbound.model;

/** The overseas recipient. Informational: no rule depends on it yet. */
public record Recipient(String name, String country) {

    /** A recipient by name and ISO 3166-1 alpha-2 country code ({@code $.recipient}). */
    public static Recipient of(String name, String country) {
        return new Recipient(name, country);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Recipient} ({@code $.recipient}). A new field is one more setter line. */
    public static final class Builder {
        private final RecordBuilder<Recipient> values = new RecordBuilder<>(Recipient.class);

        private Builder() {
        }

        /** {@code $.recipient.name}. */
        public Builder name(String name) { values.set("name", name); return this; }

        /** {@code $.recipient.country}: ISO 3166-1 alpha-2, e.g. {@code DE}. */
        public Builder country(String country) { values.set("country", country); return this; }

        public Recipient build() {
            return values.build();
        }
    }
}
