package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.engine.facts.ExportCase;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.ListEntryFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills the {@code @explain} / {@code @whyNot} / {@code @message} texts (and their {@code …Zh} twins) that rules
 * carry with the request's figures. The texts are written beside the law in DRL; this class only substitutes
 * placeholders:
 * {T_ns} {T_s} annual totals, {req_ns} {req_s} this request, {prior_ns} {prior_s} exported earlier this year,
 * {item_ns} {item_s} the item's persons, {item} the item's id, {basis} its basis, {category} its category,
 * {ciio}, {importantData}, {entry} and {threshold} of the deciding list entry, {lists} the applicable lists.
 * A finding's message may also name values its rule's consequence hands over ({@link
 * io.github.ftzoutbound.engine.facts.Finding#getArgs()}); those take precedence over the figures.
 * Values are written in the text's language: counts grouped as 1,234,567, a collection of ids joined with ", "
 * (Chinese "、"), a list band or threshold in the law's counting words ("以上", "不满") in Chinese.
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
        private final String[] zhValues = new String[Placeholder.values().length];

        Figures(ExportCase c, ExportItem item, List<String> lists) {
            if (item != null) {
                set(Placeholder.item_ns, group(item.getIndividuals()));
                set(Placeholder.item_s, group(item.getSensitiveIndividuals()));
                set(Placeholder.importantData, item.getImportantData().name());
                set(Placeholder.item, item.getId());
                set(Placeholder.basis, item.getBasis() == null ? null : item.getBasis().name());
                set(Placeholder.category, item.getCategory() == null ? null : item.getCategory().toString());
            }
            set(Placeholder.T_ns, group(c.getAnnualIndividuals()));
            set(Placeholder.T_s, group(c.getAnnualSensitiveIndividuals()));
            set(Placeholder.req_ns, group(c.getRequestIndividuals()));
            set(Placeholder.req_s, group(c.getRequestSensitiveIndividuals()));
            set(Placeholder.prior_ns, group(c.getAnnualIndividuals() - c.getRequestIndividuals()));
            set(Placeholder.prior_s, group(c.getAnnualSensitiveIndividuals() - c.getRequestSensitiveIndividuals()));
            set(Placeholder.ciio, Boolean.toString(c.isCiio()));
            set(Placeholder.lists, lists.isEmpty() ? "-" : String.join(", ", lists));
        }

        private void set(Placeholder p, String v) {
            values[p.ordinal()] = v;
        }

        String get(Placeholder p, ListEntryFact entry, boolean zh) {
            if (p == Placeholder.entry) {
                return entry == null ? null : entry.getId();
            }
            if (p == Placeholder.threshold) {
                return entry == null ? null : zh ? entry.describeBandsZh() : entry.describeBands();
            }
            String v = values[p.ordinal()];
            if (zh && v != null) {
                // Written in Chinese once per figure: a full record fills the same figure into dozens of texts.
                // A race only computes the same String twice (Strings are safely shared without a lock).
                String z = zhValues[p.ordinal()];
                if (z == null) {
                    z = switch (p) {
                        case lists -> v.replace(", ", "、");
                        case ciio -> Boolean.parseBoolean(v) ? "是" : "否";
                        case basis, importantData -> ZH_NAMES.getOrDefault(p.name() + ":" + v, v) + "（" + v + "）";
                        default -> v;
                    };
                    zhValues[p.ordinal()] = z;
                }
                return z;
            }
            return v;
        }
    }

    /**
     * The Chinese names of the codes a text may name, in the wording of CBDF Arts. 2–5 and NDSR Art. 35; the code
     * follows in brackets so that an auditor can match it with the request.
     */
    private static final Map<String, String> ZH_NAMES = Map.ofEntries(
            Map.entry("basis:NONE", "未主张特定事由"),
            Map.entry("basis:CONTRACT_WITH_INDIVIDUAL", "为订立、履行个人作为一方当事人的合同所必需"),
            Map.entry("basis:CROSS_BORDER_HR", "为实施跨境人力资源管理所必需"),
            Map.entry("basis:EMERGENCY", "紧急情况下为保护自然人的生命健康和财产安全所必需"),
            Map.entry("basis:INTERNATIONAL_ACTIVITY", "国际贸易、跨境运输、学术合作、跨国生产制造和市场营销等活动中收集和产生的数据"),
            Map.entry("basis:FOREIGN_COLLECTED", "在境外收集和产生、传输至境内处理后向境外提供"),
            Map.entry("basis:STATUTORY_DUTY", "为履行法定职责或者法定义务所必需"),
            Map.entry("importantData:NONE", "非重要数据"),
            Map.entry("importantData:NOTIFIED", "已被告知或者公开发布为重要数据"),
            Map.entry("importantData:SELF_IDENTIFIED", "自行识别为重要数据，尚未被告知或者公开发布"),
            Map.entry("importantData:UNKNOWN", "是否被告知或者公开发布为重要数据不明"));

    enum Placeholder {
        T_ns, T_s, req_ns, req_s, prior_ns, prior_s, item_ns, item_s, item, basis, category, ciio, importantData,
        lists, entry, threshold
    }

    /** A placeholder of a template: a figure of the case, or a name only a finding's args can fill. */
    private record Named(String name, Placeholder figure) {
    }

    /** The placeholders whose value depends on the item: the others are the same for every item of a request. */
    private static final java.util.Set<Placeholder> OF_THE_ITEM = java.util.EnumSet.of(Placeholder.item_ns,
            Placeholder.item_s, Placeholder.item, Placeholder.basis, Placeholder.category, Placeholder.importantData);

    /**
     * A template split once into literal text and placeholders; {@code requestWide} when no placeholder names a
     * figure of the item, so that, filled without a list entry or args, it reads the same for every item.
     */
    private record Template(List<Object> parts, boolean requestWide) {
        static Template parse(String text) {
            List<Object> parts = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int open = text.indexOf('{', i);
                int close = open < 0 ? -1 : text.indexOf('}', open);
                Named p = close < 0 ? null : named(text.substring(open + 1, close));
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
            boolean requestWide = true;
            for (Object part : parts) {
                if (part instanceof Named p && p.figure() != null && OF_THE_ITEM.contains(p.figure())) {
                    requestWide = false;
                }
            }
            return new Template(List.copyOf(parts), requestWide);
        }

        private static Named named(String name) {
            if (!NAME.matcher(name).matches()) {
                return null; // not a placeholder: literal braces
            }
            for (Placeholder p : Placeholder.values()) {
                if (p.name().equals(name)) {
                    return new Named(name, p);
                }
            }
            return new Named(name, null);
        }
    }

    /** The placeholder names a template may use: letters, digits and underscores. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** An English text (explanation, why-not) filled with the figures. */
    static String fill(String template, Figures figures, ListEntryFact entry) {
        return fill(template, figures, entry, Map.of(), false);
    }

    /**
     * A text filled with the figures and the finding's {@code args}, values written in the text's language
     * ({@code zh}). A placeholder nothing fills is left as it is, visible, never silently dropped.
     */
    static String fill(String template, Figures figures, ListEntryFact entry, Map<String, Object> args, boolean zh) {
        if (template == null) {
            return null;
        }
        Template t = template(template);
        StringBuilder sb = new StringBuilder(template.length() + 32);
        for (Object part : t.parts()) {
            if (part instanceof Named p) {
                String v = null;
                if (args.containsKey(p.name())) {
                    v = render(args.get(p.name()), zh);
                } else if (p.figure() != null) {
                    v = figures.get(p.figure(), entry, zh);
                }
                sb.append(v == null ? "{" + p.name() + "}" : v);
            } else {
                sb.append((String) part);
            }
        }
        return sb.toString();
    }

    private static Template template(String text) {
        Template t = TEMPLATES.get(text); // parsed once per rule set: a plain read on every later fill
        return t != null ? t : TEMPLATES.computeIfAbsent(text, Template::parse);
    }

    /**
     * Whether the template, filled without a list entry or args, reads the same for every item of a request (it
     * names no figure of the item): a why-not text of that kind is filled once per decision, not once per item.
     */
    static boolean requestWide(String template) {
        return template == null || template(template).requestWide();
    }

    /** The placeholder names a template uses, in order of first use. */
    static java.util.Set<String> placeholders(String template) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Object part : Template.parse(template).parts()) {
            if (part instanceof Named p) {
                names.add(p.name());
            }
        }
        return names;
    }

    /** A value a consequence handed over, written for a text in English or Chinese. */
    static String render(Object value, boolean zh) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return group(((Number) value).longValue());
        }
        if (value instanceof io.github.ftzoutbound.engine.facts.ListBandFact band) {
            return zh ? band.describeZh() : band.describe();
        }
        if (value instanceof java.util.Collection<?> values) {
            return String.join(zh ? "、" : ", ", new java.util.TreeSet<>(values.stream().map(String::valueOf).toList()));
        }
        return String.valueOf(value);
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
