package io.github.ftzoutbound.lists;

import java.util.List;

/**
 * A lint finding the legal team has looked at and accepts, written in the list file with its reason:
 * {@code finding} is the finding's code (OVERLAP, NO_FIELDS, STRICTER_THAN_NATIONAL), {@code rows} the row ids
 * it concerns.
 */
public record Acknowledgement(String finding, List<String> rows, String reason) {
    public Acknowledgement {
        rows = List.copyOf(rows);
    }
}
