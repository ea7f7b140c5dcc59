package io.github.ftzoutbound.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One legal case: a name in words, a request in the contract's JSON shape, and what the decision must show.
 * {@code source} is {@code file:line} for failure messages.
 */
public record Scenario(String name, JsonNode request, JsonNode expect, String source) {
}
