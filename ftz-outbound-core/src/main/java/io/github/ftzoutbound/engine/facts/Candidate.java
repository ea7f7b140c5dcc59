package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.model.Pathway;
import org.kie.api.definition.rule.Rule;

/**
 * A rule's proposal for an item: "my clause applies, and it says this pathway". Its row in the legal
 * reading's table is the {@code @row} metadata of the proposing rule, so the row lives beside the clause in
 * DRL. The resolution rule picks the lowest row; every candidate stays in the trace.
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class Candidate {
    private final ExportItem item;
    private final Pathway pathway;
    private final Rule rule;
    private final int row;
    private final ListEntryFact entry;

    public Candidate(ExportItem item, Pathway pathway, Rule rule) {
        this(item, pathway, rule, null);
    }

    /** The rule's proposal for the item: the pathway is the rule's {@code @outcome}, its row its {@code @row}. */
    public static Candidate propose(ExportItem item, Rule rule) {
        return new Candidate(item, RuleMeta.outcome(rule), rule, null);
    }

    /** As {@link #propose(ExportItem, Rule)}, resting on a negative-list entry that is cited beside the rule. */
    public static Candidate propose(ExportItem item, Rule rule, ListEntryFact entry) {
        return new Candidate(item, RuleMeta.outcome(rule), rule, entry);
    }

    /** A proposal that rests on a negative-list entry: the entry is cited beside the rule's clause. */
    public Candidate(ExportItem item, Pathway pathway, Rule rule, ListEntryFact entry) {
        this.item = item;
        this.pathway = pathway;
        this.rule = rule;
        this.entry = entry;
        this.row = RuleMeta.row(rule);
    }

    public ExportItem getItem() { return item; }
    public Pathway getPathway() { return pathway; }
    public Rule getRule() { return rule; }
    public int getRow() { return row; }
    public ListEntryFact getEntry() { return entry; }

    @Override
    public String toString() {
        return "Candidate[" + item.getId() + " row " + row + " " + pathway + " by " + rule.getName() + "]";
    }
}
