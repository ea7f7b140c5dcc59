package io.github.ftzoutbound.ledger;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.ftzoutbound.model.PersonCounts;

/**
 * A processor's exports in one calendar year, as the ledger holds them now.
 *
 * @param counted          what the next decision would use as the totals before it: committed exports and
 *                         unexpired reservations, as the policy counts them
 * @param committed        persons of committed exports (all of them, whatever the policy)
 * @param reserved         persons of unexpired reservations not yet committed
 * @param basisExempt      persons of committed or reserved exports exempt by their basis (left out of
 *                         {@code counted} under COUNT_NON_EXEMPT)
 * @param committedExports how many exports are committed
 * @param openReservations how many reservations are open (unexpired, neither committed nor cancelled)
 */
@JsonPropertyOrder({"creditCode", "year", "policy", "counted", "committed", "reserved", "basisExempt",
        "committedExports", "openReservations"})
public record YearTotals(String creditCode, int year, CountingPolicy policy, PersonCounts counted,
                         PersonCounts committed, PersonCounts reserved, PersonCounts basisExempt,
                         long committedExports, long openReservations) {
}
