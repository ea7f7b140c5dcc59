package io.github.ftzoutbound.model;

/**
 * Persons whose personal information the processor holds (掌握), as the classification reference rules
 * count them. {@code sensitiveAccountOrMedicalIndividuals} is a subset of {@code sensitiveIndividuals}.
 */
public record Holdings(long individuals, long sensitiveIndividuals, long sensitiveAccountOrMedicalIndividuals) {
    public static final Holdings ZERO = new Holdings(0, 0, 0);

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Holdings} ({@code $.processor.holdings}) by name instead of three positional counts. */
    public static final class Builder {
        private final RecordBuilder<Holdings> values = new RecordBuilder<>(Holdings.class);

        private Builder() {
        }

        /** {@code individuals}: all persons whose personal information the processor holds. */
        public Builder individuals(long n) { values.set("individuals", n); return this; }

        /** {@code sensitiveIndividuals}: of them, persons with sensitive personal information. */
        public Builder sensitiveIndividuals(long n) { values.set("sensitiveIndividuals", n); return this; }

        /** {@code sensitiveAccountOrMedicalIndividuals}: of those, persons with financial-account or medical data. */
        public Builder sensitiveAccountOrMedicalIndividuals(long n) { values.set("sensitiveAccountOrMedicalIndividuals", n); return this; }

        public Holdings build() {
            return values.build();
        }
    }
}
