package io.github.ftzoutbound.server;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.model.Problem;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The service's own words in English and Chinese, from the resource bundle
 * {@code io/github/ftzoutbound/server/Errors.properties} (English) and {@code Errors_zh.properties} (Chinese), with
 * {@code {0}}, {@code {1}}… for the arguments. A Chinese legal team reading an error response (issue 16) gets the
 * Chinese beside the English; the error code and the JSON paths never change with the language, so machines keep
 * matching on them.
 */
final class ServerText {
    static final String BUNDLE = "io.github.ftzoutbound.server.Errors";

    private ServerText() {
    }

    /** One text in both languages. */
    record Msg(String en, String zh) {
        /** The text of {@code key} in both bundles, its {n} filled with {@code args}. */
        static Msg of(String key, Object... args) {
            return new Msg(text(Locale.ROOT, key, args), text(Locale.SIMPLIFIED_CHINESE, key, args));
        }
    }

    /** One problem of an error response: its path (never translated) and its text in both languages. */
    record Issue(String path, Msg msg) {
        static Issue of(String path, String key, Object... args) {
            return new Issue(path, Msg.of(key, args));
        }

        /** A library problem: its English text and its Chinese text from the library's own bundle. */
        static Issue of(Problem p) {
            return new Issue(p.path(), new Msg(p.message(), p.message(Locale.SIMPLIFIED_CHINESE)));
        }

        /** A rule-set load problem: verbatim in English, introduced in Chinese by what kind of file failed. */
        static Issue rules(String problem) {
            return of(RuleSetException.problem(problem));
        }
    }

    static List<Issue> issues(List<Problem> problems) {
        return problems.stream().map(Issue::of).toList();
    }

    /** A rule-set load or reload problem for a Chinese reader (see {@link RuleSetException#problem}). */
    static String ruleProblemZh(String problem) {
        return RuleSetException.problem(problem).message(Locale.SIMPLIFIED_CHINESE);
    }

    static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug ServerTextTest catches; fail loudly rather than answer without words.
            throw new IllegalStateException("no server text " + key + " for " + locale, e);
        }
        // Plain {n} substitution, not MessageFormat: no quoting rules, numbers as they are (no grouping).
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
