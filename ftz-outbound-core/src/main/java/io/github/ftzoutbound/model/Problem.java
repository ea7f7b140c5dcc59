package io.github.ftzoutbound.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One thing wrong with a request, named by its JSON path ({@code $.processor.ciio}, {@code $.dataItems[2].id}).
 *
 * <p>A problem the library finds names its text by {@code key} in the resource bundle
 * {@code io/github/ftzoutbound/model/Problems.properties} (English) and {@code Problems_zh.properties} (Chinese),
 * with {@code {0}}, {@code {1}}… standing for {@code args}; {@link #message()} is the English text and
 * {@link #message(Locale)} the text in another language. The path never changes with the language. A problem
 * made with {@link #Problem(String, String)} (a detail from outside, such as a rule-set error) has no key and reads
 * the same in every language.
 */
public record Problem(String path, String message, @JsonIgnore String key, @JsonIgnore List<Object> args) {
    /** The bundle of problem texts (English in the base file, Chinese in the _zh file). */
    public static final String BUNDLE = "io.github.ftzoutbound.model.Problems";

    public Problem {
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** A problem whose text has no key: it reads the same in every language. */
    public Problem(String path, String message) {
        this(path, message, null, List.of());
    }

    /** A problem with its text from the bundle: {@code key} with {@code args} for {0}, {1}, … */
    public static Problem of(String path, String key, Object... args) {
        List<Object> list = new ArrayList<>(args.length);
        Collections.addAll(list, args);
        return new Problem(path, text(Locale.ROOT, key, list), key, list);
    }

    /** The text in {@code locale}'s language (Chinese for zh, English otherwise). */
    public String message(Locale locale) {
        if (key == null || locale == null || !"zh".equals(locale.getLanguage())) {
            return message;
        }
        return text(locale, key, args);
    }

    private static String text(Locale locale, String key, List<Object> args) {
        String pattern;
        try {
            // ROOT is the base (English) file; a missing key is a bug the completeness test catches.
            pattern = ResourceBundle.getBundle(BUNDLE, locale, Control.NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no problem text " + key + " for " + locale, e);
        }
        // Plain {n} substitution in one pass, not MessageFormat: no quoting rules, numbers as they are, and a
        // value that itself reads "{0}" (a request's field name) is never substituted again.
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close == i + 2 && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 1) - '0' < args.size()) {
                Object arg = args.get(pattern.charAt(i + 1) - '0');
                // A collection is a list of alternatives: "A or B", "A或B".
                sb.append(arg instanceof java.util.Collection<?> alternatives ? String.join("zh".equals(locale.getLanguage())
                        ? "或" : " or ", alternatives.stream().map(String::valueOf).toList()) : arg);
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Looks up only the requested language's file and the base, never the JVM's default locale's file. */
    private static final class Control {
        static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
