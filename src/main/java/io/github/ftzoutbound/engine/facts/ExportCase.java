package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

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

    public ExportCase(ExportRequest request) {
        Processor p = request.processor();
        this.regime = p.ftz().regime();
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
}
