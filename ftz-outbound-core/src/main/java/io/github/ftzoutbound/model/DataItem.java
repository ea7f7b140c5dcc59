package io.github.ftzoutbound.model;

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
                       List<String> listRows, Map<String, Boolean> conditions) {
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
}
