package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.TraceEntry;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every gathering accumulate ({@code $items : List( size > 0 ) from accumulate( P, collectList( … ) )}) has
 * {@code exists P'} before it in its rule, P' being P without bindings, or P's first pattern when P is a
 * conjunction (docs/rule-authoring.md, "Gathering accumulates need their guard"). An accumulate always yields a
 * list, so without the guard Phreak links the rule as soon as its other patterns match and evaluates it on every
 * request; with it the rule stays unlinked while nothing matches (docs/performance.md, "Guarded gathering
 * accumulates"). The guard is a necessary condition of {@code size > 0}, so the rule fires as before.
 */
class GatheringAccumulateGuardTest {

    /** {@code file: rule "…": …} for each gathering accumulate of these files without its guard. */
    static List<String> unguarded(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        for (SourceFile f : files) {
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, f.content());
            } catch (DroolsParserException e) {
                throw new IllegalStateException(f.path(), e);
            }
            assertFalse(parser.hasErrors(), () -> f.path() + ": " + parser.getErrors());
            for (RuleDescr rule : pkg.getRules()) {
                Set<String> guards = new HashSet<>();
                for (BaseDescr d : rule.getLhs().getDescrs()) {
                    if (d instanceof ExistsDescr e && e.getDescrs().size() == 1
                            && e.getDescrs().get(0) instanceof PatternDescr g) {
                        guards.add(shape(g));
                    } else if (d instanceof PatternDescr p && p.getSource() instanceof AccumulateDescr acc
                            && gathering(p)) {
                        String wanted = shape(firstPattern(acc));
                        if (!guards.contains(wanted)) {
                            problems.add(f.path() + ": rule \"" + rule.getName() + "\": the accumulate over "
                                    + wanted + " has no \"exists " + wanted + "\" before it");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** The result pattern of a gathering accumulate: a list required to be non-empty. */
    private static boolean gathering(PatternDescr p) {
        return "List".equals(p.getObjectType()) && constraints(p).contains("size > 0");
    }

    private static PatternDescr firstPattern(AccumulateDescr acc) {
        BaseDescr in = acc.getInput();
        while (in instanceof AndDescr and) {
            in = and.getDescrs().get(0);
        }
        if (in instanceof PatternDescr p) {
            return p;
        }
        throw new IllegalStateException("accumulate input of an unexpected shape: " + in);
    }

    /** Type and constraints, bindings left out, whitespace normalised: what a guard must repeat. */
    private static String shape(PatternDescr p) {
        List<String> c = constraints(p);
        return p.getObjectType() + (c.isEmpty() ? "()" : "( " + String.join(", ", c) + " )");
    }

    private static List<String> constraints(PatternDescr p) {
        List<String> out = new ArrayList<>();
        for (BaseDescr d : p.getConstraint().getDescrs()) {
            String e = ((ExprConstraintDescr) d).getExpression().replaceAll("\\s+", " ").trim();
            String unbound = e.replaceFirst("^\\$\\w+\\s*:\\s*", "");
            // "$i : item" only binds; "$x : a > 1" would bind and constrain, so its constraint stays.
            if (!(unbound.length() < e.length() && unbound.matches("[\\w.]+"))) {
                out.add(unbound);
            }
        }
        return out;
    }

    @Test
    void everyGatheringAccumulateOfTheBundledRulesHasItsGuard() {
        List<SourceFile> drl = ClasspathFiles.under("rules", ".drl");
        assertEquals(List.of(), unguarded(drl));
        // The check saw the gathering accumulates: a copy with every guard removed is refused at each of them.
        List<SourceFile> stripped = drl.stream().map(f -> new SourceFile(f.path(),
                f.content().replaceAll("(?m)^\\s*exists (ItemRuling|ExportItem|ListEntryFact|ListApplies)\\(.*\\)\\s*$",
                        ""))).toList();
        assertEquals(68, unguarded(stripped).size(), () -> String.join("\n", unguarded(stripped)));
    }

    private static final String RULE = """
            package rules.test
            import io.github.ftzoutbound.engine.facts.*;
            import java.util.List;
            rule "Gathers"
            when
                ExportCase()
            %s
                $items : List( size > 0 ) from accumulate( $i : ExportItem( holdsPersonalInformation, fieldsGiven )
                                                           and not OnList( item == $i ), collectList( $i ) )
            then
            end
            """;

    @Test
    void aGuardMustRepeatThePatternItsAccumulateGathersOver() {
        SourceFile none = new SourceFile("rules/test/a.drl", RULE.formatted(""));
        assertEquals(List.of("rules/test/a.drl: rule \"Gathers\": the accumulate over ExportItem( holdsPersonalInformation, "
                + "fieldsGiven ) has no \"exists ExportItem( holdsPersonalInformation, fieldsGiven )\" before it"),
                unguarded(List.of(none)));
        // Another pattern is no guard: it is not a necessary condition of this accumulate's list being non-empty.
        assertEquals(1, unguarded(List.of(new SourceFile("rules/test/b.drl",
                RULE.formatted("    exists ExportItem( holdsPersonalInformation )")))).size());
        // The first pattern of the conjunction, bindings left out, is the guard.
        assertEquals(List.of(), unguarded(List.of(new SourceFile("rules/test/c.drl",
                RULE.formatted("    exists ExportItem( holdsPersonalInformation, fieldsGiven )")))));
    }

    private static ExportDecision tenItemsZhejiang() throws IOException {
        return TestServices.bundled().evaluateJson(
                Files.readString(Path.of("src/test/resources/requests/ten-items-zhejiang.json")));
    }

    private static List<String> keys(List<Citation> citations) {
        return citations.stream().map(Citation::key).toList();
    }

    @Test
    void aGuardedDutyOfTheRequestStillFiresOnceWithItsItemsAndClause() throws IOException {
        ExportDecision d = tenItemsZhejiang();
        List<String> listItems = d.items().stream().filter(i -> i.row() == 5 || i.row() == 10 || i.row() == 11)
                .map(ItemDecision::itemId).toList();
        assertFalse(listItems.isEmpty());
        List<TraceEntry> fired = d.trace().stream().filter(e -> e.rule().startsWith("ZJ 10(1): ")).toList();
        assertEquals(1, fired.size(), fired::toString);
        assertEquals(listItems, fired.get(0).itemIds());
        var duty = d.obligations().stream().filter(o -> o.code().equals("ZONE_APPLICATION")).findFirst().orElseThrow();
        assertEquals(listItems, duty.itemIds());
        assertTrue(keys(duty.citations()).contains("ZJ-MEASURES art10 item1"), () -> keys(duty.citations()).toString());
    }

    @Test
    void aProposalGuardedByTheFirstPatternOfItsConjunctionStillFiresForExactlyItsItems() throws IOException {
        ExportDecision d = tenItemsZhejiang();
        // ZJ 11(2), other data: items without personal information, fields given, not notified important data, and
        // not on the list as important data. Here: the two order-totals items, which no row puts on the list.
        List<TraceEntry> fired = d.trace().stream()
                .filter(e -> e.rule().equals("ZJ 11(2): where the list applies, other data off the list flows freely"))
                .toList();
        assertEquals(1, fired.size(), fired::toString);
        assertEquals(List.of("item-2", "item-6"), fired.get(0).itemIds());
        for (String id : List.of("item-2", "item-6")) {
            ItemDecision item = d.items().stream().filter(i -> i.itemId().equals(id)).findFirst().orElseThrow();
            assertEquals(15, item.row(), item::toString);
            assertTrue(keys(item.citations()).contains("ZJ-MEASURES art11 item2"), () -> keys(item.citations()).toString());
        }
    }

    @Test
    void withNothingToGatherTheGuardedRulesDoNotFire() throws IOException {
        // The same request with its two non-personal items only: nothing on a list row, no personal information.
        String json = Files.readString(Path.of("src/test/resources/requests/ten-items-zhejiang.json"));
        ExportDecision all = tenItemsZhejiang();
        ExportDecision d = TestServices.bundled().evaluateJson(json.replaceAll(
                "(?s)\"dataItems\"\\s*:\\s*\\[.*\\]\\s*}\\s*$",
                "\"dataItems\": [{\"id\": \"item-2\", \"fields\": [\"ORDER_TOTALS\"], "
                        + "\"personalInformation\": {\"individuals\": 0}}]}"));
        assertEquals(List.of("item-2"), d.items().stream().map(ItemDecision::itemId).toList());
        Set<String> rules = d.trace().stream().map(TraceEntry::rule).collect(Collectors.toSet());
        assertFalse(rules.contains("ZJ 10(1): a processor using the list first applies to its FTZ area"), rules::toString);
        assertFalse(rules.contains("ZJ 11(2): where the list applies, personal information off the list flows freely"),
                rules::toString);
        assertTrue(rules.contains("ZJ 11(2): where the list applies, other data off the list flows freely"),
                rules::toString);
        assertTrue(d.obligations().stream().noneMatch(o -> o.code().equals("ZONE_APPLICATION")), d::toString);
        assertTrue(all.trace().stream().anyMatch(
                e -> e.rule().equals("ZJ 11(2): where the list applies, personal information off the list flows freely")));
    }
}
