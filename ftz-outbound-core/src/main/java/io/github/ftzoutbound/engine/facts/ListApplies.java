package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/** Derived in DRL: this list applies to the request (FTZ, sector, scenario, date). Its sector is "covered". */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class ListApplies {
    private final NegativeListFact list;

    public ListApplies(NegativeListFact list) {
        this.list = list;
    }

    public NegativeListFact getList() { return list; }
}
