package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

/**
 * Derived in DRL: the rows of this list are read for the request. Every applicable list (ListApplies) has its
 * rows in force; so does an INCOMPLETE list of the processor's FTZ covering its sector, whose rows apply although
 * the list covers nothing it does not list (it never yields ListApplies, so it never exempts).
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class RowsInForce {
    private final NegativeListFact list;

    public RowsInForce(NegativeListFact list) {
        this.list = list;
    }

    public NegativeListFact getList() { return list; }
}
