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
 */
public record Reservation<D>(D decision, String decisionId, Pathway pathway, boolean basisExempt) {
    public Reservation {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(pathway, "pathway");
    }
}
