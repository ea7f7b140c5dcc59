package io.github.ftzoutbound.ledger;

import java.util.Set;

/**
 * Which earlier exports of the year the ledger adds up for CBDF Arts. 5(1)(4), 7(2) and 8 ("自当年1月1日起累计").
 * Whether exports that were themselves exempt count is an open legal question (legal-reading.md, last section);
 * the policy settles it for one deployment and every decision made with the ledger names it.
 */
public enum CountingPolicy {
    /** Every export of the year counts, exempt or not: the strict side, and the default. */
    COUNT_ALL,
    /**
     * Exports whose personal information was exempt whatever its volume are left out: every item holding personal
     * information was decided EXEMPT by its basis (CBDF Art. 4, or Art. 5 para. 1 items 1–3; reasons
     * {@code FOREIGN_COLLECTED} and {@code NATIONAL_EXEMPTION_BASIS}). Exports exempt because the year's volume
     * was still small (CBDF Art. 5(1)(4)) or because the data was off a negative list always count: the first
     * exemption is itself defined by the running total, and leaving either out would let a processor stay below
     * the tiers by exporting in small parts. The lenient side: decisions warn where it matters.
     */
    COUNT_NON_EXEMPT;

    /** Item reasons that mark personal information exempt by its basis, whatever the volume. */
    public static final Set<String> BASIS_EXEMPTION_REASONS = Set.of("FOREIGN_COLLECTED", "NATIONAL_EXEMPTION_BASIS");

    /** Whether an export exempt by its basis is added to the totals under this policy. */
    public boolean countsBasisExemptExports() {
        return this == COUNT_ALL;
    }
}
