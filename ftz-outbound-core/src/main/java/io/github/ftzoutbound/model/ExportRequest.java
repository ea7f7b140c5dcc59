package io.github.ftzoutbound.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A request to decide how one transfer out of China must be cleared. Immutable; built from JSON by
 * {@link RequestReader} or directly by Java callers (best through {@link #builder()}), and checked by
 * {@link RequestValidator} either way.
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

    /**
     * A builder for a request, the Java counterpart of the request JSON: each setter is named after, and documented
     * with, its JSON field (docs/java-api.md shows both shapes side by side). What is not set is left out, with
     * the same defaults as in JSON. {@link io.github.ftzoutbound.api.ExportDecisionService#evaluate} validates the result as it does JSON.
     */
    public static Builder builder() {
        return new Builder(new RecordBuilder<>(ExportRequest.class));
    }

    /** A builder starting from this request's values: change one field, keep the rest. */
    public Builder toBuilder() {
        return new Builder(new RecordBuilder<>(ExportRequest.class, this, c -> RecordBuilder.accessor(this, c)));
    }

    /**
     * Builds an {@link ExportRequest}. One setter per JSON field; a new field is one more setter line here.
     * Not thread-safe; build once, share the immutable request.
     */
    public static final class Builder {
        private final RecordBuilder<ExportRequest> values;

        private Builder(RecordBuilder<ExportRequest> values) {
            this.values = values;
        }

        /** {@code $.requestId} (required): the caller's identifier, echoed in the decision. */
        public Builder requestId(String requestId) { values.set("requestId", requestId); return this; }

        /** {@code $.evaluationDate}: the date the law is applied on; left out, today in Asia/Shanghai. */
        public Builder evaluationDate(LocalDate evaluationDate) { values.set("evaluationDate", evaluationDate); return this; }

        /** {@code $.processor} (required): the data processor making the transfer. */
        public Builder processor(Processor processor) { values.set("processor", processor); return this; }

        /** {@code $.scenario}: the export scenario a negative list names (e.g. {@code CROSS_BORDER_ECOMMERCE_PLATFORM}). */
        public Builder scenario(String scenario) { values.set("scenario", scenario); return this; }

        /** {@code $.basis}: the ground claimed for the whole request (CBDF Arts. 3–5); left out, {@link Basis#NONE}. */
        public Builder basis(Basis basis) { values.set("basis", basis); return this; }

        /** {@code $.treaty}: a treaty or agreement the transfer relies on (CBDF Art. 2 / NDSR Art. 36), if any. */
        public Builder treaty(String treaty) { values.set("treaty", treaty); return this; }

        /** {@code $.recipient}: the overseas recipient. */
        public Builder recipient(Recipient recipient) { values.set("recipient", recipient); return this; }

        /** {@code $.personalInformationTotals}: this request's de-duplicated persons across items; left out, the sum over items. */
        public Builder personalInformationTotals(PersonCounts totals) { values.set("personalInformationTotals", totals); return this; }

        /** {@code $.dataItems} (at least one): replaces the items set so far. */
        public Builder dataItems(List<DataItem> dataItems) { values.set("dataItems", dataItems); return this; }

        /** Appends items to {@code $.dataItems}. */
        public Builder dataItem(DataItem... items) { values.add("dataItems", List.of(items)); return this; }

        /** The request. Validation (required fields, bounds) happens when it is evaluated, as for JSON. */
        public ExportRequest build() {
            return values.build();
        }
    }
}
