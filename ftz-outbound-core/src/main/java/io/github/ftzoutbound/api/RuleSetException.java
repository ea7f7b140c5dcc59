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

    public RuleSetException(List<String> problems) {
        super("rules or lists failed to load; nothing will be decided:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** The problems as {@link Problem}s at path {@code rules}: verbatim in English, introduced in Chinese. */
    public List<Problem> asProblems() {
        return problems.stream().map(RuleSetException::problem).toList();
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
