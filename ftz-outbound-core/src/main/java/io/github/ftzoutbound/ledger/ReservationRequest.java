package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.model.PersonCounts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the ledger needs to know of a request before deciding it: whose export, when, which request, how many.
 *
 * @param evaluationDateOverride null when the export date is the ledger's today (±1 day); otherwise the operator's
 *                               stated reason for another date (entering past exports, say), stored with the row
 *                               and named in the decision
 */
public record ReservationRequest(String creditCode, LocalDate exportDate, String requestId, PersonCounts persons,
                                 String evaluationDateOverride) {
    public ReservationRequest {
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(exportDate, "exportDate");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(persons, "persons");
    }

    /** A request dated today (no override). */
    public ReservationRequest(String creditCode, LocalDate exportDate, String requestId, PersonCounts persons) {
        this(creditCode, exportDate, requestId, persons, null);
    }
}
