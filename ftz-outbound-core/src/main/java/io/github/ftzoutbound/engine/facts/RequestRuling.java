package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.model.Pathway;

/** The request's pathway: the strictest of its items'. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class RequestRuling {
    private final Pathway pathway;

    public RequestRuling(Number strictestRank) {
        this.pathway = Pathway.values()[strictestRank.intValue()];
    }

    public Pathway getPathway() { return pathway; }
}
