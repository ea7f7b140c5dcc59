package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;

import java.time.LocalDate;
import java.util.List;

/** Requests of a national-regime, non-CIIO processor, and the tiers a hand count gives them. */
public final class Requests {
    private Requests() {
    }

    public static ExportRequest export(String requestId, String creditCode, LocalDate date, long individuals,
                                long sensitive) {
        return export(requestId, creditCode, date, individuals, sensitive, Basis.NONE);
    }

    public static ExportRequest export(String requestId, String creditCode, LocalDate date, long individuals,
                                long sensitive, Basis basis) {
        Processor p = new Processor("Ledger test processor", Ftz.NONE, null, false, null, null, null, creditCode);
        DataItem item = new DataItem("orders", null, null, List.of(), new PersonCounts(individuals, sensitive),
                null, null, false, false, false, false);
        return new ExportRequest(requestId, date, p, null, basis, null, null, null, List.of(item));
    }

    /**
     * The pathway CBDF Arts. 5(1)(4), 7(2) and 8 give a non-CIIO's personal information with these annual totals
     * (this request included), counted by hand.
     */
    /**
     * The tier of one item holding non-sensitive persons, and sensitive ones when {@code itemHoldsSensitive}:
     * tallies by category (legal-reading.md, revision 2), so the year's sensitive persons count only against an
     * item that holds sensitive personal information.
     */
    public static Pathway tier(long annualIndividuals, long annualSensitive, boolean itemHoldsSensitive) {
        return tier(annualIndividuals, itemHoldsSensitive ? annualSensitive : 0);
    }

    public static Pathway tier(long annualIndividuals, long annualSensitive) {
        if (annualIndividuals >= 1_000_000 || annualSensitive >= 10_000) {
            return Pathway.SECURITY_ASSESSMENT;
        }
        if (annualIndividuals >= 100_000 || annualSensitive >= 1) {
            return Pathway.STANDARD_CONTRACT_OR_CERTIFICATION;
        }
        return Pathway.EXEMPT;
    }
}
