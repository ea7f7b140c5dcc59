package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/** Inserted by a rule that detects an incomplete decision; the engine then refuses to answer. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class EngineFault {
    private final String message;

    public EngineFault(String message) {
        this.message = message;
    }

    public String getMessage() { return message; }
}
