package io.github.ftzoutbound.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
public record Problem(String path, String message, @JsonIgnore String key, @JsonIgnore List<Object> args,
                      @JsonIgnore String bundle) {
    /** The bundle of problem texts (English in the base file, Chinese in the _zh file). */
    public static final String BUNDLE = "io.github.ftzoutbound.model.Problems";

    public Problem {
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
        bundle = bundle == null ? BUNDLE : bundle;
    }

    /** A problem with its text {@code key} in the request problems' bundle ({@link #BUNDLE}). */
    public Problem(String path, String message, String key, List<Object> args) {
        this(path, message, key, args, BUNDLE);
    }

    /** A problem whose text has no key: it reads the same in every language. */
    public Problem(String path, String message) {
        this(path, message, null, List.of(), BUNDLE);
    }

    /** A problem with its text from the bundle: {@code key} with {@code args} for {0}, {1}, … */
    public static Problem of(String path, String key, Object... args) {
        return in(BUNDLE, path, key, args);
    }

    /**
     * A problem with its text from another bundle of the library ({@code lists/ListProblems} for list files), so
     * that each package keeps its texts beside its code: {@code key} with {@code args} for {0}, {1}, …
     */
    public static Problem in(String bundle, String path, String key, Object... args) {
        List<Object> list = new ArrayList<>(args.length);
        Collections.addAll(list, args);
        return new Problem(path, Texts.text(bundle, Locale.ROOT, key, list), key, list, bundle);
    }

    /** The text in {@code locale}'s language (Chinese for zh, English otherwise). */
    public String message(Locale locale) {
        if (key == null || !Texts.chinese(locale)) {
            return message;
        }
        return Texts.text(bundle, locale, key, args);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
