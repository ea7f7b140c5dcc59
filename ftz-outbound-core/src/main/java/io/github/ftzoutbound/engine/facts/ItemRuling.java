package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.model.Pathway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The resolved decision for one item: the candidates of the first applicable row. When several candidates of
 * that row name different pathways (several negative-list entries), the strictest holds.
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class ItemRuling {
    private final ExportItem item;
    private final int row;
    private final Pathway pathway;
    private final List<Candidate> deciding;

    public ItemRuling(ExportItem item, Collection<?> winners) {
        if (winners.isEmpty()) {
            throw new IllegalStateException("no candidate for item " + item.getId());
        }
        this.item = item;
        this.deciding = new ArrayList<>();
        Pathway strictest = Pathway.EXEMPT;
        int r = -1;
        for (Object o : winners) {
            Candidate c = (Candidate) o;
            deciding.add(c);
            strictest = Pathway.strictest(strictest, c.getPathway());
            r = c.getRow();
        }
        this.row = r;
        this.pathway = strictest;
    }

    public ExportItem getItem() { return item; }
    public int getRow() { return row; }
    public Pathway getPathway() { return pathway; }
    public int getPathwayRank() { return pathway.ordinal(); }
    public boolean isExempt() { return pathway == Pathway.EXEMPT; }
    public List<Candidate> getDeciding() { return deciding; }

    /** A deciding candidate rests on a row of this list (the rows an item's ruling cites). */
    public boolean restsOn(NegativeListFact list) {
        for (Candidate c : deciding) {
            if (c.getEntry() != null && c.getEntry().getList() == list) {
                return true;
            }
        }
        return false;
    }
}
