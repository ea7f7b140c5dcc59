package io.github.ftzoutbound.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One export as the ledger holds it: reserved when decided, then committed (it happened), cancelled, superseded
 * by a new evaluation of the same request, or left to expire.
 *
 * @param basisExempt  every item holding personal information was exempt by its basis (see
 *                     {@link CountingPolicy#COUNT_NON_EXEMPT})
 * @param policy       the counting policy in force when the export was decided
 * @param totalsBefore the totals the decision was made with (this export not included)
 * @param evaluationDateOverride the operator's reason for an export date other than the ledger's today, or null
 * @param hasDecisionRecord whether the row holds its decision record ({@code ledger export --decisions})
 */
@JsonPropertyOrder({"decisionId", "requestId", "creditCode", "year", "exportDate", "persons", "pathway",
        "basisExempt", "status", "reservedAt", "expiresAt", "committedAt", "cancelledAt", "policy", "totalsBefore",
        "supersededBy", "evaluationDateOverride", "hasDecisionRecord"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerRecord(String decisionId, String requestId, String creditCode, int year, LocalDate exportDate,
                           PersonCounts persons, Pathway pathway, boolean basisExempt, Status status,
                           Instant reservedAt, Instant expiresAt, Instant committedAt, Instant cancelledAt,
                           CountingPolicy policy, PersonCounts totalsBefore, String supersededBy,
                           String evaluationDateOverride, boolean hasDecisionRecord) {
    /** Stored states. An expired reservation stays RESERVED in the table; {@link #statusAt} shows it EXPIRED. */
    public enum Status { RESERVED, COMMITTED, CANCELLED, SUPERSEDED, EXPIRED }

    /** The state at a moment: a reservation past its expiry is EXPIRED, and no longer counted. */
    public Status statusAt(Instant now) {
        return status == Status.RESERVED && !expiresAt.isAfter(now) ? Status.EXPIRED : status;
    }

    /** Whether this export counts toward the totals at a moment (before the counting policy is applied). */
    public boolean activeAt(Instant now) {
        Status s = statusAt(now);
        return s == Status.COMMITTED || s == Status.RESERVED;
    }
}
