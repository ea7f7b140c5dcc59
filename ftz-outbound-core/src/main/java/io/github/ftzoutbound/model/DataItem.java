package io.github.ftzoutbound.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/**
 * One body of data being exported. {@code basis} is the item's own basis (revision 2 of the legal reading):
 * null when the item gives none, and then the request's {@code basis} applies. {@code listRows} names list rows
 * the processor has itself identified the data as (rows defined by description or scale rather than fields);
 * {@code conditions} answers conditions the lists declare (code → true or false; a condition not answered is
 * absent).
 */
public record DataItem(String id, String name, Integer category, List<String> fields,
                       PersonCounts personalInformation, ImportantDataStatus importantData,
                       List<ImportantDataIndicator> importantDataIndicators, boolean nationalCoreData,
                       boolean stateSecret, boolean exportControlled, boolean restrictedTechnology, Basis basis,
                       // Left out of the JSON when empty, as before format 2: a request without them keeps its digest.
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> listRows,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Boolean> conditions) {
    /** An item without a basis of its own: the request's {@code basis} applies to it. */
    public DataItem(String id, String name, Integer category, List<String> fields,
                    PersonCounts personalInformation, ImportantDataStatus importantData,
                    List<ImportantDataIndicator> importantDataIndicators, boolean nationalCoreData,
                    boolean stateSecret, boolean exportControlled, boolean restrictedTechnology) {
        this(id, name, category, fields, personalInformation, importantData, importantDataIndicators,
                nationalCoreData, stateSecret, exportControlled, restrictedTechnology, null);
    }

    /** An item that names no list rows and answers no list conditions. */
    public DataItem(String id, String name, Integer category, List<String> fields,
                    PersonCounts personalInformation, ImportantDataStatus importantData,
                    List<ImportantDataIndicator> importantDataIndicators, boolean nationalCoreData,
                    boolean stateSecret, boolean exportControlled, boolean restrictedTechnology, Basis basis) {
        this(id, name, category, fields, personalInformation, importantData, importantDataIndicators,
                nationalCoreData, stateSecret, exportControlled, restrictedTechnology, basis, List.of(), Map.of());
    }

    public DataItem {
        Objects.requireNonNull(id, "id");
        fields = fields == null ? List.of() : List.copyOf(fields);
        personalInformation = personalInformation == null ? PersonCounts.ZERO : personalInformation;
        importantData = importantData == null ? ImportantDataStatus.NONE : importantData;
        importantDataIndicators = importantDataIndicators == null ? List.of() : List.copyOf(importantDataIndicators);
        listRows = listRows == null ? List.of() : List.copyOf(listRows);
        conditions = conditions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conditions));
    }

    public boolean holdsPersonalInformation() {
        return personalInformation.any();
    }

    /** A minimal item: no personal information, no flags. Handy in Java callers' code and tests. */
    public static DataItem of(String id) {
        return new DataItem(id, null, null, List.of(), PersonCounts.ZERO, ImportantDataStatus.NONE, List.of(),
                false, false, false, false);
    }

    /** A builder for an item with this {@code id} (required, unique within the request). */
    public static Builder builder(String id) {
        return new Builder(new RecordBuilder<>(DataItem.class)).id(id);
    }

    /** A builder starting from this item's values. */
    public Builder toBuilder() {
        return new Builder(new RecordBuilder<>(DataItem.class, this, c -> RecordBuilder.accessor(this, c)));
    }

    /**
     * Builds a {@link DataItem}, the Java counterpart of one element of {@code $.dataItems}. What is not set is left
     * out: no personal information, important data {@code NONE}, every flag false. A new field is one more setter
     * line here.
     */
    public static final class Builder {
        private final RecordBuilder<DataItem> values;

        private Builder(RecordBuilder<DataItem> values) {
            this.values = values;
        }

        /** {@code id} (required): unique within the request; decisions name items by it. */
        public Builder id(String id) { values.set("id", id); return this; }

        /** {@code name}: a description for people; no rule reads it. */
        public Builder name(String name) { values.set("name", name); return this; }

        /** {@code category}: the data category number of the negative list in force for the processor's sector. */
        public Builder category(Integer category) { values.set("category", category); return this; }

        /** {@code fields}: the data fields exported, as the list names them; replaces those set so far. */
        public Builder fields(List<String> fields) { values.set("fields", fields); return this; }

        /** Appends to {@code fields}. */
        public Builder fields(String... fields) { values.add("fields", List.of(fields)); return this; }

        /** {@code personalInformation}: the persons whose personal information this item holds. */
        public Builder personalInformation(PersonCounts persons) { values.set("personalInformation", persons); return this; }

        /** {@code importantData}: whether the item is important data (identified, notified, …); left out, NONE. */
        public Builder importantData(ImportantDataStatus status) { values.set("importantData", status); return this; }

        /** {@code importantDataIndicators}: the signs of important data the classification rules read; replaces. */
        public Builder importantDataIndicators(List<ImportantDataIndicator> indicators) { values.set("importantDataIndicators", indicators); return this; }

        /** Appends to {@code importantDataIndicators}. */
        public Builder importantDataIndicators(ImportantDataIndicator... indicators) { values.add("importantDataIndicators", List.of(indicators)); return this; }

        /** {@code nationalCoreData}: the item is national core data (DSL Art. 21): the stricter regime. */
        public Builder nationalCoreData(boolean value) { values.set("nationalCoreData", value); return this; }

        /** {@code stateSecret}: the item is a state secret: the stricter regime. */
        public Builder stateSecret(boolean value) { values.set("stateSecret", value); return this; }

        /** {@code exportControlled}: the item is an export-controlled item (Export Control Law). */
        public Builder exportControlled(boolean value) { values.set("exportControlled", value); return this; }

        /** {@code restrictedTechnology}: the item is technology restricted or prohibited from export (Foreign Trade Law). */
        public Builder restrictedTechnology(boolean value) { values.set("restrictedTechnology", value); return this; }

        /** {@code basis}: the item's own basis, overriding the request's {@code basis} for this item; left out, the request's applies. */
        public Builder basis(Basis basis) { values.set("basis", basis); return this; }

        /** {@code listRows}: list rows the processor has itself identified the data as (rows defined by description or scale). */
        public Builder listRows(List<String> rows) { values.set("listRows", rows); return this; }

        /** {@code conditions}: answers to conditions the lists declare, by code (true or false; leave a condition out when not answered). */
        public Builder conditions(Map<String, Boolean> conditions) { values.set("conditions", conditions); return this; }

        public DataItem build() {
            return values.build();
        }
    }
}
