package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.model.Ftz;

import java.time.LocalDate;
import java.util.List;

/**
 * A data-export negative list of one FTZ (contract.md, "Negative list files"). In force on
 * {@code [effectiveFrom, effectiveTo)}; {@code scenarios} empty means the list covers its sectors whatever
 * the scenario. {@code source} is the file it was read from, {@code content} its bytes (for the digest).
 */
public record NegativeList(String id, Ftz ftz, ListStatus status, String title, String version,
                           LocalDate effectiveFrom, LocalDate effectiveTo, List<String> sectors,
                           List<String> scenarios, List<ListEntry> entries, String source) {
    public NegativeList {
        sectors = List.copyOf(sectors);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        entries = List.copyOf(entries);
    }
}
