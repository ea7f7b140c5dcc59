package io.github.ftzoutbound.model;

/** Natural persons whose personal information is concerned: non-sensitive and sensitive tallies, counted apart. */
public record PersonCounts(long individuals, long sensitiveIndividuals) {
    public static final PersonCounts ZERO = new PersonCounts(0, 0);

    public boolean any() {
        return individuals > 0 || sensitiveIndividuals > 0;
    }

    public PersonCounts plus(PersonCounts other) {
        return new PersonCounts(individuals + other.individuals, sensitiveIndividuals + other.sensitiveIndividuals);
    }

    /** {@code individuals} non-sensitive persons and no sensitive ones. */
    public static PersonCounts individuals(long individuals) {
        return new PersonCounts(individuals, 0);
    }

    /** {@code sensitiveIndividuals} sensitive persons and no others. */
    public static PersonCounts sensitive(long sensitiveIndividuals) {
        return new PersonCounts(0, sensitiveIndividuals);
    }

    /** These counts with {@code sensitiveIndividuals} set: {@code PersonCounts.individuals(45_000).andSensitive(20)}. */
    public PersonCounts andSensitive(long sensitiveIndividuals) {
        return new PersonCounts(individuals, sensitiveIndividuals);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PersonCounts} ({@code {"individuals": …, "sensitiveIndividuals": …}}) by name. */
    public static final class Builder {
        private final RecordBuilder<PersonCounts> values = new RecordBuilder<>(PersonCounts.class);

        private Builder() {
        }

        /** {@code individuals}: persons with (only) non-sensitive personal information. */
        public Builder individuals(long n) { values.set("individuals", n); return this; }

        /** {@code sensitiveIndividuals}: persons with sensitive personal information, counted apart. */
        public Builder sensitiveIndividuals(long n) { values.set("sensitiveIndividuals", n); return this; }

        public PersonCounts build() {
            return values.build();
        }
    }
}
