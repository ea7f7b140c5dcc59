package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.model.Ftz;

import java.time.LocalDate;

/**
 * An adoption by reference (JS-MEASURES 24 para 2, ZJ-MEASURES 19): the named list of another FTZ applies to
 * processors of {@code adoptingFtz} from {@code adoptedFrom}, by the document named ({@code quote}: its wording),
 * for the sectors named (all when none). Without such a file another
 * FTZ's list never applies.
 */
public record Adoption(String id, Ftz adoptingFtz, String listId, java.util.List<String> sectors,
                       LocalDate adoptedFrom, LocalDate effectiveTo, String document, String quote, String source) {
    public Adoption {
        sectors = sectors == null ? java.util.List.of() : java.util.List.copyOf(sectors);
    }

    /** An adoption naming no sectors adopts the whole list; one naming some adopts only those. */
    public boolean adoptsSector(String sector) {
        return sectors.isEmpty() || sectors.contains(sector);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(adoptedFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
