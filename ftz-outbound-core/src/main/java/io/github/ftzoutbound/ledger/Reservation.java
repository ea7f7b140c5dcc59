package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.model.Pathway;

import java.util.Objects;

/**
 * A decision made under the ledger's lock, and what the ledger reserves for it.
 *
 * @param decision    whatever the caller decided (the service's {@code ExportDecision})
 * @param decisionId  the key of the reservation: {@code commit(decisionId)} and {@code cancel(decisionId)} name it
 * @param pathway     the request's pathway, kept for auditors
 * @param basisExempt every item holding personal information was exempt by its basis
 * @param record      the decision record (JSON, request embedded) stored with the row in the same transaction, so
 *                    that a committed export always has its decision, whatever happens to the caller's output; null
 *                    when the caller keeps none
 */
public record Reservation<D>(D decision, String decisionId, Pathway pathway, boolean basisExempt, String record) {
    public Reservation {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(pathway, "pathway");
    }

    /** A reservation without a stored decision record. */
    public Reservation(D decision, String decisionId, Pathway pathway, boolean basisExempt) {
        this(decision, decisionId, pathway, basisExempt, null);
    }
}
