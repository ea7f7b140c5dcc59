package io.github.ftzoutbound.model;

/**
 * Persons whose personal information the processor holds (掌握), as the classification reference rules
 * count them. {@code sensitiveAccountOrMedicalIndividuals} is a subset of {@code sensitiveIndividuals}.
 */
public record Holdings(long individuals, long sensitiveIndividuals, long sensitiveAccountOrMedicalIndividuals) {
    public static final Holdings ZERO = new Holdings(0, 0, 0);
}
