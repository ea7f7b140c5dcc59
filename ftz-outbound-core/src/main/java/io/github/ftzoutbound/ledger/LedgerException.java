package io.github.ftzoutbound.ledger;

/** The ledger could not do what was asked: the database failed, or its schema is not one this library knows. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
