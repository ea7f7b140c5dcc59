package io.github.ftzoutbound;

import io.github.ftzoutbound.api.ExportDecisionService;

/** One bundled service for the whole test run: compiling the rules takes seconds, evaluating microseconds. */
public final class TestServices {
    private static ExportDecisionService bundled;

    private TestServices() {
    }

    public static synchronized ExportDecisionService bundled() {
        if (bundled == null) {
            bundled = ExportDecisionService.bundled();
        }
        return bundled;
    }
}
