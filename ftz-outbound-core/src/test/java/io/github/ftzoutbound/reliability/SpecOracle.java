package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.lists.DataClass;
import io.github.ftzoutbound.lists.ListEntry;
import io.github.ftzoutbound.lists.ListStatus;
import io.github.ftzoutbound.lists.NegativeList;
import io.github.ftzoutbound.lists.Threshold;
import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Holdings;
import io.github.ftzoutbound.model.ImportantDataStatus;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.Regime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A second, independent reading of {@code legal-reading.md} (the shared spec, Revision 2), in plain Java: rows 1–16 (7a reported as 7) for
 * each item, the request's pathway, and the table "Added to any decision" for obligations and warnings. It was
 * written from the spec's text only, not from the DRL, so that a rule that drifts from the reading shows up as a
 * disagreement. Citations are named by {@link io.github.ftzoutbound.api.Citation#key()}
 * ({@code "CBDF art7 item2"}, {@code "NEGATIVE-LIST <listId> <entryId>"}).
 *
 * <p>The negative lists are data, not rules; the oracle reads the same parsed lists the engine loaded.
 */
final class SpecOracle {
    static final long SCC_NON_SENSITIVE = 100_000;
    static final long SA_NON_SENSITIVE = 1_000_000;
    static final long SA_SENSITIVE = 10_000;

    /**
     * What the reading says about one item. {@code entries}: the list entries that decided it and must be cited
     * (rows 5 and 10); {@code metEntries}: every entry that matches the item and whose threshold is met (the only
     * entries the item may cite: one that does not put the item on the list must never be cited); {@code reason}:
     * the reason code where the reading names one for the case (row 5 has two), else null.
     */
    record ItemExpectation(String itemId, Pathway pathway, int row, Set<String> citations, Set<String> entries,
                           Set<String> metEntries, Set<String> metPersonalInformationEntries, String reason) {
    }

    /**
     * What the reading says about a request. Warnings and obligations map a code to the item ids it must name,
     * or to {@code null} where the reading does not say which items a request-wide code concerns.
     */
    record Expectation(Regime regime, Pathway pathway, Map<String, ItemExpectation> items,
                       Map<String, Set<String>> obligations, Map<String, Set<String>> warnings) {
    }

    private final List<NegativeList> lists;

    SpecOracle(List<NegativeList> lists) {
        this.lists = List.copyOf(lists);
    }

    /** The law in force (legal-reading.md, revision 2, "The law in force on the evaluation date"), from the spec. */
    static final LocalDate CBDF_FROM = LocalDate.of(2024, 3, 22);
    static final LocalDate NDSR_FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate CERTIFICATION_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate JS_FROM = LocalDate.of(2025, 8, 13);
    static final LocalDate JS_LAST_DAY = LocalDate.of(2027, 8, 12);
    static final LocalDate ZJ_FROM = LocalDate.of(2025, 4, 10);

    Expectation decide(ExportRequest r) {
        Processor p = r.processor();
        LocalDate date = r.evaluationDate();
        // FTZ measures not in force: national rules (regime NATIONAL).
        boolean jsInForce = !date.isBefore(JS_FROM) && !date.isAfter(JS_LAST_DAY);
        boolean zjInForce = !date.isBefore(ZJ_FROM);
        Ftz ftz = p.ftz() == Ftz.JIANGSU && jsInForce ? Ftz.JIANGSU
                : p.ftz() == Ftz.ZHEJIANG && zjInForce ? Ftz.ZHEJIANG : Ftz.NONE;
        boolean inFtz = ftz != Ftz.NONE;
        Regime regime = ftz == Ftz.JIANGSU ? Regime.JIANGSU_FTZ : ftz == Ftz.ZHEJIANG ? Regime.ZHEJIANG_FTZ
                : Regime.NATIONAL;
        boolean ndsr = !date.isBefore(NDSR_FROM);
        boolean certification = !date.isBefore(CERTIFICATION_FROM);

        // Annual totals: exported this year + this request's persons (the caller's totals, else the item sum).
        PersonCounts own = r.personalInformationTotals();
        if (own == null) {
            own = PersonCounts.ZERO;
            for (DataItem i : r.dataItems()) {
                own = own.plus(i.personalInformation());
            }
        }
        long tNs = p.exportedThisYear().individuals() + own.individuals();
        long tS = p.exportedThisYear().sensitiveIndividuals() + own.sensitiveIndividuals();

        // Applicable lists: the regime's FTZ, sector named, scenario named when the list names any, date in window.
        List<NegativeList> applicable = new ArrayList<>();
        for (NegativeList l : lists) {
            boolean sector = p.sector() != null && l.sectors().contains(p.sector());
            boolean scenario = l.scenarios().isEmpty() || r.scenario() != null && l.scenarios().contains(r.scenario());
            boolean window = !date.isBefore(l.effectiveFrom()) && (l.effectiveTo() == null || date.isBefore(l.effectiveTo()));
            // An INCOMPLETE list never covers a sector (docs/negative-lists.md): what it lists applies, nothing else.
            // The bundled INCOMPLETE list lists nothing, so leaving it out entirely is exact here.
            if (inFtz && l.ftz() == ftz && sector && scenario && window
                    && l.status() != io.github.ftzoutbound.lists.ListStatus.INCOMPLETE) {
                applicable.add(l);
            }
        }
        boolean covered = !applicable.isEmpty();
        // "No answer without the facts": an applicable list names important data (an entry that can match here).
        boolean listNamesImportantData = applicable.stream().flatMap(l -> l.entries().stream())
                .anyMatch(e -> e.dataClass() == DataClass.IMPORTANT_DATA
                        && (e.scenario() == null || e.scenario().equals(r.scenario())));

        Map<String, ItemExpectation> items = new LinkedHashMap<>();
        Map<String, Set<String>> obligations = new TreeMap<>();
        Map<String, Set<String>> warnings = new TreeMap<>();
        boolean reliedOnIllustrative = false;
        boolean exportHoldsImportantData = false;
        List<String> contractItemsOutsideBand = new ArrayList<>();
        List<String> contractItems = new ArrayList<>();

        for (DataItem item : r.dataItems()) {
            boolean pi = item.holdsPersonalInformation();
            boolean ns = item.personalInformation().individuals() > 0;
            boolean s = item.personalInformation().sensitiveIndividuals() > 0;
            boolean fieldsGiven = !item.fields().isEmpty();
            // The item's own basis, else the request's.
            Basis basis = item.basis() != null ? item.basis() : r.basis();
            List<NegativeList> matchedIn = new ArrayList<>();
            List<ListEntry> met = new ArrayList<>();
            for (NegativeList l : applicable) {
                for (ListEntry e : l.entries()) {
                    boolean scenario = e.scenario() == null || e.scenario().equals(r.scenario());
                    boolean field = !Collections.disjoint(e.fields(), item.fields());
                    if (scenario && field && thresholdMet(e.threshold(), tNs, tS)) {
                        met.add(e);
                        matchedIn.add(l);
                    }
                }
            }
            // Rows 6, 7, 7a, 9, 14 cite ZJ 18 in a Zhejiang sector no list covers; rows 12, 13 JS 24 / ZJ 18.
            String uncoveredClause = !covered && ftz == Ftz.ZHEJIANG ? "ZJ-MEASURES art18" : null;
            Set<String> cites = new TreeSet<>();
            Set<String> entries = new TreeSet<>();
            Pathway pathway;
            int row;
            String reason = null;
            boolean statutoryRow = false;
            if (item.stateSecret()) {
                row = 1;
                pathway = Pathway.STRICTER_REGIME;
                if (ftz == Ftz.JIANGSU) {
                    cites.add("JS-RULES rule1");
                } else if (ftz == Ftz.ZHEJIANG) {
                    cites.add("ZJ-RULES rule1");
                }
            } else if (item.nationalCoreData()) {
                row = 2;
                pathway = Pathway.STRICTER_REGIME;
                cites.add("DSL art21");
                if (ftz == Ftz.JIANGSU) {
                    cites.add("JS-MEASURES art22");
                }
            } else if (item.importantData() == ImportantDataStatus.NOTIFIED && p.ciio()) {
                row = 3;
                pathway = Pathway.SECURITY_ASSESSMENT;
                measures(cites, ftz, "art8 item1 sub1");
                cites.add("CBDF art7 item1");
                if (ndsr) {
                    cites.add("NDSR art37");
                }
            } else if (item.importantData() == ImportantDataStatus.NOTIFIED) {
                row = 4;
                pathway = Pathway.SECURITY_ASSESSMENT;
                measures(cites, ftz, "art8 item1 sub2");
                cites.add("CBDF art7 item2");
                if (ndsr) {
                    cites.add("NDSR art37");
                }
            } else if (met.stream().anyMatch(e -> e.dataClass() == DataClass.IMPORTANT_DATA)) {
                row = 5;
                pathway = Pathway.SECURITY_ASSESSMENT;
                reason = "LISTED_IMPORTANT_DATA";
                for (int k = 0; k < met.size(); k++) {
                    if (met.get(k).dataClass() == DataClass.IMPORTANT_DATA) {
                        entries.add(entryKey(matchedIn.get(k), met.get(k)));
                        reliedOnIllustrative |= matchedIn.get(k).status() == ListStatus.ILLUSTRATIVE;
                    }
                }
                measures(cites, ftz, "art8 item1");
            } else if (covered && !fieldsGiven && listNamesImportantData) {
                row = 5; // it may be listed important data: row 5 cannot be ruled out
                pathway = Pathway.SECURITY_ASSESSMENT;
                reason = "FIELDS_NOT_GIVEN";
                measures(cites, ftz, "art8 item1");
            } else if (pi && basis == Basis.FOREIGN_COLLECTED) {
                row = 6;
                pathway = Pathway.EXEMPT;
                cites.add("CBDF art4");
                addIf(cites, uncoveredClause);
            } else if (pi && (basis == Basis.CONTRACT_WITH_INDIVIDUAL || basis == Basis.CROSS_BORDER_HR
                    || basis == Basis.EMERGENCY)) {
                row = 7;
                pathway = Pathway.EXEMPT;
                int clauseItem = basis == Basis.CONTRACT_WITH_INDIVIDUAL ? 1 : basis == Basis.CROSS_BORDER_HR ? 2 : 3;
                cites.add("CBDF art5 para1 item" + clauseItem);
                addIf(cites, uncoveredClause);
            } else if (pi && basis == Basis.STATUTORY_DUTY && ndsr && !p.ciio()) {
                row = 7; // row 7a, reported as row 7
                statutoryRow = true;
                pathway = Pathway.EXEMPT;
                cites.add("NDSR art35 item6");
                cites.add("PIPL art38 para1 item4");
                addIf(cites, uncoveredClause);
            } else if (pi && p.ciio()) {
                row = 8;
                pathway = Pathway.SECURITY_ASSESSMENT;
                measures(cites, ftz, "art8 item1 sub1");
                cites.add("CBDF art7 item1");
            } else if (pi && !s && tNs < SCC_NON_SENSITIVE) {
                row = 9;
                pathway = Pathway.EXEMPT;
                cites.add("CBDF art5 para1 item4");
                addIf(cites, uncoveredClause);
            } else if (pi && covered && met.stream().anyMatch(e -> e.dataClass() == DataClass.PERSONAL_INFORMATION)) {
                row = 10;
                pathway = met.stream().filter(e -> e.dataClass() == DataClass.PERSONAL_INFORMATION)
                        .map(ListEntry::pathway).reduce(Pathway.EXEMPT, Pathway::strictest);
                for (int k = 0; k < met.size(); k++) {
                    ListEntry e = met.get(k);
                    if (e.dataClass() == DataClass.PERSONAL_INFORMATION && e.pathway() == pathway) {
                        entries.add(entryKey(matchedIn.get(k), e));
                        reliedOnIllustrative |= matchedIn.get(k).status() == ListStatus.ILLUSTRATIVE;
                    }
                }
                measures(cites, ftz, pathway == Pathway.SECURITY_ASSESSMENT ? "art8 item1 sub2" : "art8 item2");
            } else if (pi && covered && fieldsGiven) {
                row = 11;
                pathway = Pathway.EXEMPT;
                offTheList(cites, ftz);
                reliedOnIllustrative |= applicable.stream().anyMatch(l -> l.status() == ListStatus.ILLUSTRATIVE);
            } else if (pi && (ns && tNs >= SA_NON_SENSITIVE || s && tS >= SA_SENSITIVE)) {
                row = 12;
                pathway = Pathway.SECURITY_ASSESSMENT;
                cites.add("CBDF art7 item2");
                if (inFtz && !covered) {
                    measures(cites, ftz, ftz == Ftz.JIANGSU ? "art24" : "art18");
                }
            } else if (pi) {
                row = 13;
                pathway = Pathway.STANDARD_CONTRACT_OR_CERTIFICATION;
                cites.add("CBDF art8");
                if (inFtz && !covered) {
                    measures(cites, ftz, ftz == Ftz.JIANGSU ? "art24" : "art18");
                }
            } else if (basis == Basis.INTERNATIONAL_ACTIVITY) {
                row = 14;
                pathway = Pathway.EXEMPT;
                cites.add("CBDF art3");
                addIf(cites, uncoveredClause);
            } else if (covered && fieldsGiven) {
                row = 15;
                pathway = Pathway.EXEMPT;
                offTheList(cites, ftz);
                reliedOnIllustrative |= applicable.stream().anyMatch(l -> l.status() == ListStatus.ILLUSTRATIVE);
            } else {
                row = 16;
                pathway = Pathway.EXEMPT;
            }
            cites.addAll(entries);
            Set<String> metAll = new TreeSet<>();
            Set<String> metPi = new TreeSet<>();
            for (int k = 0; k < met.size(); k++) {
                metAll.add(entryKey(matchedIn.get(k), met.get(k)));
                if (met.get(k).dataClass() == DataClass.PERSONAL_INFORMATION) {
                    metPi.add(entryKey(matchedIn.get(k), met.get(k)));
                }
            }
            items.put(item.id(), new ItemExpectation(item.id(), pathway, row, cites, entries, metAll, metPi, reason));

            // Added to any decision, whatever the pathway: the item-level lines of the table.
            String id = item.id();
            boolean notified = item.importantData() == ImportantDataStatus.NOTIFIED;
            exportHoldsImportantData |= notified || row == 5;
            if (item.exportControlled()) {
                add(obligations, "EXPORT_CONTROL", id);
                if (inFtz) {
                    add(warnings, "IMPORTANT_DATA_CANDIDATE", id); // RULES category 39
                }
            }
            if (item.restrictedTechnology()) {
                add(obligations, "TECHNOLOGY_EXPORT_CONTROL", id);
                if (inFtz) {
                    add(warnings, "IMPORTANT_DATA_CANDIDATE", id); // RULES category 38
                }
            }
            if (inFtz && item.category() != null && !notified) {
                add(warnings, "IMPORTANT_DATA_CANDIDATE", id); // the item's category row
            }
            if (item.importantData() == ImportantDataStatus.SELF_IDENTIFIED) {
                add(warnings, "IMPORTANT_DATA_UNDECLARED", id);
            }
            if (item.importantData() == ImportantDataStatus.UNKNOWN) {
                add(warnings, "IMPORTANT_DATA_STATUS_UNKNOWN", id);
            }
            if (!item.importantDataIndicators().isEmpty()) {
                add(warnings, "IMPORTANT_DATA_CANDIDATE", id);
            }
            if (row == 7) {
                add(warnings, "NECESSITY_NOT_VERIFIED", id);
            }
            if (statutoryRow) {
                add(warnings, "STATUTORY_DUTY_SCOPE", id);
            }
            if (basis == Basis.STATUTORY_DUTY && !ndsr) {
                add(warnings, "STATUTORY_DUTY_NOT_A_CBDF_EXEMPTION", id);
            }
            if (basis == Basis.STATUTORY_DUTY && ndsr && p.ciio() && pi) {
                add(warnings, "STATUTORY_DUTY_CIIO_UNSETTLED", id);
            }
            if (pi && basis == Basis.INTERNATIONAL_ACTIVITY) {
                add(warnings, "BASIS_DOES_NOT_COVER_PI", id);
            }
            if (row == 9 && tS >= 1) {
                add(warnings, "SENSITIVE_TALLY_SEPARATE", id);
            }
            if (covered && !fieldsGiven && row >= 5) {
                add(warnings, "FIELDS_NOT_GIVEN", id);
            }
            if (row == 5 || row == 10 || row == 11) {
                if (ftz == Ftz.JIANGSU) {
                    add(obligations, "REPORT_TO_ZONE_ADMINISTRATION", id);
                } else if (ftz == Ftz.ZHEJIANG) {
                    add(obligations, "ZONE_APPLICATION", id);
                    add(obligations, "LIST_FILING", id);
                    add(obligations, "EXPORT_AFTER_FILING", id);
                    add(obligations, "CHANGE_FILING", id);
                    if (row == 11) {
                        add(warnings, "ZONE_OPINION_DECIDES", id);
                    }
                }
            }
            if (pi || notified || item.importantData() == ImportantDataStatus.SELF_IDENTIFIED || row == 5) {
                add(obligations, "INCIDENT_REPORTING", id);
            }
            if (pi) {
                add(obligations, "PI_PROTECTION_DUTIES", id);
            }
            if (pathway == Pathway.SECURITY_ASSESSMENT) {
                add(obligations, "SA_RESULT_SCOPE", id);
            }
            if (pathway == Pathway.STANDARD_CONTRACT_OR_CERTIFICATION) {
                add(obligations, "SCC_FILING", id);
                contractItems.add(id);
                boolean inBand = ns && tNs >= SCC_NON_SENSITIVE && tNs < SA_NON_SENSITIVE
                        || s && tS >= 1 && tS < SA_SENSITIVE;
                if (!inBand) {
                    contractItemsOutsideBand.add(id);
                }
            }
        }
        // Certification, from its measures' date: only for a non-CIIO inside the national band, no important data.
        if (certification) {
            for (String id : exportHoldsImportantData ? contractItems : contractItemsOutsideBand) {
                add(warnings, "CERTIFICATION_NOT_AVAILABLE", id);
            }
        }

        // Request-wide lines of the table.
        Holdings h = p.holdings();
        boolean candidate = false;
        if (ftz == Ftz.JIANGSU && (h.individuals() >= 10_000_000 || h.sensitiveIndividuals() >= 1_000_000
                || h.sensitiveAccountOrMedicalIndividuals() >= 100_000)) {
            candidate = true;
        }
        if (ftz == Ftz.ZHEJIANG && h.individuals() >= 10_000_000) {
            candidate = true;
        }
        if (inFtz && p.ciio() && h.individuals() + h.sensitiveIndividuals() >= 100_000) {
            candidate = true;
        }
        if (candidate) {
            warnings.computeIfAbsent("IMPORTANT_DATA_CANDIDATE", k -> new TreeSet<>());
        }
        // NDSR 28 in every regime from 2025-01-01: a processor duty, all personal information counted.
        if (ndsr && h.individuals() + h.sensitiveIndividuals() >= 10_000_000) {
            obligations.computeIfAbsent("LARGE_PI_PROCESSOR_DUTIES", k -> new TreeSet<>());
        }
        if (p.ftz() != Ftz.NONE && !inFtz) {
            warnings.put("FTZ_MEASURES_NOT_IN_FORCE", null);
        }
        if (r.treaty() != null && !r.treaty().isBlank()) {
            warnings.put("TREATY_MAY_PREVAIL", null);
        }
        // contract.md: a decision that relied on an ILLUSTRATIVE list carries ILLUSTRATIVE_LIST.
        if (reliedOnIllustrative) {
            warnings.put("ILLUSTRATIVE_LIST", null);
        }

        Pathway request = items.values().stream().map(ItemExpectation::pathway)
                .reduce(Pathway.EXEMPT, Pathway::strictest);
        return new Expectation(regime, request, items, obligations, warnings);
    }

    private static void addIf(Set<String> cites, String clause) {
        if (clause != null) {
            cites.add(clause);
        }
    }

    /** "以上" includes the bound: either bound of the entry reached puts the data on the list; none means always. */
    static boolean thresholdMet(Threshold t, long tNs, long tS) {
        if (t == null) {
            return true;
        }
        return t.individualsAtLeast() != null && tNs >= t.individualsAtLeast()
                || t.sensitiveIndividualsAtLeast() != null && tS >= t.sensitiveIndividualsAtLeast();
    }

    /** The FTZ's measures clause ("MEASURES 8 item 1 ..."), cited only under an FTZ regime. */
    private static void measures(Set<String> cites, Ftz ftz, String clause) {
        if (ftz == Ftz.JIANGSU) {
            cites.add("JS-MEASURES " + clause);
        } else if (ftz == Ftz.ZHEJIANG) {
            cites.add("ZJ-MEASURES " + clause);
        }
    }

    /** Rows 11 and 15: JS-MEASURES 10 / ZJ-MEASURES 11 item 2, + CBDF 6. */
    private static void offTheList(Set<String> cites, Ftz ftz) {
        cites.add(ftz == Ftz.JIANGSU ? "JS-MEASURES art10" : "ZJ-MEASURES art11 item2");
        cites.add("CBDF art6");
    }

    static String entryKey(NegativeList l, ListEntry e) {
        return "NEGATIVE-LIST " + l.id() + " " + e.id();
    }

    private static void add(Map<String, Set<String>> m, String code, String itemId) {
        m.computeIfAbsent(code, k -> new TreeSet<>()).add(itemId);
    }
}
