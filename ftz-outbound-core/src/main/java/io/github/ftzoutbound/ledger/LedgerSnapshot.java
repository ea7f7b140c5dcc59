package io.github.ftzoutbound.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.PersonCounts;

import java.time.Instant;

/**
 * What the ledger showed when a decision was made, under the processor-year lock: carried by every decision made
 * with the ledger (its {@code ledger} object), so that the decision names the counting policy and the totals it
 * used, and can be replayed without the database.
 *
 * @param creditCode           the processor whose exports are counted
 * @param policy               the counting policy in force
 * @param year                 the calendar year of the evaluation date (Asia/Shanghai) whose totals were read
 * @param totalsBefore         persons exported earlier this year, as the policy counts them: committed exports and
 *                             unexpired reservations. The decision used them as {@code exportedThisYear}
 * @param notCounted           persons of earlier exports this year the policy left out (exempt by their basis
 *                             under {@link CountingPolicy#COUNT_NON_EXEMPT}; zeros under COUNT_ALL)
 * @param window               the processor's other exports within the splitting window
 * @param reservationExpiresAt when this decision's reservation expires unless committed
 * @param supersedes           the earlier reservation of the same request this decision replaced, if any
 * @param evaluationDateOverride why the evaluation date is not the ledger's today (±1 day), as the operator stated
 *                             it; null (and left out of the JSON) when it is today
 */
@JsonPropertyOrder({"creditCode", "policy", "year", "totalsBefore", "notCounted", "window", "reservationExpiresAt",
        "supersedes", "evaluationDateOverride"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerSnapshot(String creditCode, CountingPolicy policy, int year, PersonCounts totalsBefore,
                             PersonCounts notCounted, Window window, Instant reservationExpiresAt,
                             String supersedes, String evaluationDateOverride) {
    /** A snapshot of a decision dated the ledger's today. */
    public LedgerSnapshot(String creditCode, CountingPolicy policy, int year, PersonCounts totalsBefore,
                          PersonCounts notCounted, Window window, Instant reservationExpiresAt, String supersedes) {
        this(creditCode, policy, year, totalsBefore, notCounted, window, reservationExpiresAt, supersedes, null);
    }

    /**
     * The processor's other exports whose dates lie within {@code days} days of this one, either side, whatever
     * the year (splitting across 1 January is splitting too), as the policy counts them.
     */
    @JsonPropertyOrder({"days", "exports", "individuals", "sensitiveIndividuals", "largestIndividuals",
            "largestSensitiveIndividuals"})
    public record Window(int days, long exports, long individuals, long sensitiveIndividuals,
                         long largestIndividuals, long largestSensitiveIndividuals) {
        public static final Window NONE = new Window(0, 0, 0, 0, 0, 0);
    }
}
