package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.model.Ftz;

import java.time.LocalDate;
import java.util.List;

/**
 * A data-export negative list of one FTZ (contract.md, "Negative list files"; docs/negative-lists.md), as the
 * engine sees one sector of it: a format-2 file naming several sectors is read into one NegativeList per sector
 * with the same id, so that a scenario only counts under its own sector. In force on
 * {@code [effectiveFrom, effectiveTo)}; {@code scenarios} empty means the list covers its sector whatever the
 * scenario. {@code ftz} is JIANGSU or ZHEJIANG, or null for another FTZ's list ({@code ftzCode} names it), which
 * applies only through an {@link Adoption}. {@code source} is the file it was read from.
 */
public record NegativeList(String id, int format, Ftz ftz, String ftzCode, ListStatus status, String title,
                           String version, List<String> issuers, String documentNumber, LocalDate published,
                           LocalDate effectiveFrom, LocalDate effectiveTo, List<String> sectors,
                           List<String> scenarios, List<ListEntry> entries, List<ListCondition> conditions,
                           List<ListDuty> duties, List<Acknowledgement> acknowledgements, List<String> sources,
                           String source) {
    public NegativeList {
        sectors = List.copyOf(sectors);
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        entries = List.copyOf(entries);
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        duties = duties == null ? List.of() : List.copyOf(duties);
        acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
