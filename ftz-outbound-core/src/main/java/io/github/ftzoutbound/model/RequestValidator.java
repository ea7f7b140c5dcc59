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
            out.add(new Problem("$", "request is missing"));
            return out;
        }
        if (r.requestId() == null) {
            out.add(new Problem("$.requestId", "is required"));
        } else if (!Limits.REQUEST_ID.matcher(r.requestId()).matches()) {
            out.add(new Problem("$.requestId", "must be 1–128 printable characters"));
        }
        code(out, "$.scenario", r.scenario());
        text(out, "$.treaty", r.treaty());
        if (r.recipient() != null) {
            text(out, "$.recipient.name", r.recipient().name());
            if (r.recipient().country() != null && !Limits.COUNTRY.matcher(r.recipient().country()).matches()) {
                out.add(new Problem("$.recipient.country", "must be an ISO 3166-1 alpha-2 code such as \"DE\""));
            }
        }
        Processor p = r.processor();
        if (p == null) {
            out.add(new Problem("$.processor", "is required"));
        } else {
            text(out, "$.processor.name", p.name());
            if (p.ftz() != Ftz.NONE && p.zone() == null) {
                out.add(new Problem("$.processor.zone", "is required when ftz is " + p.ftz()));
            }
            if (p.zone() != null && p.zone().ftz() != p.ftz()) {
                out.add(new Problem("$.processor.zone", "zone " + p.zone() + " is not in the " + p.ftz()
                        + " FTZ" + (p.ftz() == Ftz.NONE ? " (a processor outside any FTZ has no zone)" : "")));
            }
            code(out, "$.processor.sector", p.sector());
            Holdings h = p.holdings();
            count(out, "$.processor.holdings.individuals", h.individuals());
            count(out, "$.processor.holdings.sensitiveIndividuals", h.sensitiveIndividuals());
            count(out, "$.processor.holdings.sensitiveAccountOrMedicalIndividuals",
                    h.sensitiveAccountOrMedicalIndividuals());
            if (h.sensitiveAccountOrMedicalIndividuals() > h.sensitiveIndividuals()) {
                out.add(new Problem("$.processor.holdings.sensitiveAccountOrMedicalIndividuals",
                        "is a subset of sensitiveIndividuals and cannot exceed it ("
                                + h.sensitiveAccountOrMedicalIndividuals() + " > " + h.sensitiveIndividuals() + ")"));
            }
            counts(out, "$.processor.exportedThisYear", p.exportedThisYear());
            if (p.creditCode() != null) {
                String problem = io.github.ftzoutbound.ledger.CreditCode.problem(p.creditCode());
                if (problem != null) {
                    out.add(new Problem("$.processor.creditCode", problem));
                }
            }
        }
        List<DataItem> items = r.dataItems();
        if (items.isEmpty()) {
            out.add(new Problem("$.dataItems", "must hold at least one item"));
        } else if (items.size() > Limits.MAX_ITEMS) {
            out.add(new Problem("$.dataItems", "holds " + items.size() + " items; at most " + Limits.MAX_ITEMS
                    + " are accepted"));
        }
        Set<String> ids = new HashSet<>();
        PersonCounts sum = PersonCounts.ZERO;
        long maxIndividuals = 0;
        long maxSensitive = 0;
        for (int i = 0; i < items.size() && i <= Limits.MAX_ITEMS; i++) {
            DataItem item = items.get(i);
            String at = "$.dataItems[" + i + "]";
            if (item == null) {
                out.add(new Problem(at, "is null"));
                continue;
            }
            if (item.id().isEmpty() || item.id().length() > 128) {
                out.add(new Problem(at + ".id", "must be 1–128 characters"));
            } else if (!ids.add(item.id())) {
                out.add(new Problem(at + ".id", "duplicate item id \"" + item.id() + "\""));
            }
            text(out, at + ".name", item.name());
            if (item.category() != null) {
                int max = p != null && p.ftz() == Ftz.JIANGSU ? 39 : 40;
                if (item.category() < 1 || item.category() > max) {
                    out.add(new Problem(at + ".category", "must be a level-2 category number from 1 to " + max
                            + (p != null && p.ftz() == Ftz.JIANGSU ? " (Jiangsu reference rules)" : "")));
                }
            }
            if (item.fields().size() > Limits.MAX_FIELDS) {
                out.add(new Problem(at + ".fields", "at most " + Limits.MAX_FIELDS + " field codes"));
            } else {
                for (int f = 0; f < item.fields().size(); f++) {
                    code(out, at + ".fields[" + f + "]", item.fields().get(f));
                }
            }
            if (item.listRows().size() > Limits.MAX_FIELDS) {
                out.add(new Problem(at + ".listRows", "at most " + Limits.MAX_FIELDS + " list rows"));
            } else {
                for (int f = 0; f < item.listRows().size(); f++) {
                    if (!Limits.LIST_ID.matcher(item.listRows().get(f)).matches()) {
                        out.add(new Problem(at + ".listRows[" + f + "]", "must be a list row id"));
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
                out.add(new Problem("$.personalInformationTotals",
                        "is smaller than the persons of a single item; de-duplicated totals cannot be"));
            }
            if (totals.individuals() > sum.individuals() || totals.sensitiveIndividuals() > sum.sensitiveIndividuals()) {
                out.add(new Problem("$.personalInformationTotals",
                        "exceeds the sum over items; de-duplicated totals cannot"));
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
            out.add(new Problem(at, "must not be negative (" + n + ")"));
        } else if (n > Limits.MAX_COUNT) {
            out.add(new Problem(at, "must not exceed 10,000,000,000 (" + n + ")"));
        }
    }

    private static void code(List<Problem> out, String at, String code) {
        if (code != null && !Limits.CODE.matcher(code).matches()) {
            out.add(new Problem(at, "must be a code of upper-case letters, digits and underscores (max 64)"));
        }
    }

    private static void text(List<Problem> out, String at, String text) {
        if (text != null && text.length() > Limits.MAX_TEXT) {
            out.add(new Problem(at, "longer than " + Limits.MAX_TEXT + " characters"));
        }
    }
}
