package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.Regime;

import java.time.LocalDate;

/**
 * The request as the rules see it: one fact per evaluation. Holds the annual totals of legal-reading.md
 * ("Terms"): T_ns = exported this year + this request's non-sensitive persons, T_s likewise for sensitive.
 * The sums are arithmetic on the input, not decisions; every comparison with a threshold is in DRL.
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class ExportCase {
    private final Regime regime;
    private final Ftz ftz;
    private final boolean ciio;
    private final String sector;
    private final String scenario;
    private final Basis basis;
    private final boolean treatyGiven;
    private final LocalDate evaluationDate;
    private final long annualIndividuals;
    private final long annualSensitiveIndividuals;
    private final long requestIndividuals;
    private final long requestSensitiveIndividuals;
    private final long holdingsIndividuals;
    private final long holdingsSensitiveIndividuals;
    private final long holdingsSensitiveAccountOrMedicalIndividuals;
    // From the annual ledger (docs/ledger.md); without one: exempt exports counted (the caller's totals are taken
    // as given), nothing left out, an empty splitting window.
    private final boolean ledgerUsed;
    private final boolean exemptExportsCounted;
    private final long notCountedIndividuals;
    private final long notCountedSensitiveIndividuals;
    private final int windowDays;
    private final long windowExports;
    private final long windowIndividuals;
    private final long windowSensitiveIndividuals;
    private final long windowLargestIndividuals;
    private final long windowLargestSensitiveIndividuals;

    /**
     * The case of a request. Decided with the annual ledger, the request's {@code exportedThisYear} holds the
     * ledger's totals, and {@code ledger} what else the ledger showed (policy, exports left out, the window);
     * without a ledger, {@code ledger} is null. {@code regime} is the regime in force on the evaluation date.
     */
    public ExportCase(ExportRequest request, LedgerSnapshot ledger, Regime regime) {
        Processor p = request.processor();
        // The FTZ's regime only while its measures are in force on the date (law/instruments.yaml).
        this.regime = regime;
        this.ftz = p.ftz();
        this.ciio = p.ciio();
        this.sector = p.sector();
        this.scenario = request.scenario();
        this.basis = request.basis();
        this.treatyGiven = request.treaty() != null && !request.treaty().isBlank();
        this.evaluationDate = request.evaluationDate();
        PersonCounts own = request.requestPersons();
        this.requestIndividuals = own.individuals();
        this.requestSensitiveIndividuals = own.sensitiveIndividuals();
        this.annualIndividuals = p.exportedThisYear().individuals() + own.individuals();
        this.annualSensitiveIndividuals = p.exportedThisYear().sensitiveIndividuals() + own.sensitiveIndividuals();
        this.holdingsIndividuals = p.holdings().individuals();
        this.holdingsSensitiveIndividuals = p.holdings().sensitiveIndividuals();
        this.holdingsSensitiveAccountOrMedicalIndividuals = p.holdings().sensitiveAccountOrMedicalIndividuals();
        LedgerSnapshot.Window w = ledger == null ? LedgerSnapshot.Window.NONE : ledger.window();
        this.ledgerUsed = ledger != null;
        this.exemptExportsCounted = ledger == null || ledger.policy().countsBasisExemptExports();
        this.notCountedIndividuals = ledger == null ? 0 : ledger.notCounted().individuals();
        this.notCountedSensitiveIndividuals = ledger == null ? 0 : ledger.notCounted().sensitiveIndividuals();
        this.windowDays = w.days();
        this.windowExports = w.exports();
        this.windowIndividuals = w.individuals();
        this.windowSensitiveIndividuals = w.sensitiveIndividuals();
        this.windowLargestIndividuals = w.largestIndividuals();
        this.windowLargestSensitiveIndividuals = w.largestSensitiveIndividuals();
    }

    public Regime getRegime() { return regime; }
    public Ftz getFtz() { return ftz; }
    public boolean isCiio() { return ciio; }
    public String getSector() { return sector; }
    public String getScenario() { return scenario; }
    public Basis getBasis() { return basis; }
    public boolean isTreatyGiven() { return treatyGiven; }
    public LocalDate getEvaluationDate() { return evaluationDate; }
    /** T_ns: non-sensitive persons exported since 1 January, this request included. */
    public long getAnnualIndividuals() { return annualIndividuals; }
    /** T_s: sensitive persons exported since 1 January, this request included. */
    public long getAnnualSensitiveIndividuals() { return annualSensitiveIndividuals; }
    public long getRequestIndividuals() { return requestIndividuals; }
    public long getRequestSensitiveIndividuals() { return requestSensitiveIndividuals; }
    public long getHoldingsIndividuals() { return holdingsIndividuals; }
    public long getHoldingsSensitiveIndividuals() { return holdingsSensitiveIndividuals; }
    public long getHoldingsSensitiveAccountOrMedicalIndividuals() { return holdingsSensitiveAccountOrMedicalIndividuals; }
    /** The annual totals came from the ledger, not from the caller. */
    public boolean isLedgerUsed() { return ledgerUsed; }
    /** Earlier exports exempt by their basis count toward the totals (false only under COUNT_NON_EXEMPT). */
    public boolean isExemptExportsCounted() { return exemptExportsCounted; }
    /** Non-sensitive persons of earlier exports this year that the counting policy left out of T_ns. */
    public long getNotCountedIndividuals() { return notCountedIndividuals; }
    /** Sensitive persons of earlier exports this year that the counting policy left out of T_s. */
    public long getNotCountedSensitiveIndividuals() { return notCountedSensitiveIndividuals; }
    /** The splitting window in days either side of this export (0 without a ledger). */
    public int getWindowDays() { return windowDays; }
    /** The processor's other exports within the window, from the ledger (0 without one). */
    public long getWindowExports() { return windowExports; }
    /** Non-sensitive persons of those exports. */
    public long getWindowIndividuals() { return windowIndividuals; }
    /** Sensitive persons of those exports. */
    public long getWindowSensitiveIndividuals() { return windowSensitiveIndividuals; }
    /** Non-sensitive persons of the largest of those exports. */
    public long getWindowLargestIndividuals() { return windowLargestIndividuals; }
    /** Sensitive persons of the largest of those exports (by sensitive persons). */
    public long getWindowLargestSensitiveIndividuals() { return windowLargestSensitiveIndividuals; }
}
