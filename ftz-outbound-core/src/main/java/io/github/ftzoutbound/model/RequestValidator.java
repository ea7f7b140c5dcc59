package io.github.ftzoutbound.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks that hold for a request however it was built (from JSON or in Java): required parts, zones
 * inside their FTZ, count bounds, subsets, unique item ids. Structural checks of the JSON (unknown fields,
 * types, enum spelling) are {@link RequestReader}'s.
 */
public final class RequestValidator {
    private RequestValidator() {
    }

    /** Throws {@link InvalidRequestException} listing every problem; returns normally when there is none. */
    public static void validate(ExportRequest request) {
        List<Problem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    public static List<Problem> problems(ExportRequest r) {
        List<Problem> out = new ArrayList<>();
        if (r == null) {
            out.add(Problem.of("$", "request.missing"));
            return out;
        }
        if (r.requestId() == null) {
            out.add(Problem.of("$.requestId", "value.required"));
        } else if (!Limits.REQUEST_ID.matcher(r.requestId()).matches()) {
            out.add(Problem.of("$.requestId", "requestId.invalid"));
        }
        code(out, "$.scenario", r.scenario());
        text(out, "$.treaty", r.treaty());
        if (r.recipient() != null) {
            text(out, "$.recipient.name", r.recipient().name());
            if (r.recipient().country() != null && !Limits.COUNTRY.matcher(r.recipient().country()).matches()) {
                out.add(Problem.of("$.recipient.country", "country.invalid"));
            }
        }
        Processor p = r.processor();
        if (p == null) {
            out.add(Problem.of("$.processor", "value.required"));
        } else {
            text(out, "$.processor.name", p.name());
            if (p.ftz() != Ftz.NONE && p.zone() == null) {
                out.add(Problem.of("$.processor.zone", "zone.required", p.ftz()));
            }
            if (p.zone() != null && p.zone().ftz() != p.ftz()) {
                out.add(p.ftz() == Ftz.NONE
                        ? Problem.of("$.processor.zone", "zone.outsideFtz", p.zone())
                        : Problem.of("$.processor.zone", "zone.notInFtz", p.zone(), p.ftz()));
            }
            code(out, "$.processor.sector", p.sector());
            Holdings h = p.holdings();
            count(out, "$.processor.holdings.individuals", h.individuals());
            count(out, "$.processor.holdings.sensitiveIndividuals", h.sensitiveIndividuals());
            count(out, "$.processor.holdings.sensitiveAccountOrMedicalIndividuals",
                    h.sensitiveAccountOrMedicalIndividuals());
            if (h.sensitiveAccountOrMedicalIndividuals() > h.sensitiveIndividuals()) {
                out.add(Problem.of("$.processor.holdings.sensitiveAccountOrMedicalIndividuals",
                        "holdings.accountOrMedicalExceedsSensitive", h.sensitiveAccountOrMedicalIndividuals(),
                        h.sensitiveIndividuals()));
            }
            counts(out, "$.processor.exportedThisYear", p.exportedThisYear());
            if (p.creditCode() != null) {
                Problem problem = io.github.ftzoutbound.ledger.CreditCode.check("$.processor.creditCode",
                        p.creditCode());
                if (problem != null) {
                    out.add(problem);
                }
            }
        }
        List<DataItem> items = r.dataItems();
        if (items.isEmpty()) {
            out.add(Problem.of("$.dataItems", "items.empty"));
        } else if (items.size() > Limits.MAX_ITEMS) {
            out.add(Problem.of("$.dataItems", "items.tooMany", items.size(), Limits.MAX_ITEMS));
        }
        Set<String> ids = new HashSet<>();
        PersonCounts sum = PersonCounts.ZERO;
        long maxIndividuals = 0;
        long maxSensitive = 0;
        for (int i = 0; i < items.size() && i <= Limits.MAX_ITEMS; i++) {
            DataItem item = items.get(i);
            String at = "$.dataItems[" + i + "]";
            if (item == null) {
                out.add(Problem.of(at, "value.null"));
                continue;
            }
            if (item.id().isEmpty() || item.id().length() > 128) {
                out.add(Problem.of(at + ".id", "itemId.invalid"));
            } else if (!ids.add(item.id())) {
                out.add(Problem.of(at + ".id", "itemId.duplicate", item.id()));
            }
            text(out, at + ".name", item.name());
            if (item.category() != null) {
                int max = p != null && p.ftz() == Ftz.JIANGSU ? 39 : 40;
                if (item.category() < 1 || item.category() > max) {
                    out.add(p != null && p.ftz() == Ftz.JIANGSU
                            ? Problem.of(at + ".category", "category.outOfRangeJiangsu", max)
                            : Problem.of(at + ".category", "category.outOfRange", max));
                }
            }
            if (item.fields().size() > Limits.MAX_FIELDS) {
                out.add(Problem.of(at + ".fields", "fields.tooMany", Limits.MAX_FIELDS));
            } else {
                for (int f = 0; f < item.fields().size(); f++) {
                    code(out, at + ".fields[" + f + "]", item.fields().get(f));
                }
            }
            if (item.listRows().size() > Limits.MAX_FIELDS) {
                out.add(Problem.of(at + ".listRows", "listRows.tooMany", Limits.MAX_FIELDS));
            } else {
                for (int f = 0; f < item.listRows().size(); f++) {
                    if (!Limits.LIST_ID.matcher(item.listRows().get(f)).matches()) {
                        out.add(Problem.of(at + ".listRows[" + f + "]", "listRow.invalid"));
                    }
                }
            }
            for (String c : item.conditions().keySet()) {
                code(out, at + ".conditions." + c, c);
            }
            counts(out, at + ".personalInformation", item.personalInformation());
            sum = sum.plus(item.personalInformation());
            maxIndividuals = Math.max(maxIndividuals, item.personalInformation().individuals());
            maxSensitive = Math.max(maxSensitive, item.personalInformation().sensitiveIndividuals());
        }
        PersonCounts totals = r.personalInformationTotals();
        if (totals != null) {
            counts(out, "$.personalInformationTotals", totals);
            // De-duplication can merge persons across items, never invent or lose them: the totals lie
            // between the largest item and the sum of all items. Anything else is a caller's error that
            // would move the tiers, so it is refused rather than guessed.
            if (totals.individuals() < maxIndividuals || totals.sensitiveIndividuals() < maxSensitive) {
                out.add(Problem.of("$.personalInformationTotals", "totals.belowLargestItem"));
            }
            if (totals.individuals() > sum.individuals() || totals.sensitiveIndividuals() > sum.sensitiveIndividuals()) {
                out.add(Problem.of("$.personalInformationTotals", "totals.aboveSum"));
            }
        }
        return out;
    }

    private static void counts(List<Problem> out, String at, PersonCounts c) {
        count(out, at + ".individuals", c.individuals());
        count(out, at + ".sensitiveIndividuals", c.sensitiveIndividuals());
    }

    private static void count(List<Problem> out, String at, long n) {
        if (n < 0) {
            out.add(Problem.of(at, "count.negativeValue", n));
        } else if (n > Limits.MAX_COUNT) {
            out.add(Problem.of(at, "count.tooLargeValue", n));
        }
    }

    private static void code(List<Problem> out, String at, String code) {
        if (code != null && !Limits.CODE.matcher(code).matches()) {
            out.add(Problem.of(at, "code.invalid"));
        }
    }

    private static void text(List<Problem> out, String at, String text) {
        if (text != null && text.length() > Limits.MAX_TEXT) {
            out.add(Problem.of(at, "text.tooLong", Limits.MAX_TEXT));
        }
    }
}
