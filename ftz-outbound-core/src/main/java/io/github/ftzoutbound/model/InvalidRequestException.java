package io.github.ftzoutbound.model;

import java.util.List;

/** A request that cannot be decided. Carries every problem found, not only the first; no decision is made. */
public class InvalidRequestException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidRequestException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("invalid request: ").append(problems.size()).append(" problem(s)");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
