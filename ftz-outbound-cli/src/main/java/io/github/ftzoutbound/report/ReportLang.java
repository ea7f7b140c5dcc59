package io.github.ftzoutbound.report;

import java.util.Locale;

/** The language of a report: its headings, labels and the explanations and conditions chosen from each record. */
public enum ReportLang {
    EN(Locale.ENGLISH, "en"), ZH(Locale.SIMPLIFIED_CHINESE, "zh-CN");

    private final Locale locale;
    private final String htmlLang;

    ReportLang(Locale locale, String htmlLang) {
        this.locale = locale;
        this.htmlLang = htmlLang;
    }

    public Locale locale() {
        return locale;
    }

    /** The value of the page's {@code lang} attribute (zh-CN makes browsers pick Simplified Chinese glyphs). */
    public String htmlLang() {
        return htmlLang;
    }

    /** {@code zh} or {@code en} (any case, {@code zh-CN} too); null takes the language of the given locale. */
    public static ReportLang of(String value, Locale fallback) {
        String v = value != null ? value.toLowerCase(Locale.ROOT) : fallback.getLanguage();
        if (v.equals("zh") || v.startsWith("zh-") || v.startsWith("zh_")) {
            return ZH;
        }
        if (value == null || v.equals("en") || v.startsWith("en-") || v.startsWith("en_")) {
            return EN;
        }
        throw new IllegalArgumentException("the report's language must be en or zh, not " + value);
    }
}
