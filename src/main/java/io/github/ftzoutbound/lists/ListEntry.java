package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.model.Pathway;

import java.util.List;

/** One row of a negative list. {@code line} is where it starts in its file, for error messages and lint. */
public record ListEntry(String id, String scenario, DataClass dataClass, List<String> fields, Threshold threshold,
                        Pathway pathway, String description, int line) {
    public ListEntry {
        fields = List.copyOf(fields);
    }
}
