package io.github.ftzoutbound.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A request to decide how one transfer out of China must be cleared. Immutable; built from JSON by
 * {@link RequestReader} or directly by Java callers, and checked by {@link RequestValidator} either way.
 */
public record ExportRequest(String requestId, LocalDate evaluationDate, Processor processor, String scenario,
                            Basis basis, String treaty, Recipient recipient,
                            PersonCounts personalInformationTotals, List<DataItem> dataItems) {
    public ExportRequest {
        basis = basis == null ? Basis.NONE : basis;
        dataItems = dataItems == null ? List.of() : List.copyOf(dataItems);
    }

    /** This request's own persons: the caller's de-duplicated totals, else the sum over items (errs strict). */
    public PersonCounts requestPersons() {
        if (personalInformationTotals != null) {
            return personalInformationTotals;
        }
        PersonCounts sum = PersonCounts.ZERO;
        for (DataItem item : dataItems) {
            sum = sum.plus(item.personalInformation());
        }
        return sum;
    }

    /** This request with the processor's {@code exportedThisYear} set: how the annual ledger fills in its totals. */
    public ExportRequest withExportedThisYear(PersonCounts counts) {
        return new ExportRequest(requestId, evaluationDate, processor.withExportedThisYear(counts), scenario, basis,
                treaty, recipient, personalInformationTotals, dataItems);
    }

    public ExportRequest withEvaluationDate(LocalDate date) {
        return new ExportRequest(requestId, Objects.requireNonNull(date), processor, scenario, basis, treaty,
                recipient, personalInformationTotals, dataItems);
    }
}
