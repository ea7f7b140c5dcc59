package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ImportantDataIndicator;
import io.github.ftzoutbound.model.ImportantDataStatus;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** One data item as the rules see it. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class ExportItem {
    private final String id;
    private final int position;
    private final long individuals;
    private final long sensitiveIndividuals;
    private final ImportantDataStatus importantData;
    private final Set<ImportantDataIndicator> importantDataIndicators;
    private final boolean nationalCoreData;
    private final boolean stateSecret;
    private final boolean exportControlled;
    private final boolean restrictedTechnology;
    private final Set<String> fields;
    private final Integer category;
    private final Basis basis;
    private final boolean ownBasis;
    private final Set<String> listRows;
    private final java.util.Map<String, Boolean> conditions;

    /**
     * @param requestBasis the request's {@code basis}, which applies to an item that names none of its own
     */
    public ExportItem(DataItem item, int position, Basis requestBasis) {
        this.id = item.id();
        this.position = position;
        this.individuals = item.personalInformation().individuals();
        this.sensitiveIndividuals = item.personalInformation().sensitiveIndividuals();
        this.importantData = item.importantData();
        this.importantDataIndicators = item.importantDataIndicators().isEmpty()
                ? EnumSet.noneOf(ImportantDataIndicator.class) : EnumSet.copyOf(item.importantDataIndicators());
        this.nationalCoreData = item.nationalCoreData();
        this.stateSecret = item.stateSecret();
        this.exportControlled = item.exportControlled();
        this.restrictedTechnology = item.restrictedTechnology();
        this.fields = new LinkedHashSet<>(item.fields());
        this.category = item.category();
        this.ownBasis = item.basis() != null;
        this.basis = item.basis() != null ? item.basis() : requestBasis == null ? Basis.NONE : requestBasis;
        this.listRows = new LinkedHashSet<>(item.listRows());
        this.conditions = item.conditions();
    }

    public String getId() { return id; }
    /** Index in the request, to report items in the caller's order. */
    public int getPosition() { return position; }
    public long getIndividuals() { return individuals; }
    public long getSensitiveIndividuals() { return sensitiveIndividuals; }
    /** The item holds personal information of at least one person. */
    public boolean isHoldsPersonalInformation() { return individuals > 0 || sensitiveIndividuals > 0; }
    public boolean isHoldsSensitivePersonalInformation() { return sensitiveIndividuals > 0; }
    public ImportantDataStatus getImportantData() { return importantData; }
    public Set<ImportantDataIndicator> getImportantDataIndicators() { return importantDataIndicators; }
    public boolean isNationalCoreData() { return nationalCoreData; }
    public boolean isStateSecret() { return stateSecret; }
    public boolean isExportControlled() { return exportControlled; }
    public boolean isRestrictedTechnology() { return restrictedTechnology; }
    public Set<String> getFields() { return fields; }
    public Integer getCategory() { return category; }
    /** The item's basis: its own {@code dataItems[].basis}, else the request's (legal-reading.md, "Basis"). */
    public Basis getBasis() { return basis; }
    /** The item named its own basis. */
    public boolean isOwnBasis() { return ownBasis; }
    /** The caller gave field codes for the item (an item without them cannot be shown to be off a list). */
    public boolean isFieldsGiven() { return !fields.isEmpty(); }
    /** The item holds non-sensitive personal information (the T_ns category). */
    public boolean isHoldsNonSensitivePersonalInformation() { return individuals > 0; }

    public Set<String> getListRows() { return listRows; }
    public java.util.Map<String, Boolean> getConditions() { return conditions; }

    /** The item names this list row in {@code listRows}: the processor identified the data as the row's. */
    public boolean namesRow(String rowId) {
        return listRows.contains(rowId);
    }

    /** The item answers true to at least one of these list conditions. */
    public boolean answersTrue(Collection<String> codes) {
        for (String code : codes) {
            if (Boolean.TRUE.equals(conditions.get(code))) {
                return true;
            }
        }
        return false;
    }

    /** The item answers none of these list conditions, true or false. */
    public boolean answersNone(Collection<String> codes) {
        for (String code : codes) {
            if (conditions.containsKey(code)) {
                return false;
            }
        }
        return true;
    }

    public boolean hasIndicator(ImportantDataIndicator indicator) {
        return importantDataIndicators.contains(indicator);
    }

    /** True when the item and a list entry name at least one field code in common. */
    public boolean sharesFieldWith(Collection<String> codes) {
        for (String code : codes) {
            if (fields.contains(code)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ExportItem[" + id + "]";
    }
}
