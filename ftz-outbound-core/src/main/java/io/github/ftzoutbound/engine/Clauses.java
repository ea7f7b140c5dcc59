package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import org.kie.api.definition.rule.Rule;

import java.util.Map;
import java.util.Optional;

/**
 * Turns a rule's citation metadata into a {@link Citation}. The keys are those of the contract with two
 * renamings that keep them clear of fact type names (docs/architecture.md, rule metadata): {@code @clauseItem}
 * for the item (项) and {@code @ruleNo} for a classification reference rule.
 *
 * <pre>@instrument("CBDF") @article(5) @paragraph(1) @clauseItem(4)</pre>
 */
final class Clauses {
    private Clauses() {
    }

    /** The clause a rule cites, label and text from the catalog; empty for a rule marked {@code @noClause}. */
    static Optional<Citation> of(Rule rule, CitationCatalog catalog) {
        Map<String, Object> meta = rule.getMetaData();
        Object instrument = meta.get("instrument");
        if (instrument == null) {
            return Optional.empty();
        }
        Citation ref = new Citation(instrument.toString(), integer(meta, "article"), integer(meta, "paragraph"),
                integer(meta, "clauseItem"), integer(meta, "subItem"), integer(meta, "ruleNo"),
                integer(meta, "category"), null, null, null, null);
        return Optional.of(catalog.find(ref).orElseThrow(() -> new IllegalStateException(
                "rule \"" + rule.getName() + "\" cites " + ref.key() + ", which is not in the citation catalog")));
    }

    /** Checks the metadata a rule must carry; returns a problem or null. */
    static String check(Rule rule, CitationCatalog catalog) {
        Map<String, Object> meta = rule.getMetaData();
        if (meta.get("instrument") == null && meta.get("noClause") == null) {
            return "rule \"" + rule.getName() + "\" has no citation metadata (@instrument …, or @noClause(\"why\"))";
        }
        if (meta.get("row") != null) {
            // A proposing rule must say what it gives and explain itself (legal-reading row, pathway, reason,
            // and the texts auditors read in "explanation" and "notChosen").
            for (String key : new String[]{"outcome", "reason", "explain", "explainZh"}) {
                if (meta.get(key) == null) {
                    return "rule \"" + rule.getName() + "\" has @row but no @" + key;
                }
            }
            try {
                io.github.ftzoutbound.model.Pathway outcome = io.github.ftzoutbound.engine.facts.RuleMeta.outcome(rule);
                if (outcome != io.github.ftzoutbound.model.Pathway.EXEMPT
                        && (meta.get("whyNot") == null || meta.get("whyNotZh") == null)) {
                    return "rule \"" + rule.getName() + "\" gives " + outcome + " but has no @whyNot/@whyNotZh";
                }
                io.github.ftzoutbound.engine.facts.RuleMeta.row(rule);
            } catch (RuntimeException e) {
                return "rule \"" + rule.getName() + "\": bad @row or @outcome: " + e.getMessage();
            }
        }
        try {
            of(rule, catalog);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    static Citation of(ListEntryFact entry) {
        return new Citation("NEGATIVE-LIST", null, null, null, null, null, null, entry.getList().getId(),
                entry.getId(), entry.getList().getTitle() + " " + entry.getId(), entry.getDescription());
    }

    /** A list's own duty: the list is cited with the duty's code in place of a row, and the list's wording. */
    static Citation of(io.github.ftzoutbound.engine.facts.DutyFact duty) {
        return new Citation("NEGATIVE-LIST", null, null, null, null, null, null, duty.getList().getId(),
                duty.getCode(), duty.getList().getTitle() + " " + duty.getCode(), duty.getDuty().text());
    }

    /** The adopted list, named with the adoption document that made it apply (JS 24 para 2, ZJ 19). */
    static Citation of(io.github.ftzoutbound.engine.facts.AdoptionFact adoption) {
        var a = adoption.getAdoption();
        return new Citation("NEGATIVE-LIST", null, null, null, null, null, null, a.listId(), null,
                adoption.getList().getTitle() + "（参照执行：" + a.document() + "，" + a.adoptedFrom() + "起）",
                a.quote());
    }

    private static Integer integer(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().trim());
    }
}
