package io.github.ftzoutbound.api;

import io.github.ftzoutbound.model.Problem;

import java.util.List;
import java.util.Locale;

/**
 * The rules or lists could not be loaded: nothing is decided (fail closed). Each problem names its file and,
 * where known, its line: {@code rules/cbdf/cbdf-art07.drl:12: no viable alternative at input ')'}.
 */
public class RuleSetException extends RuntimeException {
    private final transient List<String> problems;
    private final transient List<Problem> texts;

    public RuleSetException(List<String> problems) {
        this(problems, problems.stream().map(RuleSetException::problem).toList());
    }

    private RuleSetException(List<String> problems, List<Problem> texts) {
        super("rules or lists failed to load; nothing will be decided:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
        this.texts = List.copyOf(texts);
    }

    /**
     * Problems the library words itself (a list file's, from {@code lists/ListProblems}): their English texts are
     * {@link #problems()}, and {@link #asProblems()} reads each in Chinese too, not only introduced in Chinese.
     */
    public static RuleSetException of(List<Problem> problems) {
        return new RuleSetException(problems.stream().map(Problem::message).toList(), problems);
    }

    /** The problems in English, each {@code file:line: message}. */
    public List<String> problems() {
        return problems;
    }

    /** The problems in {@code locale}'s language (Chinese for zh, English otherwise). */
    public List<String> problems(Locale locale) {
        return texts.stream().map(p -> p.message(locale)).toList();
    }

    /**
     * The problems as {@link Problem}s at path {@code rules}: a problem the library words itself reads in either
     * language; one from outside (Drools, the YAML parser) is verbatim in English and introduced in Chinese.
     */
    public List<Problem> asProblems() {
        return texts;
    }

    /**
     * One rule-set load or reload problem as a {@link Problem} at path {@code rules}. Its detail comes from the
     * Drools compiler, the YAML parser or the scenario runner and cannot be translated faithfully, so its English
     * text is the problem verbatim and its Chinese text ({@code message(Locale.SIMPLIFIED_CHINESE)}) says which kind
     * of file failed, then quotes the problem verbatim (its file and line included). Issue 16: a Chinese legal team
     * reads why a rule set does not serve without reading English first.
     */
    public static Problem problem(String detail) {
        String p = detail.toLowerCase(Locale.ROOT);
        String kind;
        if (p.startsWith("reload timed out")) {
            kind = "timeout";
        } else if (p.contains("scenario")) {
            kind = "scenario";
        } else if (p.contains("allowlist")) {
            kind = "allowlist";
        } else if (p.contains(".drl")) {
            kind = "drl";
        } else if (p.contains(".list.yaml") || p.contains("lists/") || p.contains("codes.yaml")) {
            kind = "list";
        } else if (p.contains("citations/") || p.contains("catalog")) {
            kind = "catalog";
        } else if (p.contains("law/") || p.contains("instruments.yaml")) {
            kind = "law";
        } else if (p.contains("ruleset.properties")) {
            kind = "version";
        } else {
            kind = "other";
        }
        return Problem.of("rules", "ruleset." + kind, detail);
    }
}
