package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.engine.facts.ExportCase;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.ListEntryFact;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code @explain} / {@code @whyNot} texts that rules carry with the request's figures. The texts are
 * written beside the law in DRL; this class only substitutes placeholders:
 * {T_ns} {T_s} annual totals, {req_ns} {req_s} this request, {prior_ns} {prior_s} exported earlier this year,
 * {item_ns} {item_s} the item's persons, {ciio}, {importantData}, {entry} and {threshold} of the deciding list
 * entry, {lists} the applicable lists.
 */
final class Explanations {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    private Explanations() {
    }

    static String fill(String template, ExportCase c, ExportItem item, ListEntryFact entry, List<String> lists) {
        if (template == null) {
            return null;
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
        n.setGroupingUsed(true);
        Map<String, String> v = new java.util.HashMap<>();
        v.put("T_ns", n.format(c.getAnnualIndividuals()));
        v.put("T_s", n.format(c.getAnnualSensitiveIndividuals()));
        v.put("req_ns", n.format(c.getRequestIndividuals()));
        v.put("req_s", n.format(c.getRequestSensitiveIndividuals()));
        v.put("prior_ns", n.format(c.getAnnualIndividuals() - c.getRequestIndividuals()));
        v.put("prior_s", n.format(c.getAnnualSensitiveIndividuals() - c.getRequestSensitiveIndividuals()));
        v.put("item_ns", n.format(item.getIndividuals()));
        v.put("item_s", n.format(item.getSensitiveIndividuals()));
        v.put("ciio", Boolean.toString(c.isCiio()));
        v.put("importantData", item.getImportantData().name());
        v.put("lists", lists.isEmpty() ? "-" : String.join(", ", lists));
        if (entry != null) {
            v.put("entry", entry.getId());
            String t = entry.isUnconditional() ? "none, always applies"
                    : (entry.getIndividualsAtLeast() >= 0 ? "≥ " + n.format(entry.getIndividualsAtLeast()) + " persons" : "")
                    + (entry.getIndividualsAtLeast() >= 0 && entry.getSensitiveIndividualsAtLeast() >= 0 ? " or " : "")
                    + (entry.getSensitiveIndividualsAtLeast() >= 0
                    ? "≥ " + n.format(entry.getSensitiveIndividualsAtLeast()) + " sensitive persons" : "");
            v.put("threshold", t);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = v.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group(0) : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
