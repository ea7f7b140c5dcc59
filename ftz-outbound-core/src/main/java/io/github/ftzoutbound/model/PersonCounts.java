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
}
