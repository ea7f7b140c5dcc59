package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.model.Texts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
        return Texts.text(BUNDLE, locale, key, args);
    }
}
