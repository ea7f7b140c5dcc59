package io.github.ftzoutbound.server;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.Texts;

import java.util.List;
import java.util.Locale;

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
    }

    static List<Issue> issues(List<Problem> problems) {
        return problems.stream().map(Issue::of).toList();
    }

    /** A rule-set load or reload problem for a Chinese reader (see {@link RuleSetException#problem}). */
    static String ruleProblemZh(String problem) {
        return RuleSetException.problem(problem).message(Locale.SIMPLIFIED_CHINESE);
    }

    /** The service's text {@code key} in {@code locale}'s language (the shared substitution, {@link Texts}). */
    static String text(Locale locale, String key, Object... args) {
        return Texts.text(BUNDLE, locale, key, args);
    }
}
