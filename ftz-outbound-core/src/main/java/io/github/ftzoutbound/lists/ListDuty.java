package io.github.ftzoutbound.lists;

import java.time.LocalDate;

/**
 * A duty a list imposes of its own, dated: for example a report to the zone within {@code workingDays} working
 * days after the export, or a filing before or after it. {@code scope} ALL_DATA binds every export of the covered
 * sector and scenario, off-list data included; LISTED_DATA only data the list puts on it. {@code text} is the
 * list's original wording.
 */
public record ListDuty(String code, Kind kind, Integer workingDays, Scope scope, LocalDate effectiveFrom,
                       LocalDate effectiveTo, String text, String textEn, int line) {
    public enum Kind { REPORT_AFTER_EXPORT, FILING_BEFORE_EXPORT, FILING_AFTER_EXPORT, OTHER }

    public enum Scope { ALL_DATA, LISTED_DATA }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
}
