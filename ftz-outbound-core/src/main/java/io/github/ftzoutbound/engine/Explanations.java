package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.engine.facts.ExportCase;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.ListEntryFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills the {@code @explain} / {@code @whyNot} texts that rules carry with the request's figures. The texts are
 * written beside the law in DRL; this class only substitutes placeholders:
 * {T_ns} {T_s} annual totals, {req_ns} {req_s} this request, {prior_ns} {prior_s} exported earlier this year,
 * {item_ns} {item_s} the item's persons, {ciio}, {importantData}, {entry} and {threshold} of the deciding list
 * entry, {lists} the applicable lists.
 *
 * <p>Every decision fills dozens of these texts, so templates are parsed once and figures formatted once per
 * item: this sits on the hot path of every evaluation.
 */
final class Explanations {
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Explanations() {
    }

    /** The figures of one item in one request, formatted once. */
    static final class Figures {
        private final String[] values = new String[Placeholder.values().length];

        Figures(ExportCase c, ExportItem item, List<String> lists) {
            set(Placeholder.T_ns, group(c.getAnnualIndividuals()));
            set(Placeholder.T_s, group(c.getAnnualSensitiveIndividuals()));
            set(Placeholder.req_ns, group(c.getRequestIndividuals()));
            set(Placeholder.req_s, group(c.getRequestSensitiveIndividuals()));
            set(Placeholder.prior_ns, group(c.getAnnualIndividuals() - c.getRequestIndividuals()));
            set(Placeholder.prior_s, group(c.getAnnualSensitiveIndividuals() - c.getRequestSensitiveIndividuals()));
            set(Placeholder.item_ns, group(item.getIndividuals()));
            set(Placeholder.item_s, group(item.getSensitiveIndividuals()));
            set(Placeholder.ciio, Boolean.toString(c.isCiio()));
            set(Placeholder.importantData, item.getImportantData().name());
            set(Placeholder.lists, lists.isEmpty() ? "-" : String.join(", ", lists));
        }

        private void set(Placeholder p, String v) {
            values[p.ordinal()] = v;
        }

        String get(Placeholder p, ListEntryFact entry) {
            if (p == Placeholder.entry) {
                return entry == null ? null : entry.getId();
            }
            if (p == Placeholder.threshold) {
                return entry == null ? null : threshold(entry);
            }
            return values[p.ordinal()];
        }
    }

    enum Placeholder { T_ns, T_s, req_ns, req_s, prior_ns, prior_s, item_ns, item_s, ciio, importantData, lists, entry, threshold }

    /** A template split once into literal text and placeholders. */
    private record Template(List<Object> parts) {
        static Template parse(String text) {
            List<Object> parts = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int open = text.indexOf('{', i);
                int close = open < 0 ? -1 : text.indexOf('}', open);
                Placeholder p = close < 0 ? null : placeholder(text.substring(open + 1, close));
                if (p == null) {
                    int end = open < 0 ? text.length() : open + 1;
                    parts.add(text.substring(i, end));
                    i = end;
                } else {
                    if (open > i) {
                        parts.add(text.substring(i, open));
                    }
                    parts.add(p);
                    i = close + 1;
                }
            }
            return new Template(List.copyOf(parts));
        }

        private static Placeholder placeholder(String name) {
            for (Placeholder p : Placeholder.values()) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }
    }

    static String fill(String template, Figures figures, ListEntryFact entry) {
        if (template == null) {
            return null;
        }
        Template t = TEMPLATES.computeIfAbsent(template, Template::parse);
        StringBuilder sb = new StringBuilder(template.length() + 32);
        for (Object part : t.parts()) {
            if (part instanceof Placeholder p) {
                String v = figures.get(p, entry);
                sb.append(v == null ? "{" + p.name() + "}" : v);
            } else {
                sb.append((String) part);
            }
        }
        return sb.toString();
    }

    private static String threshold(ListEntryFact entry) {
        return entry.describeBands();
    }

    /** 1234567 → "1,234,567" (the grouping the law's figures are read with). */
    static String group(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(digits.length() + 6);
        if (n < 0) {
            sb.append('-');
        }
        int lead = digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            if (sb.length() > (n < 0 ? 1 : 0)) {
                sb.append(',');
            }
            sb.append(digits, i, i + 3);
        }
        return sb.toString();
    }
}
