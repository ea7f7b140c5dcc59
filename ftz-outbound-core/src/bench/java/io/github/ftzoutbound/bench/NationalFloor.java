package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.ImportantDataStatus;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;

/**
 * The floor: a hand-written plain-Java version of the national rows of legal-reading.md (no lists, no
 * citations, no trace). It is what a decision costs with no engine at all; benchmarks only, never used to decide.
 */
final class NationalFloor {
    private NationalFloor() {
    }

    static Pathway decide(ExportRequest r) {
        PersonCounts own = r.requestPersons();
        long tns = r.processor().exportedThisYear().individuals() + own.individuals();
        long ts = r.processor().exportedThisYear().sensitiveIndividuals() + own.sensitiveIndividuals();
        boolean ciio = r.processor().ciio();
        Pathway strictest = Pathway.EXEMPT;
        for (DataItem item : r.dataItems()) {
            strictest = Pathway.strictest(strictest, item(item, r.basis(), ciio, tns, ts));
        }
        return strictest;
    }

    private static Pathway item(DataItem item, Basis basis, boolean ciio, long tns, long ts) {
        boolean pi = item.holdsPersonalInformation();
        boolean notified = item.importantData() == ImportantDataStatus.NOTIFIED;
        if (item.stateSecret() || item.nationalCoreData()) {
            return Pathway.STRICTER_REGIME;
        }
        if (notified) {
            return Pathway.SECURITY_ASSESSMENT;
        }
        if (!pi) {
            return Pathway.EXEMPT;
        }
        if (basis == Basis.FOREIGN_COLLECTED || basis == Basis.CONTRACT_WITH_INDIVIDUAL
                || basis == Basis.CROSS_BORDER_HR || basis == Basis.EMERGENCY) {
            return Pathway.EXEMPT;
        }
        if (ciio) {
            return Pathway.SECURITY_ASSESSMENT;
        }
        if (ts == 0 && tns < 100_000) {
            return Pathway.EXEMPT;
        }
        if (tns >= 1_000_000 || ts >= 10_000) {
            return Pathway.SECURITY_ASSESSMENT;
        }
        return Pathway.STANDARD_CONTRACT_OR_CERTIFICATION;
    }
}
