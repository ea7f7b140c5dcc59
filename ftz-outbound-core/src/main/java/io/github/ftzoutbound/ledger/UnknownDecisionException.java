package io.github.ftzoutbound.ledger;

/** {@code commit} or {@code cancel} named a decision the ledger holds no reservation for. */
public class UnknownDecisionException extends LedgerException {
    private final String decisionId;

    public UnknownDecisionException(String decisionId) {
        super("the ledger holds no reservation for decision " + decisionId);
        this.decisionId = decisionId;
    }

    public String decisionId() {
        return decisionId;
    }
}
