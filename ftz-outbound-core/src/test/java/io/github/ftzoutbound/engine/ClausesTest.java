package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.engine.facts.AdoptionFact;
import io.github.ftzoutbound.engine.facts.DutyFact;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.engine.facts.NegativeListFact;
import io.github.ftzoutbound.lists.Adoption;
import io.github.ftzoutbound.lists.ListDuty;
import io.github.ftzoutbound.model.Ftz;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule's citation metadata becomes the clause the decision cites, with the catalog's label and words; a rule
 * without citation metadata, a proposing rule that does not explain itself, or a citation the catalog lacks is
 * named as a load problem. Rules are built in memory (no DRL is compiled).
 */
class ClausesTest {
    static final CitationCatalog CATALOG = catalog();

    private static CitationCatalog catalog() {
        try {
            return CitationCatalog.parse("""
                    - {instrument: CBDF, article: 8, label: 第八条, text: 第八条原文}
                    - {instrument: CBDF, article: 5, paragraph: 1, item: 4, label: 第五条第一款第四项, text: 第四项原文}
                    - {instrument: PIPL, article: 39, subItem: 2, label: 个保法第三十九条, text: 第三十九条原文}
                    - {instrument: JS-RULES, rule: 3, label: 分类规则第三条, text: 规则原文}
                    - {instrument: ZJ-RULES, category: 12, label: 第12类, text: 类别原文}
                    """.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RuleImpl rule(String name, Map<String, Object> meta) {
        RuleImpl r = new RuleImpl(name);
        meta.forEach(r::addMetaAttribute);
        return r;
    }

    @Test
    void structuredMetadataCitesTheCatalogsClause() {
        Citation c = Clauses.of(rule("A", Map.of("instrument", "CBDF", "article", 5, "paragraph", 1,
                "clauseItem", 4)), CATALOG).orElseThrow();
        assertEquals("第五条第一款第四项", c.label());
        assertEquals("第四项原文", c.text());
        assertEquals(Integer.valueOf(4), c.item());
        // Values may come as text (DRL annotations are strings), with spaces.
        assertEquals("第八条", Clauses.of(rule("B", Map.of("instrument", "CBDF", "article", " 8 ")), CATALOG)
                .orElseThrow().label());
        assertEquals("个保法第三十九条", Clauses.of(rule("C", Map.of("instrument", "PIPL", "article", "39",
                "subItem", 2)), CATALOG).orElseThrow().label());
        assertEquals("分类规则第三条", Clauses.of(rule("D", Map.of("instrument", "JS-RULES", "ruleNo", 3)), CATALOG)
                .orElseThrow().label());
        assertEquals("类别原文", Clauses.of(rule("E", Map.of("instrument", "ZJ-RULES", "category", "12")), CATALOG)
                .orElseThrow().text());
        assertTrue(Clauses.of(rule("F", Map.of("noClause", "why")), CATALOG).isEmpty());
    }

    @Test
    void aCitationTheCatalogLacksIsRefusedNamingRuleAndClause() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Clauses.of(rule("Cites nothing", Map.of("instrument", "CBDF", "article", 9)), CATALOG));
        assertEquals("rule \"Cites nothing\" cites CBDF art9, which is not in the citation catalog", e.getMessage());
        assertEquals(e.getMessage(), Clauses.check(rule("Cites nothing", Map.of("instrument", "CBDF", "article", 9)),
                CATALOG));
        // An item is not its paragraph: CBDF 5(1) alone is not catalogued.
        assertTrue(Clauses.check(rule("P", Map.of("instrument", "CBDF", "article", 5, "paragraph", 1)), CATALOG)
                .contains("cites CBDF art5 para1,"));
    }

    @Test
    void everyRuleCitesAClauseOrSaysWhyNot() {
        assertEquals("rule \"Bare\" has no citation metadata (@instrument …, or @noClause(\"why\"))",
                Clauses.check(rule("Bare", Map.of()), CATALOG));
        assertNull(Clauses.check(rule("Why", Map.of("noClause", "engine bookkeeping")), CATALOG));
        assertNull(Clauses.check(rule("Cites", Map.of("instrument", "CBDF", "article", 8)), CATALOG));
    }

    private static Map<String, Object> proposer(String outcome) {
        return new java.util.HashMap<>(Map.of("instrument", "CBDF", "article", 8, "row", "12", "outcome", outcome,
                "reason", "R", "explain", "e", "explainZh", "中", "whyNot", "w", "whyNotZh", "否"));
    }

    @Test
    void aProposingRuleSaysWhatItGivesAndExplainsItselfInBothLanguages() {
        assertNull(Clauses.check(rule("Full", proposer("STANDARD_CONTRACT_OR_CERTIFICATION")), CATALOG));
        for (String key : List.of("outcome", "reason", "explain", "explainZh")) {
            Map<String, Object> meta = proposer("SECURITY_ASSESSMENT");
            meta.remove(key);
            assertEquals("rule \"Lacks\" has @row but no @" + key, Clauses.check(rule("Lacks", meta), CATALOG));
        }
        for (String key : List.of("whyNot", "whyNotZh")) {
            Map<String, Object> meta = proposer("SECURITY_ASSESSMENT");
            meta.remove(key);
            assertEquals("rule \"No why not\" gives SECURITY_ASSESSMENT but has no @whyNot/@whyNotZh",
                    Clauses.check(rule("No why not", meta), CATALOG));
        }
        // Nothing is less strict than an exemption: it needs no why-not.
        Map<String, Object> exempt = proposer("EXEMPT");
        exempt.remove("whyNot");
        exempt.remove("whyNotZh");
        assertNull(Clauses.check(rule("Exempt", exempt), CATALOG));
        // Without @row, a rule proposes nothing and needs none of these.
        assertNull(Clauses.check(rule("Plain", Map.of("instrument", "CBDF", "article", 8, "outcome", "EXEMPT")),
                CATALOG));
    }

    @Test
    void aMalformedRowOrOutcomeIsNamed() {
        Map<String, Object> badOutcome = proposer("MAYBE");
        assertTrue(Clauses.check(rule("Bad", badOutcome), CATALOG).startsWith("rule \"Bad\": bad @row or @outcome: "));
        Map<String, Object> badRow = proposer("EXEMPT");
        badRow.put("row", "twelve");
        assertTrue(Clauses.check(rule("Bad row", badRow), CATALOG).startsWith("rule \"Bad row\": bad @row or @outcome"));
        // A proposer whose metadata is complete but whose citation is not catalogued is still refused.
        Map<String, Object> uncited = proposer("EXEMPT");
        uncited.put("article", 99);
        assertTrue(Clauses.check(rule("Uncited", uncited), CATALOG).contains("not in the citation catalog"));
    }

    @Test
    void listRowsDutiesAndAdoptionsAreCitedInTheListsOwnWords() {
        List<Object> facts = TestServices.bundled().ruleSet().listFacts();
        ListEntryFact row = facts.stream().filter(f -> f instanceof ListEntryFact).map(f -> (ListEntryFact) f)
                .findFirst().orElseThrow();
        Citation r = Clauses.of(row);
        assertEquals("NEGATIVE-LIST", r.instrument());
        assertEquals(row.getList().getId(), r.listId());
        assertEquals(row.getId(), r.entryId());
        assertEquals(row.getList().getTitle() + " " + row.getId(), r.label());
        assertEquals(row.getDescription(), r.text());
        assertNull(r.article());

        NegativeListFact list = row.getList();
        DutyFact duty = new DutyFact(list, new ListDuty("DUTY-1", ListDuty.Kind.FILING_AFTER_EXPORT, 10,
                ListDuty.Scope.LISTED_DATA, null, null, "出境后十个工作日内备案", "file within ten working days", 7));
        Citation d = Clauses.of(duty);
        assertEquals(List.of("NEGATIVE-LIST", list.getId(), "DUTY-1", list.getTitle() + " DUTY-1", "出境后十个工作日内备案"),
                List.of(d.instrument(), d.listId(), d.entryId(), d.label(), d.text()));

        Adoption adoption = new Adoption("ADOPT-1", Ftz.JIANGSU, list.getId(), List.of(), LocalDate.of(2025, 3, 1),
                null, "苏自贸办〔2025〕1号", "参照执行原文", "source");
        Citation a = Clauses.of(new AdoptionFact(adoption, list));
        assertEquals(list.getTitle() + "（参照执行：苏自贸办〔2025〕1号，2025-03-01起）", a.label());
        assertEquals("参照执行原文", a.text());
        assertEquals(list.getId(), a.listId());
        assertNull(a.entryId());
    }
}
