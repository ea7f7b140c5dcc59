package io.github.ftzoutbound.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One legal case: a name in words, a request in the contract's JSON shape, and what the decision must show.
 * {@code source} is {@code file:line} for failure messages. {@code ledger}, when not null, is the case's annual
 * ledger: the exports it holds before the request is decided through it (see {@link ScenarioSuites}).
 */
public record Scenario(String name, JsonNode request, JsonNode expect, String source, JsonNode ledger) {
    /** A case decided without a ledger. */
    public Scenario(String name, JsonNode request, JsonNode expect, String source) {
        this(name, request, expect, source, null);
    }
}
