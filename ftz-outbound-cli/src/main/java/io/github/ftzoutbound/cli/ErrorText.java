package io.github.ftzoutbound.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of one command-line error record, in English and Chinese: {@code key} in the resource bundle
 * {@code io/github/ftzoutbound/cli/Errors.properties} (English) and {@code Errors_zh.properties} (Chinese), with
 * {@code {0}}, {@code {1}}… for {@code args}. The English text is the record's {@code message}, unchanged from
 * before so that scripts matching it keep working; the Chinese text is its {@code messageZh} when Chinese is chosen
 * (issue 16: a Chinese legal team reads every error in Chinese). Details that come from outside (an exception's
 * message, a file system error) are quoted as they are in both.
 */
record ErrorText(String key, List<Object> args) {
    static final String BUNDLE = "io.github.ftzoutbound.cli.Errors";

    ErrorText {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    static ErrorText of(String key, Object... args) {
        List<Object> list = new ArrayList<>(args.length);
        // A null detail (an exception without a message) reads "null", as string concatenation did before.
        for (Object a : args) {
            list.add(String.valueOf(a));
        }
        return new ErrorText(key, list);
    }

    /** The English text (the record's {@code message}). */
    String english() {
        return in(Locale.ROOT);
    }

    /** The text in {@code locale}'s language: Chinese for zh, English otherwise. */
    String in(Locale locale) {
        return text(BUNDLE, "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT, key,
                args.toArray());
    }

    /**
     * {@code key} of {@code bundle} in {@code locale} (ROOT is the base, English, file; no fallback to the JVM's
     * locale), its {@code {n}} filled with {@code args} as they are: plain substitution in one pass, not
     * MessageFormat, so no quoting rules, numbers without grouping, and a detail that itself reads "{0}" is never
     * substituted again.
     */
    static String text(String bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug the bundle test (CliBundlesTest) catches; fail loudly, never answer wordless.
            throw new IllegalStateException("no text " + key + " in " + bundle + " for " + locale, e);
        }
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && pattern.charAt(i + 2) == '}'
                    && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 1) - '0' < args.length) {
                sb.append(args[pattern.charAt(i + 1) - '0']);
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
