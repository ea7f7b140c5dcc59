package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/** Derived in DRL: the adopted list applies to this request through the adoption. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class AdoptionApplies {
    private final AdoptionFact adoption;

    public AdoptionApplies(AdoptionFact adoption) {
        this.adoption = adoption;
    }

    public AdoptionFact getAdoption() { return adoption; }
    public NegativeListFact getList() { return adoption.getList(); }
}
