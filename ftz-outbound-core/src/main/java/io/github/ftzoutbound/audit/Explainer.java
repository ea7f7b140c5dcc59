package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.NotChosen;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;

import java.util.List;
import java.util.Map;

/** Writes a decision as text for a person, in English or Chinese: what, why, why not stricter, in the law's words. */
public final class Explainer {
    public enum Lang { EN, ZH }

    private static final Map<Pathway, String> PATHWAY_EN = Map.of(
            Pathway.EXEMPT, "exempt (no filing needed)",
            Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, "standard contract or certification",
            Pathway.SECURITY_ASSESSMENT, "security assessment",
            Pathway.STRICTER_REGIME, "a stricter regime (outside the data-export pathways)");
    private static final Map<Pathway, String> PATHWAY_ZH = Map.of(
            Pathway.EXEMPT, "免予申报（免于安全评估、标准合同、认证）",
            Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, "订立个人信息出境标准合同或通过个人信息保护认证",
            Pathway.SECURITY_ASSESSMENT, "申报数据出境安全评估",
            Pathway.STRICTER_REGIME, "更加严格的管理制度（不适用数据出境路径）");
    private static final Map<Regime, String> REGIME_EN = Map.of(Regime.JIANGSU_FTZ, "China (Jiangsu) Pilot FTZ",
            Regime.ZHEJIANG_FTZ, "China (Zhejiang) Pilot FTZ", Regime.NATIONAL, "national rules");
    private static final Map<Regime, String> REGIME_ZH = Map.of(Regime.JIANGSU_FTZ, "中国（江苏）自由贸易试验区",
            Regime.ZHEJIANG_FTZ, "中国（浙江）自由贸易试验区", Regime.NATIONAL, "国家规定");

    private Explainer() {
    }

    public static String pathwayName(Pathway p, Lang lang) {
        return (lang == Lang.ZH ? PATHWAY_ZH : PATHWAY_EN).get(p);
    }

    /**
     * True for a decision read from a lean record (docs/decision-record.md): it has no trace, which every full
     * evaluation has (the engine's own resolution rules fire for every request), and no item explanation.
     */
    public static boolean isLean(ExportDecision d) {
        return d.trace().isEmpty() && d.items().stream().allMatch(i -> i.explanation() == null);
    }

    /**
     * The text for a decision record, as {@code explain} prints it. A full record (or one written before lean
     * records) is explained as it is. A lean record holds the answer and its clauses' ids and labels, not the
     * analysis; an auditor must not be shown an analysis the record does not support, so it is recomputed only
     * when it is provably the record's: the record embeds its request, {@code service} runs the record's rule set
     * (same digest) and re-deciding the request gives the record's answer (replay finds no change). Then, by
     * "same request, same rules, same decision", the analysis is the one the full record held, and the text says
     * that it was recomputed. Otherwise the lean record is explained as it is, with a note naming what it lacks and
     * how to get it.
     */
    public static String explainRecord(ExportDecision d, ExportDecisionService service, Lang lang) {
        if (!isLean(d) || d.request() == null || service == null || d.ruleset() == null
                || !service.ruleset().digest().equals(d.ruleset().digest())) {
            return explain(d, lang);
        }
        Replay.Outcome outcome = Replay.replay(service, d);
        ExportDecision now = outcome.now();
        if (outcome.changed() || !now.requestDigest().equals(d.requestDigest())) {
            return explain(d, lang);
        }
        // The recomputed analysis under the record's own identity (decision id and time).
        ExportDecision same = new ExportDecision(d.requestId(), d.decisionId(), d.evaluatedAt(), d.evaluationDate(),
                d.requestDigest(), d.regime(), d.pathway(), now.items(), now.citations(), now.obligations(),
                now.warnings(), d.ruleset(), d.engineVersion(), now.trace(), d.request(), d.ledger());
        String note = lang == Lang.ZH
                ? "（精简记录：以下分析由记录所含申请在同一规则集（" + t(d.ruleset().digest())
                        + "）下重新计算，结论与记录一致。）\n"
                : "(Lean record: the analysis below was recomputed from its embedded request under the same rule set ("
                        + t(d.ruleset().digest()) + "), which gives the record's decision.)\n";
        return explain(same, lang, note);
    }

    public static String explain(ExportDecision d, Lang lang) {
        String note = null;
        if (isLean(d)) {
            note = lang == Lang.ZH
                    ? "（精简记录：仅含结论及所引条款的编号和名称，不含理由、条款原文、不适用更严格路径的条件、义务与提示的说明和 trace。"
                            + "完整记录见台账（ledger export --decisions），或以 evaluate --record full 重新生成；"
                            + "精简记录若含申请且规则集摘要相同，explain 会重新计算分析。）\n"
                    : "(Lean record: it holds the answer and the ids and labels of its clauses, not the explanations, the"
                            + " clauses' wording, the conditions not met, the messages or the trace. The full record is"
                            + " kept by the ledger (ledger export --decisions) or made with evaluate --record full; a lean"
                            + " record with its request is explained in full when the rule set has the same digest.)\n";
            if (d.requestDigest() == null) {
                // Issue 14: a lean record without its request leaves the digest out; say what that costs.
                note += lang == Lang.ZH
                        ? "（该记录亦无申请摘要（requestDigest）：精简记录仅在含申请时载明摘要，故无从核对该决定所依据的申请。"
                                + "需核对时，请以 evaluate --with-request 生成含申请及摘要的记录，或取完整记录。）\n"
                        : "(It has no request digest (requestDigest) either: a lean record states it only with its"
                                + " request, so nothing in it shows which request was decided. To check that, make"
                                + " the record with evaluate --with-request, which keeps the request and its digest,"
                                + " or use the full record.)\n";
            }
        }
        return explain(d, lang, note);
    }

    private static String explain(ExportDecision d, Lang lang, String note) {
        boolean zh = lang == Lang.ZH;
        StringBuilder sb = new StringBuilder();
        sb.append(zh ? "决定 " : "Decision ").append(t(d.decisionId())).append(zh ? "（请求 " : " for request ")
                .append(t(d.requestId())).append(zh ? "）" : "").append('\n');
        sb.append(zh ? "适用：" : "Under: ").append((zh ? REGIME_ZH : REGIME_EN).get(d.regime()))
                .append(zh ? "；评估日期：" : "; evaluation date ").append(t(d.evaluationDate())).append('\n');
        sb.append(zh ? "结论：" : "Pathway: ").append(pathwayName(d.pathway(), lang)).append(" [")
                .append(t(d.pathway())).append("]\n");
        sb.append(zh ? "规则集：" : "Rule set: ").append(t(d.ruleset().version())).append(" (")
                .append(t(d.ruleset().digest())).append(")\n");
        if (note != null) {
            sb.append(note);
        }
        for (ItemDecision item : d.items()) {
            sb.append('\n').append(zh ? "数据项 " : "Item ").append('"').append(t(item.itemId())).append("\": ")
                    .append(pathwayName(item.pathway(), lang)).append(zh ? "（第" : " (row ").append(t(item.row()))
                    .append(zh ? "行，" : ", ").append(t(item.reason())).append(zh ? "）" : ")").append('\n');
            if (item.route() != null) {
                sb.append(zh ? "  出境路径：" : "  Route: ").append(t(item.route())).append('\n');
            }
            String why = zh ? item.explanationZh() : item.explanation();
            if (why != null) {
                sb.append(zh ? "  理由：" : "  Why: ").append(t(why)).append('\n');
            }
            if (!item.citations().isEmpty()) {
                sb.append(zh ? "  依据条款：" : "  Clauses:").append('\n');
                clauses(sb, item.citations(), "    ");
            }
            for (NotChosen nc : item.notChosen()) {
                sb.append(zh ? "  为何不适用" : "  Why not ").append(pathwayName(nc.pathway(), lang))
                        .append(zh ? "：" : ":").append('\n');
                for (NotChosen.Condition c : nc.conditions()) {
                    sb.append("    - ").append(t(zh ? c.conditionZh() : c.condition())).append(" [")
                            .append(t(String.join("; ", c.citations().stream().map(Citation::label).toList())))
                            .append("]\n");
                }
            }
        }
        if (!d.obligations().isEmpty()) {
            sb.append('\n').append(zh ? "义务：" : "Obligations:").append('\n');
            for (Obligation o : d.obligations()) {
                sb.append("  ").append(t(o.code())).append(t(items(o.itemIds()))).append(zh ? "：" : ": ").append(t(text(o.message(), o.messageZh(), zh))).append('\n');
                clauses(sb, o.citations(), "    ");
            }
        }
        if (!d.warnings().isEmpty()) {
            sb.append('\n').append(zh ? "提示：" : "Warnings:").append('\n');
            for (Warning w : d.warnings()) {
                sb.append("  ").append(t(w.code())).append(t(items(w.itemIds()))).append(zh ? "：" : ": ").append(t(text(w.message(), w.messageZh(), zh))).append('\n');
                clauses(sb, w.citations(), "    ");
            }
        }
        return sb.toString();
    }

    /**
     * A value read from a decision record, made safe for a terminal: control characters (escape sequences, line
     * breaks that would forge lines, NUL) and bidirectional overrides are shown as {@code \\uXXXX}, never sent.
     */
    public static String t(Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean unsafe = Character.isISOControl(ch) || ch >= '\u202a' && ch <= '\u202e'
                    || ch >= '\u2066' && ch <= '\u2069' || ch == '\u200e' || ch == '\u200f';
            if (unsafe && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                if (unsafe) {
                    sb.append(String.format("\\u%04x", (int) ch));
                } else {
                    sb.append(ch);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * The message in the reader's language. A record written before messages had Chinese twins (messageZh null)
     * shows its English text, marked as such, rather than nothing.
     */
    private static String text(String en, String zh, boolean inChinese) {
        if (!inChinese) {
            return en;
        }
        return zh != null ? zh : "（本记录无中文说明，原文：）" + en;
    }

    private static String items(List<String> ids) {
        return ids.isEmpty() ? "" : " " + ids;
    }

    private static void clauses(StringBuilder sb, List<Citation> citations, String indent) {
        for (Citation c : citations) {
            sb.append(indent).append(t(c.label())).append('\n');
            if (c.text() != null) {
                sb.append(indent).append("  「").append(t(c.text())).append("」\n");
            }
        }
    }
}
