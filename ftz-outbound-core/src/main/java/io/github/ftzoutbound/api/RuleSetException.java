package io.github.ftzoutbound.api;

import java.util.List;

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
}
