package io.github.ftzoutbound.model;

import java.util.List;
import java.util.Objects;

/** One body of data being exported. */
public record DataItem(String id, String name, Integer category, List<String> fields,
                       PersonCounts personalInformation, ImportantDataStatus importantData,
                       List<ImportantDataIndicator> importantDataIndicators, boolean nationalCoreData,
                       boolean stateSecret, boolean exportControlled, boolean restrictedTechnology) {
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
