package io.github.ftzoutbound.audit;

import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.NotChosen;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.model.Pathway;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained static HTML page for auditors: every decision with its pathway, regime, citations with the
 * clause text, obligations, warnings and trace; filterable by pathway. No external assets: style and the filter
 * script are inline, so the file can be archived and opened anywhere.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(List<ExportDecision> decisions, List<String> errors) {
        Map<Pathway, Integer> counts = new EnumMap<>(Pathway.class);
        decisions.forEach(d -> counts.merge(d.pathway(), 1, Integer::sum));
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>ftz-outbound decision report</title>\n<style>\n")
                .append("body{font-family:system-ui,\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:2em;color:#222}")
                .append("h1{font-size:1.4em}.decision{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1em 0}")
                .append(".pill{display:inline-block;padding:.1em .6em;border-radius:1em;font-size:.85em;color:#fff}")
                .append(".EXEMPT{background:#2e7d32}.STANDARD_CONTRACT_OR_CERTIFICATION{background:#f9a825;color:#222}")
                .append(".SECURITY_ASSESSMENT{background:#c62828}.STRICTER_REGIME{background:#4a148c}")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3em;")
                .append("text-align:left;vertical-align:top}.clause{font-size:.9em;color:#444}.label{font-weight:600}")
                .append(".meta{color:#666;font-size:.85em}details{margin:.4em 0}.warn{color:#8d4b00}")
                .append("</style>\n</head>\n<body>\n<h1>ftz-outbound — decision report</h1>\n<p class=\"meta\">")
                .append(decisions.size()).append(" decision(s)");
        counts.forEach((p, n) -> h.append(" · ").append(p).append(": ").append(n));
        if (!errors.isEmpty()) {
            h.append(" · ").append(errors.size()).append(" unreadable record(s)");
        }
        h.append("</p>\n<label>Filter by pathway: <select id=\"filter\" onchange=\"filterBy(this.value)\">")
                .append("<option value=\"\">all</option>");
        for (Pathway p : Pathway.values()) {
            h.append("<option value=\"").append(p).append("\">").append(p).append("</option>");
        }
        h.append("</select></label>\n");
        for (ExportDecision d : decisions) {
            decision(h, d);
        }
        if (!errors.isEmpty()) {
            h.append("<h2>Unreadable records</h2><ul>");
            errors.forEach(e -> h.append("<li>").append(esc(e)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<script>function filterBy(p){document.querySelectorAll('.decision').forEach(function(d){")
                .append("d.style.display=(!p||d.dataset.pathway===p)?'':'none';});}</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void decision(StringBuilder h, ExportDecision d) {
        h.append("<section class=\"decision\" data-pathway=\"").append(d.pathway()).append("\">\n<h2>")
                .append(esc(d.requestId())).append(" <span class=\"pill ").append(d.pathway()).append("\">")
                .append(d.pathway()).append("</span></h2>\n<p class=\"meta\">decision ").append(esc(d.decisionId()))
                .append(" · regime ").append(d.regime()).append(" · evaluation date ").append(d.evaluationDate())
                .append(d.evaluatedAt() == null ? "" : " · evaluated at " + d.evaluatedAt())
                .append(" · rule set ").append(esc(d.ruleset().version())).append(" ")
                .append(esc(d.ruleset().digest())).append("</p>\n");
        h.append("<table><tr><th>item</th><th>pathway</th><th>why</th><th>clauses</th></tr>\n");
        for (ItemDecision i : d.items()) {
            h.append("<tr><td>").append(esc(i.itemId())).append("</td><td><span class=\"pill ").append(i.pathway())
                    .append("\">").append(i.pathway()).append("</span><br><span class=\"meta\">row ").append(i.row())
                    .append(", ").append(esc(i.reason())).append("</span></td><td>").append(esc(i.explanation()))
                    .append("<br><span class=\"meta\">").append(esc(i.explanationZh())).append("</span>");
            if (!i.notChosen().isEmpty()) {
                h.append("<details><summary>why not stricter</summary><ul>");
                for (NotChosen nc : i.notChosen()) {
                    for (NotChosen.Condition c : nc.conditions()) {
                        h.append("<li>").append(nc.pathway()).append(": ").append(esc(c.condition())).append("</li>");
                    }
                }
                h.append("</ul></details>");
            }
            h.append("</td><td>");
            clauses(h, i.citations());
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!d.obligations().isEmpty()) {
            h.append("<h3>Obligations</h3><ul>");
            for (Obligation o : d.obligations()) {
                h.append("<li><b>").append(o.code()).append("</b> ").append(esc(String.valueOf(o.itemIds())))
                        .append(": ").append(esc(o.message()));
                clauses(h, o.citations());
                h.append("</li>");
            }
            h.append("</ul>\n");
        }
        if (!d.warnings().isEmpty()) {
            h.append("<h3>Warnings</h3><ul>");
            for (Warning w : d.warnings()) {
                h.append("<li class=\"warn\"><b>").append(w.code()).append("</b> ")
                        .append(esc(String.valueOf(w.itemIds()))).append(": ").append(esc(w.message()));
                clauses(h, w.citations());
                h.append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("<details><summary>trace: ").append(d.trace().size()).append(" rule(s) fired</summary><ol>");
        for (TraceEntry t : d.trace()) {
            h.append("<li>").append(esc(t.rule())).append(" <span class=\"meta\">").append(esc(t.source()))
                    .append(" ").append(esc(String.valueOf(t.itemIds()))).append("</span></li>");
        }
        h.append("</ol></details>\n</section>\n");
    }

    private static void clauses(StringBuilder h, List<Citation> citations) {
        for (Citation c : citations) {
            h.append("<div class=\"clause\"><span class=\"label\">").append(esc(c.label())).append("</span>");
            if (c.text() != null) {
                h.append("<br>「").append(esc(c.text())).append("」");
            }
            h.append("</div>");
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
