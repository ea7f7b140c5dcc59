package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import org.kie.api.definition.rule.Rule;

/**
 * A clause that joins an item's citations once the item is decided, without proposing a pathway itself:
 * Jiangsu Art. 24 / Zhejiang Art. 18 ("data of sectors no list covers follows national rules") beside the
 * national clause that decided.
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class Supplement {
    private final ExportItem item;
    private final Rule rule;
    private final AdoptionFact adoption;

    public Supplement(ExportItem item, Rule rule) {
        this(item, rule, null);
    }

    /** JS 24 para 2 / ZJ 19 beside a decision resting on an adopted list: the adoption is cited too. */
    public Supplement(ExportItem item, Rule rule, AdoptionFact adoption) {
        this.item = item;
        this.rule = rule;
        this.adoption = adoption;
    }

    public AdoptionFact getAdoption() { return adoption; }

    public ExportItem getItem() { return item; }
    public Rule getRule() { return rule; }
}
