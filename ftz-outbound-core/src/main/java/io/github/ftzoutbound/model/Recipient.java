package io.github.ftzoutbound.model;

/** The overseas recipient. Informational: no rule depends on it yet. */
public record Recipient(String name, String country) {
}
