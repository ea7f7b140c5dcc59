package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.engine.facts.Outcome;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.RequestReader;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The trace's order does not depend on the order Drools fired rules of equal rank: phase, then the first item the
 * firing concerns (request-wide first), then file and rule name, then list rows. Firings are built in memory from
 * the bundled rule set's rules (no DRL is compiled).
 */
class TraceTest {
    private static final RuleSet RULES = TestServices.bundled().ruleSet();

    private static RuleImpl withSalience(String name, int salience) {
        RuleImpl r = new RuleImpl(name);
        r.setSalience(new org.drools.base.base.SalienceInteger(salience));
        return r;
    }

    @Test
    void aRuleSortsByThePhaseOfItsSalienceAndAnUnknownSalienceLast() {
        for (int i = 0; i < Phase.values().length; i++) {
            assertEquals(i, Trace.phaseOf(withSalience("r", Phase.values()[i].salience())));
        }
        assertEquals(Phase.values().length, Trace.phaseOf(withSalience("r", 7)));
        assertEquals(Phase.values().length, Trace.phaseOf(new RuleImpl("no salience")));
    }

    private static List<ExportItem> items() {
        ExportRequest r = RequestReader.read("{\"requestId\":\"T\",\"evaluationDate\":\"2026-11-23\","
                + "\"processor\":{\"ftz\":\"ZHEJIANG\",\"zone\":\"NINGBO\",\"ciio\":false,"
                + "\"sector\":\"CROSS_BORDER_ECOMMERCE\"},\"scenario\":\"CROSS_BORDER_ECOMMERCE_PLATFORM\","
                + "\"dataItems\":[{\"id\":\"first\",\"fields\":[\"BUYER_NAME\"],\"personalInformation\":{\"individuals\":1}},"
                + "{\"id\":\"second\",\"fields\":[\"ORDER_TOTALS\"]}]}");
        List<ExportItem> out = new ArrayList<>();
        for (int i = 0; i < r.dataItems().size(); i++) {
            out.add(new ExportItem(r.dataItems().get(i), i, r.basis()));
        }
        return out;
    }

    /** Two bundled rules of one phase between the first and the last, in files in this order. */
    private static List<Rule> twoRulesOfOnePhase() {
        for (int phase = 1; phase < Phase.values().length - 1; phase++) {
            final int p = phase;
            List<Rule> of = RULES.rules().stream().filter(r -> Trace.phaseOf(r) == p)
                    .sorted(java.util.Comparator.comparing(RULES::sourceOf).thenComparing(Rule::getName)).toList();
            for (int i = 1; i < of.size(); i++) {
                if (!RULES.sourceOf(of.get(0)).equals(RULES.sourceOf(of.get(i)))) {
                    return List.of(of.get(0), of.get(i));
                }
            }
        }
        throw new AssertionError("no phase with rules in two files");
    }

    @Test
    void firingsAreOrderedByPhaseThenFirstItemThenFileAndNameWhateverTheirFiringOrder() {
        List<ExportItem> items = items();
        List<Rule> same = twoRulesOfOnePhase();
        Rule early = RULES.rules().stream().filter(r -> Trace.phaseOf(r) == 0).findFirst().orElseThrow();
        Rule late = RULES.rules().stream().filter(r -> Trace.phaseOf(r) == Phase.values().length - 1)
                .findFirst().orElseThrow();
        List<Outcome.Firing> fired = List.of(
                new Outcome.Firing(late, List.of()),
                new Outcome.Firing(same.get(0), List.of(items.get(1))),
                new Outcome.Firing(same.get(1), List.of(items.get(0))),
                new Outcome.Firing(same.get(1), List.of()),
                new Outcome.Firing(same.get(0), List.of(items.get(0))),
                new Outcome.Firing(early, List.of(items.get(1), items.get(0))));
        List<TraceEntry> trace = Trace.entries(RULES, fired);
        List<String> shown = trace.stream().map(e -> e.rule() + " " + e.itemIds()).toList();
        assertEquals(List.of(
                early.getName() + " [second, first]",
                same.get(1).getName() + " []",
                same.get(0).getName() + " [first]",
                same.get(1).getName() + " [first]",
                same.get(0).getName() + " [second]",
                late.getName() + " []"), shown);
        assertEquals(RULES.sourceOf(early), trace.get(0).source());
        // Reversed firing order, same trace.
        List<Outcome.Firing> reversed = new ArrayList<>(fired);
        java.util.Collections.reverse(reversed);
        assertEquals(trace, Trace.entries(RULES, reversed));
    }

    @Test
    void aFiringCitesItsRulesClauseAndTheListRowsOfItsMatch() {
        List<Object> facts = RULES.listFacts();
        List<ListEntryFact> rows = facts.stream().filter(f -> f instanceof ListEntryFact).map(f -> (ListEntryFact) f)
                .limit(2).toList();
        Rule cited = RULES.rules().stream().filter(r -> RULES.citationOf(r).isPresent()).findFirst().orElseThrow();
        Rule uncited = RULES.rules().stream().filter(r -> r.getMetaData().get("noClause") != null).findFirst()
                .orElseThrow();
        ExportItem item = items().get(0);
        TraceEntry withRows = Trace.entries(RULES, List.of(new Outcome.Firing(cited,
                List.of(rows.get(1), item, rows.get(0), rows.get(1))))).get(0);
        assertEquals(List.of("first"), withRows.itemIds());
        assertEquals(3, withRows.citations().size(), withRows.citations().toString());
        assertEquals(RULES.citationOf(cited).orElseThrow(), withRows.citations().get(0));
        assertEquals(Clauses.of(rows.get(1)), withRows.citations().get(1));
        assertEquals(Clauses.of(rows.get(0)), withRows.citations().get(2));
        TraceEntry bare = Trace.entries(RULES, List.of(new Outcome.Firing(uncited, List.of("not a fact")))).get(0);
        assertEquals(List.of(), bare.citations());
        assertEquals(List.of(), bare.itemIds());
    }

    @Test
    void firingsOfOneRuleAndItemAreOrderedByTheirListRows() {
        List<ListEntryFact> rows = RULES.listFacts().stream().filter(f -> f instanceof ListEntryFact)
                .map(f -> (ListEntryFact) f).sorted(java.util.Comparator.comparing(e -> e.getList().getId() + "/" + e.getId()))
                .limit(2).toList();
        Rule rule = RULES.rules().get(0);
        ExportItem item = items().get(0);
        List<TraceEntry> trace = Trace.entries(RULES, List.of(
                new Outcome.Firing(rule, List.of(item, rows.get(1))),
                new Outcome.Firing(rule, List.of(item, rows.get(0)))));
        assertEquals(rows.get(0).getId(), trace.get(0).citations().get(trace.get(0).citations().size() - 1).entryId());
        assertEquals(rows.get(1).getId(), trace.get(1).citations().get(trace.get(1).citations().size() - 1).entryId());
    }
}
