package io.github.ftzoutbound.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.RulesetInfo;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision for inventory scans: the same answer and citations (identifiers and labels), without the trace,
 * the notChosen analysis and the clause texts, which make a full record ten times larger. The full record can
 * always be had again by evaluating the request alone. With {@code --with-request} the request is kept, so lean
 * records can be replayed (a replay compares pathways, citations, obligations and warnings, all present here).
 */
@JsonPropertyOrder({"requestId", "decisionId", "evaluatedAt", "evaluationDate", "requestDigest", "regime", "pathway",
        "items", "citations", "obligations", "warnings", "ledger", "ruleset", "engineVersion", "request"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeanDecision(String requestId, String decisionId, Instant evaluatedAt, LocalDate evaluationDate,
                           String requestDigest, Regime regime, Pathway pathway, List<Item> items,
                           List<Citation> citations, List<Code> obligations, List<Code> warnings,
                           Ruleset ruleset, String engineVersion, ExportRequest request,
                           LedgerSnapshot ledger) {
    /** An item's outcome. */
    @JsonPropertyOrder({"itemId", "pathway", "reason", "row", "citations"})
    public record Item(String itemId, Pathway pathway, String reason, int row, List<Citation> citations) {
    }

    /** An obligation or warning by code and items. */
    @JsonPropertyOrder({"code", "itemIds"})
    public record Code(String code, List<String> itemIds) {
    }

    /** Version and digest only. */
    public record Ruleset(String version, String digest) {
        static Ruleset of(RulesetInfo info) {
            return new Ruleset(info.version(), info.digest());
        }
    }

    public static LeanDecision of(ExportDecision d) {
        return new LeanDecision(d.requestId(), d.decisionId(), d.evaluatedAt(), d.evaluationDate(), d.requestDigest(),
                d.regime(), d.pathway(),
                d.items().stream().map(i -> new Item(i.itemId(), i.pathway(), i.reason(), i.row(),
                        lean(i.citations()))).toList(),
                lean(d.citations()),
                d.obligations().stream().map(o -> new Code(o.code(), o.itemIds())).toList(),
                d.warnings().stream().map(w -> new Code(w.code(), w.itemIds())).toList(),
                Ruleset.of(d.ruleset()), d.engineVersion(), d.request(), d.ledger());
    }

    private static List<Citation> lean(List<Citation> citations) {
        return citations.stream().map(c -> new Citation(c.instrument(), c.article(), c.paragraph(), c.item(),
                c.subItem(), c.rule(), c.category(), c.listId(), c.entryId(), c.label(), null)).toList();
    }
}
