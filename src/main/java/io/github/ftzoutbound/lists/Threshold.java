package io.github.ftzoutbound.lists;

/**
 * The volume from which an entry applies, compared with the annual totals. Either bound reached puts the data
 * on the list; an entry without a threshold applies whatever the volume.
 */
public record Threshold(Long individualsAtLeast, Long sensitiveIndividualsAtLeast) {
}
