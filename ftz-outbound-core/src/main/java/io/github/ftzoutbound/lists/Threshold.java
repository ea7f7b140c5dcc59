package io.github.ftzoutbound.lists;

/**
 * Format 1's threshold: {@code individualsAtLeast} counts non-sensitive persons (T_ns),
 * {@code sensitiveIndividualsAtLeast} sensitive persons (T_s); either bound reached puts the data on the list.
 * Format 2 writes the same as bands ({@link Band}); {@link ListEntry#threshold()} gives this view of a row whose
 * bands fit it.
 */
public record Threshold(Long individualsAtLeast, Long sensitiveIndividualsAtLeast) {
}
