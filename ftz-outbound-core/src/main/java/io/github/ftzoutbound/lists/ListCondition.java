package io.github.ftzoutbound.lists;

/**
 * A condition a list declares and a request answers in {@code dataItems[].conditions}, e.g. "already filed with
 * the industry authority". A row naming it under {@code unless} does not put an item on the list when the item
 * answers true.
 */
public record ListCondition(String code, String zh, String en) {
}
