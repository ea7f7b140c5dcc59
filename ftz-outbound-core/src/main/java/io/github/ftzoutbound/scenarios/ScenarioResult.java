package io.github.ftzoutbound.scenarios;

import io.github.ftzoutbound.api.ExportDecision;

import java.util.List;

/** The outcome of one scenario: passed when {@code failures} is empty. The decision is null for invalid input. */
public record ScenarioResult(Scenario scenario, ExportDecision decision, List<String> failures) {
    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
