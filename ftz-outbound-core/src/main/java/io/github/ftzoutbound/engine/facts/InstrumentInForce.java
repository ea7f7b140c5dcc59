package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/**
 * An instrument in force on the evaluation date, from the dated parameter file {@code law/instruments.yaml}.
 * Rules that depend on an instrument being in force match this fact; no rule holds a date.
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class InstrumentInForce {
    private final String code;

    public InstrumentInForce(String code) {
        this.code = code;
    }

    /** The instrument code of contract.md (CBDF, NDSR, JS-MEASURES, ZJ-MEASURES, CERT-MEASURES). */
    public String getCode() { return code; }

    @Override
    public String toString() {
        return "InstrumentInForce[" + code + "]";
    }
}
