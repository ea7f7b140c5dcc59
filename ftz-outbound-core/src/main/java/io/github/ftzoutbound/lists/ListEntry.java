package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/**
 * One row of a negative list. Format 2 mirrors the published tables: a row sits in a sub-list of a scenario
 * ((一) SECURITY_ASSESSMENT, (二) STANDARD_CONTRACT_OR_CERTIFICATION, or a route outside the three pathways,
 * then {@code pathway} is STRICTER_REGIME and {@code route} names it), has a data type, sub-category, fields,
 * description and examples, and threshold bands. A row without fields is defined by its description or scale and
 * matches only items that name it in {@code dataItems[].listRows}. {@code unless} names list conditions which,
 * answered true by an item, keep the row from applying to it. {@code line} is where it starts in its file.
 */
public record ListEntry(String id, String sector, String scenario, RowDataType dataType, String subCategory,
                        List<String> fields, String description, List<String> examples, String scale,
                        List<Band> bands, Pathway pathway, String route, List<String> unless, int line) {
    public ListEntry {
        fields = List.copyOf(fields);
        examples = examples == null ? List.of() : List.copyOf(examples);
        bands = bands == null ? List.of() : List.copyOf(bands);
        unless = unless == null ? List.of() : List.copyOf(unless);
    }

    public DataClass dataClass() {
        return dataType.dataClass();
    }

    /** Defined by description or scale, not by fields: the processor identifies the data itself. */
    public boolean descriptionDefined() {
        return fields.isEmpty();
    }

    /**
     * The format-1 view of the bands (non-sensitive and sensitive lower bounds), or null for a row without bands.
     * Bands of other kinds, or with an upper bound, have no format-1 equivalent and are left out.
     */
    public Threshold threshold() {
        if (bands.isEmpty()) {
            return null;
        }
        Long ind = null;
        Long sens = null;
        for (Band b : bands) {
            if (b.below() == null && b.counts() == Counts.NON_SENSITIVE_PERSONS) {
                ind = b.atLeast();
            } else if (b.below() == null && b.counts() == Counts.SENSITIVE_PERSONS) {
                sens = b.atLeast();
            }
        }
        return new Threshold(ind, sens);
    }
}
