package io.github.ftzoutbound.ledger;

/**
 * The processor's export with this request id is already committed in the ledger this year. Evaluating it again
 * would count its persons twice, so the ledger refuses; a new export needs a new request id.
 */
public class DuplicateExportException extends LedgerException {
    private final LedgerRecord committed;

    public DuplicateExportException(LedgerRecord committed) {
        super("request " + committed.requestId() + " of processor " + committed.creditCode()
                + " is already recorded as exported in the ledger (decision " + committed.decisionId()
                + ", committed " + committed.committedAt() + "); a new export needs a new requestId");
        this.committed = committed;
    }

    public LedgerRecord committed() {
        return committed;
    }
}
