package io.github.ftzoutbound.model;

import java.util.List;
import java.util.Objects;

/**
 * One body of data being exported. {@code basis} is the item's own basis (revision 2 of the legal reading):
 * null when the item gives none, and then the request's {@code basis} applies.
 */
public record DataItem(String id, String name, Integer category, List<String> fields,
                       PersonCounts personalInformation, ImportantDataStatus importantData,
                       List<ImportantDataIndicator> importantDataIndicators, boolean nationalCoreData,
                       boolean stateSecret, boolean exportControlled, boolean restrictedTechnology, Basis basis) {
    /** An item without a basis of its own: the request's {@code basis} applies to it. */
    public DataItem(String id, String name, Integer category, List<String> fields,
                    PersonCounts personalInformation, ImportantDataStatus importantData,
                    List<ImportantDataIndicator> importantDataIndicators, boolean nationalCoreData,
                    boolean stateSecret, boolean exportControlled, boolean restrictedTechnology) {
        this(id, name, category, fields, personalInformation, importantData, importantDataIndicators,
                nationalCoreData, stateSecret, exportControlled, restrictedTechnology, null);
    }

    public DataItem {
        Objects.requireNonNull(id, "id");
        fields = fields == null ? List.of() : List.copyOf(fields);
        personalInformation = personalInformation == null ? PersonCounts.ZERO : personalInformation;
        importantData = importantData == null ? ImportantDataStatus.NONE : importantData;
        importantDataIndicators = importantDataIndicators == null ? List.of() : List.copyOf(importantDataIndicators);
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
