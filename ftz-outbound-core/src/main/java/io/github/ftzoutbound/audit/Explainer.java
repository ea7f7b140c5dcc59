package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
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

    public static String explain(ExportDecision d, Lang lang) {
        boolean zh = lang == Lang.ZH;
        StringBuilder sb = new StringBuilder();
        sb.append(zh ? "决定 " : "Decision ").append(d.decisionId()).append(zh ? "（请求 " : " for request ")
                .append(d.requestId()).append(zh ? "）" : "").append('\n');
        sb.append(zh ? "适用：" : "Under: ").append((zh ? REGIME_ZH : REGIME_EN).get(d.regime()))
                .append(zh ? "；评估日期：" : "; evaluation date ").append(d.evaluationDate()).append('\n');
        sb.append(zh ? "结论：" : "Pathway: ").append(pathwayName(d.pathway(), lang)).append(" [")
                .append(d.pathway()).append("]\n");
        sb.append(zh ? "规则集：" : "Rule set: ").append(d.ruleset().version()).append(" (")
                .append(d.ruleset().digest()).append(")\n");
        for (ItemDecision item : d.items()) {
            sb.append('\n').append(zh ? "数据项 " : "Item ").append('"').append(item.itemId()).append("\": ")
                    .append(pathwayName(item.pathway(), lang)).append(zh ? "（第" : " (row ").append(item.row())
                    .append(zh ? "行，" : ", ").append(item.reason()).append(zh ? "）" : ")").append('\n');
            if (item.route() != null) {
                sb.append(zh ? "  出境路径：" : "  Route: ").append(item.route()).append('\n');
            }
            String why = zh ? item.explanationZh() : item.explanation();
            if (why != null) {
                sb.append(zh ? "  理由：" : "  Why: ").append(why).append('\n');
            }
            if (!item.citations().isEmpty()) {
                sb.append(zh ? "  依据条款：" : "  Clauses:").append('\n');
                clauses(sb, item.citations(), "    ");
            }
            for (NotChosen nc : item.notChosen()) {
                sb.append(zh ? "  为何不适用" : "  Why not ").append(pathwayName(nc.pathway(), lang))
                        .append(zh ? "：" : ":").append('\n');
                for (NotChosen.Condition c : nc.conditions()) {
                    sb.append("    - ").append(zh ? c.conditionZh() : c.condition()).append(" [")
                            .append(String.join("; ", c.citations().stream().map(Citation::label).toList()))
                            .append("]\n");
                }
            }
        }
        if (!d.obligations().isEmpty()) {
            sb.append('\n').append(zh ? "义务：" : "Obligations:").append('\n');
            for (Obligation o : d.obligations()) {
                sb.append("  ").append(o.code()).append(items(o.itemIds())).append(": ").append(o.message()).append('\n');
                clauses(sb, o.citations(), "    ");
            }
        }
        if (!d.warnings().isEmpty()) {
            sb.append('\n').append(zh ? "提示：" : "Warnings:").append('\n');
            for (Warning w : d.warnings()) {
                sb.append("  ").append(w.code()).append(items(w.itemIds())).append(": ").append(w.message()).append('\n');
                clauses(sb, w.citations(), "    ");
            }
        }
        return sb.toString();
    }

    private static String items(List<String> ids) {
        return ids.isEmpty() ? "" : " " + ids;
    }

    private static void clauses(StringBuilder sb, List<Citation> citations, String indent) {
        for (Citation c : citations) {
            sb.append(indent).append(c.label()).append('\n');
            if (c.text() != null) {
                sb.append(indent).append("  「").append(c.text()).append("」\n");
            }
        }
    }
}
