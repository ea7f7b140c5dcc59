package io.github.ftzoutbound.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts from resource bundles with {@code {0}}, {@code {1}}… for their values, in English (the base file) or Chinese
 * (the {@code _zh} file): the one substitution the library, the command line and the service share (issue 16), so
 * that a text reads the same wherever it is shown.
 *
 * <p>The substitution is plain, in one pass, not {@link java.text.MessageFormat}: no quoting rules (an apostrophe
 * in a Chinese or English text is just an apostrophe), numbers as they are (no grouping), and a value that itself
 * reads "{0}" (a request's field name, a file's content) is never substituted again. A value that is a
 * {@link Collection} is a list of alternatives: "A or B" in English, "A或B" in Chinese.
 */
public final class Texts {
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    /** Whether {@code locale} asks for Chinese (any zh locale); everything else reads English. */
    public static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /**
     * The text of {@code key} in {@code bundle} in {@code locale}'s language (Chinese for zh, the base English file
     * otherwise; never the JVM's default locale's file), its {@code {n}} filled with {@code args}.
     *
     * @throws IllegalStateException when the key is missing: a bug the bundles' completeness tests catch; an error
     *                               must never be shown without its words
     */
    public static String text(String bundle, Locale locale, String key, Object... args) {
        return text(bundle, locale, key, Arrays.asList(args));
    }

    /** {@link #text(String, Locale, String, Object...)} with the values as a list. */
    public static String text(String bundle, Locale locale, String key, List<?> args) {
        Locale language = chinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, language, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text " + key + " in " + bundle + " for " + language, e);
        }
        return fill(pattern, language, args);
    }

    /** {@code pattern} with each {@code {n}} (n a single digit below {@code args.size()}) replaced by its value. */
    public static String fill(String pattern, Locale locale, List<?> args) {
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && pattern.charAt(i + 2) == '}'
                    && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 1) - '0' < args.size()) {
                Object arg = args.get(pattern.charAt(i + 1) - '0');
                sb.append(arg instanceof Collection<?> alternatives ? String.join(chinese(locale) ? "或" : " or ",
                        alternatives.stream().map(String::valueOf).toList()) : String.valueOf(arg));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
