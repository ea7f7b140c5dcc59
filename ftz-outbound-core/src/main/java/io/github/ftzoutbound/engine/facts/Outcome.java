package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation's rules concluded, collected by their consequences: the DRL global {@code outcome}.
 *
 * <p>A consequence records here what no other rule matches (findings, supplements, the request's pathway, an
 * entry below its threshold) instead of inserting it into working memory, and passes through this collector the
 * facts other rules do match (candidates, list applicability, list membership, item rulings) before inserting
 * them. Every call records the firing (the rule and the facts of its match) for the decision's trace, so the
 * engine needs no agenda listener; the engine checks that every firing was recorded.
 *
 * <p>Also the evaluation's deadline: each recorded firing checks it and halts the session once it has passed.
 * One instance per evaluation, used by one thread; never shared.
 */
public final class Outcome {
    /** One rule firing: the rule and the objects of its match, resolved to items and entries when asked. */
    public record Firing(Rule rule, List<Object> matched) {
    }

    private final long deadlineNanos;
    private final List<Firing> firings = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<ItemRuling> rulings = new ArrayList<>();
    private final List<ListApplies> applicableLists = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Supplement> supplements = new ArrayList<>();
    private final List<RequestRuling> requestRulings = new ArrayList<>();
    private boolean pastDeadline;

    /** A collector whose evaluation halts at {@code deadlineNanos} ({@link System#nanoTime()} scale). */
    public Outcome(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A collector with no deadline (the firing limit still bounds the evaluation). */
    public Outcome() {
        this(Long.MAX_VALUE);
    }

    // ---- called from consequences; {@code drools} is the consequence's rule context (either dialect) ----

    /** Records the firing alone: the rule concluded nothing the decision keeps but its trace entry. */
    public void fired(Object drools) {
        record(drools);
    }

    /**
     * Records the firing with the items it gathered (an accumulate): the rule concluded nothing the decision keeps,
     * and its trace entry names the items and the facts of its match (a list row, say), as the firings once per item
     * would have.
     */
    public void firedFor(Object drools, Collection<ExportItem> items) {
        record(drools, inRequestOrder(items));
    }

    /**
     * A proposing rule that fires once per request for the items its clause applies to (gathered by an
     * {@code accumulate}): one candidate per item, each citing the rule, as if the rule had fired once per item.
     * Returned, in request order, for insertion (the resolution rules match them).
     */
    public List<Candidate> proposeFor(Object drools, Collection<ExportItem> items) {
        List<ExportItem> sorted = inRequestOrder(items);
        Rule rule = record(drools, sorted);
        List<Candidate> out = new ArrayList<>(sorted.size());
        for (ExportItem item : sorted) {
            Candidate c = Candidate.propose(item, rule);
            candidates.add(c);
            out.add(c);
        }
        return out;
    }

    /** The firing rule proposes its {@code @outcome} for the item at its {@code @row}; returned for insertion. */
    public Candidate propose(Object drools, ExportItem item) {
        Candidate c = Candidate.propose(item, record(drools));
        candidates.add(c);
        return c;
    }

    /** As {@link #propose(Object, ExportItem)}, resting on a negative-list entry cited beside the clause. */
    public Candidate propose(Object drools, ExportItem item, ListEntryFact entry) {
        Candidate c = Candidate.propose(item, record(drools), entry);
        candidates.add(c);
        return c;
    }

    /** A fact other rules match (list membership, an applicable list, an item ruling); returned for insertion. */
    public <T> T derived(Object drools, T fact) {
        record(drools);
        if (fact instanceof ItemRuling r) {
            rulings.add(r);
        } else if (fact instanceof ListApplies la) {
            applicableLists.add(la);
        }
        return fact;
    }

    /** An obligation for the item (null: the whole request); its words are the rule's {@code @message}. */
    public void obligation(Object drools, String code, ExportItem item) {
        obligation(drools, code, item, null);
    }

    /** As {@link #obligation(Object, String, ExportItem)}, with values for the message's placeholders. */
    public void obligation(Object drools, String code, ExportItem item, Map<String, ?> args) {
        findings.add(Finding.obligation(code, item, record(drools), args));
    }

    public void warning(Object drools, String code, ExportItem item) {
        warning(drools, code, item, null);
    }

    public void warning(Object drools, String code, ExportItem item, Map<String, ?> args) {
        findings.add(Finding.warning(code, item, record(drools), args));
    }

    /**
     * An obligation that belongs to the request rather than to one item: the rule fires once per request (its
     * items gathered by an {@code accumulate}) and the collector attaches the obligation to each of them, as if
     * the rule had fired once per item (placeholders such as {@code {item}} are filled for each). Items are kept
     * in request order.
     */
    public void obligationFor(Object drools, String code, Collection<ExportItem> items) {
        obligationFor(drools, code, items, null);
    }

    public void obligationFor(Object drools, String code, Collection<ExportItem> items, Map<String, ?> args) {
        List<ExportItem> sorted = inRequestOrder(items);
        Rule rule = record(drools, sorted);
        for (ExportItem item : sorted) {
            findings.add(Finding.obligation(code, item, rule, args));
        }
    }

    /** A warning that belongs to the request: as {@link #obligationFor}. */
    public void warningFor(Object drools, String code, Collection<ExportItem> items) {
        warningFor(drools, code, items, null);
    }

    public void warningFor(Object drools, String code, Collection<ExportItem> items, Map<String, ?> args) {
        List<ExportItem> sorted = inRequestOrder(items);
        Rule rule = record(drools, sorted);
        for (ExportItem item : sorted) {
            findings.add(Finding.warning(code, item, rule, args));
        }
    }

    /**
     * A warning about the rows of one list that decided items: the rule fires once per list with the rulings it
     * gathered, the collector attaches the warning to each ruling's item, and the trace entry names the items and the
     * deciding rows of that list (the candidates resting on them), as the firings once per item and row did.
     */
    public void warningOnRows(Object drools, String code, Collection<ItemRuling> rulings, NegativeListFact list,
                              Map<String, ?> args) {
        List<ItemRuling> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(rulings));
        sorted.sort(java.util.Comparator.comparingInt(r -> r.getItem().getPosition()));
        List<Object> concerned = new ArrayList<>();
        for (ItemRuling r : sorted) {
            concerned.add(r.getItem());
            for (Candidate c : r.getDeciding()) {
                if (c.getEntry() != null && c.getEntry().getList() == list) {
                    concerned.add(c);
                }
            }
        }
        Rule rule = record(drools, concerned);
        for (ItemRuling r : sorted) {
            findings.add(Finding.warning(code, r.getItem(), rule, args));
        }
    }

    private static List<ExportItem> inRequestOrder(Collection<ExportItem> items) {
        List<ExportItem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(items));
        sorted.sort(java.util.Comparator.comparingInt(ExportItem::getPosition));
        return sorted;
    }

    /** A warning that also cites a category row of the FTZ classification reference rules. */
    public void categoryWarning(Object drools, String code, ExportItem item, String instrument, int category) {
        findings.add(Finding.categoryWarning(code, item, record(drools), instrument, category));
    }

    /** A duty the list imposes of its own: the obligation cites the list's wording of it. */
    public void listDuty(Object drools, ExportItem item, DutyFact duty) {
        findings.add(Finding.listDuty(item, record(drools), duty));
    }

    /** JS 24 para 2 / ZJ 19 beside a decision resting on an adopted list: the adoption is cited too. */
    public void supplement(Object drools, ExportItem item, AdoptionFact adoption) {
        supplements.add(new Supplement(item, record(drools), adoption));
    }

    /** The firing rule's clause adds to the item's citations without deciding it. */
    public void supplement(Object drools, ExportItem item) {
        supplements.add(new Supplement(item, record(drools)));
    }

    /** The request's pathway, by its rank. */
    public void conclude(Object drools, int pathwayRank) {
        record(drools);
        requestRulings.add(new RequestRuling(pathwayRank));
    }

    private Rule record(Object drools) {
        return record(drools, List.of());
    }

    /** Records the firing with the items it concerned beyond the objects of its match (an accumulated list). */
    private Rule record(Object drools, List<?> concerned) {
        RuleContext ctx = (RuleContext) drools;
        Rule rule = ctx.getRule();
        List<Object> matched = ctx.getMatch().getObjects();
        if (!concerned.isEmpty()) {
            matched = new ArrayList<>(matched);
            matched.addAll(concerned);
        }
        firings.add(new Firing(rule, matched));
        if (!pastDeadline && deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            pastDeadline = true;
            ctx.getKieRuntime().halt();
        }
        return rule;
    }

    // ---- read by the engine after the session ----

    public List<Firing> firings() { return firings; }
    public List<Candidate> candidates() { return candidates; }
    public List<ItemRuling> rulings() { return rulings; }
    public List<ListApplies> applicableLists() { return applicableLists; }
    public List<Finding> findings() { return findings; }
    public List<Supplement> supplements() { return supplements; }
    public List<RequestRuling> requestRulings() { return requestRulings; }
    public boolean pastDeadline() { return pastDeadline; }
}
