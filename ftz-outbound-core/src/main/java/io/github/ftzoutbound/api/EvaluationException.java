package io.github.ftzoutbound.api;

/**
 * The engine could not reach a complete decision for a valid request (an item no rule decided, say). No
 * partial decision is returned: a compliance answer with a hole in it is worse than none.
 */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
