package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.model.PersonCounts;

import java.time.LocalDate;
import java.util.Objects;

/** What the ledger needs to know of a request before deciding it: whose export, when, which request, how many. */
public record ReservationRequest(String creditCode, LocalDate exportDate, String requestId, PersonCounts persons) {
    public ReservationRequest {
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(exportDate, "exportDate");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(persons, "persons");
    }
}
