package io.github.ftzoutbound.report;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The report's words in one language, from the resource bundle {@code io/github/ftzoutbound/report/Report}
 * ({@code Report.properties} English, {@code Report_zh.properties} Chinese). Counts go through
 * {@link MessageFormat}, so English says "1 decision" and "2 decisions" and Chinese "1 项决定".
 */
public final class Labels {
    static final String BUNDLE = "io.github.ftzoutbound.report.Report";

    private final ResourceBundle bundle;
    private final ReportLang lang;

    public Labels(ReportLang lang) {
        this.lang = lang;
        // No fallback to the JVM's default locale: the report's language is the one asked for, whatever the machine.
        this.bundle = ResourceBundle.getBundle(BUNDLE, lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ReportLang lang() {
        return lang;
    }

    /** The text of a key; a missing key is a bug the completeness test catches, so it fails loudly here. */
    public String t(String key) {
        return bundle.getString(key);
    }

    /** The text of a key with its arguments, e.g. {@code count("count.decisions", 1)}: "1 decision". */
    public String f(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), lang.locale()).format(args);
    }

    /** A pathway, regime or other code's name in this language, or the code itself when the bundle has none. */
    public String name(String prefix, Object code) {
        String key = prefix + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : String.valueOf(code);
    }

    /** Every key with its text, sorted: the labels the page's script uses. */
    public List<String[]> all() {
        List<String> keys = new ArrayList<>(bundle.keySet());
        Collections.sort(keys);
        List<String[]> out = new ArrayList<>(keys.size());
        keys.forEach(k -> out.add(new String[]{k, bundle.getString(k)}));
        return out;
    }
}
