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
 * A second, independent reading of {@code legal-reading.md} (the shared spec), in plain Java: rows 1–16 for
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
     * entries the item may cite: one that does not put the item on the list must never be cited).
     */
    record ItemExpectation(String itemId, Pathway pathway, int row, Set<String> citations, Set<String> entries,
                           Set<String> metEntries, Set<String> metPersonalInformationEntries) {
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

    Expectation decide(ExportRequest r) {
        Processor p = r.processor();
        Ftz ftz = p.ftz();
        boolean inFtz = ftz != Ftz.NONE;
        Regime regime = ftz == Ftz.JIANGSU ? Regime.JIANGSU_FTZ : ftz == Ftz.ZHEJIANG ? Regime.ZHEJIANG_FTZ
                : Regime.NATIONAL;
        LocalDate date = r.evaluationDate();
        // "basis = STATUTORY_DUTY: ... decided as if no basis"
        Basis basis = r.basis() == Basis.STATUTORY_DUTY ? Basis.NONE : r.basis();

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

        // Applicable lists: same FTZ, sector named, scenario named when the list names any, date in the window.
        List<NegativeList> applicable = new ArrayList<>();
        for (NegativeList l : lists) {
            boolean sector = p.sector() != null && l.sectors().contains(p.sector());
            boolean scenario = l.scenarios().isEmpty() || r.scenario() != null && l.scenarios().contains(r.scenario());
            boolean window = !date.isBefore(l.effectiveFrom()) && (l.effectiveTo() == null || date.isBefore(l.effectiveTo()));
            // An INCOMPLETE list never covers a sector (docs/negative-lists.md): what it lists applies, nothing else.
            // The bundled INCOMPLETE list lists nothing, so leaving it out entirely is exact here.
            if (l.ftz() == ftz && sector && scenario && window
                    && l.status() != io.github.ftzoutbound.lists.ListStatus.INCOMPLETE) {
                applicable.add(l);
            }
        }
        boolean covered = !applicable.isEmpty();

        Map<String, ItemExpectation> items = new LinkedHashMap<>();
        Map<String, Set<String>> obligations = new TreeMap<>();
        Map<String, Set<String>> warnings = new TreeMap<>();
        boolean reliedOnIllustrative = false;

        for (DataItem item : r.dataItems()) {
            boolean pi = item.holdsPersonalInformation();
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
            Set<String> cites = new TreeSet<>();
            Set<String> entries = new TreeSet<>();
            Pathway pathway;
            int row;
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
            } else if (item.importantData() == ImportantDataStatus.NOTIFIED) {
                row = 4;
                pathway = Pathway.SECURITY_ASSESSMENT;
                measures(cites, ftz, "art8 item1 sub2");
                cites.add("CBDF art7 item2");
                cites.add("NDSR art37");
            } else if (met.stream().anyMatch(e -> e.dataClass() == DataClass.IMPORTANT_DATA)) {
                row = 5;
                pathway = Pathway.SECURITY_ASSESSMENT;
                for (int k = 0; k < met.size(); k++) {
                    if (met.get(k).dataClass() == DataClass.IMPORTANT_DATA) {
                        entries.add(entryKey(matchedIn.get(k), met.get(k)));
                        reliedOnIllustrative |= matchedIn.get(k).status() == ListStatus.ILLUSTRATIVE;
                    }
                }
                measures(cites, ftz, "art8 item1");
            } else if (pi && basis == Basis.FOREIGN_COLLECTED) {
                row = 6;
                pathway = Pathway.EXEMPT;
                cites.add("CBDF art4");
            } else if (pi && (basis == Basis.CONTRACT_WITH_INDIVIDUAL || basis == Basis.CROSS_BORDER_HR
                    || basis == Basis.EMERGENCY)) {
                row = 7;
                pathway = Pathway.EXEMPT;
                int clauseItem = basis == Basis.CONTRACT_WITH_INDIVIDUAL ? 1 : basis == Basis.CROSS_BORDER_HR ? 2 : 3;
                cites.add("CBDF art5 para1 item" + clauseItem);
            } else if (pi && p.ciio()) {
                row = 8;
                pathway = Pathway.SECURITY_ASSESSMENT;
                measures(cites, ftz, "art8 item1 sub1");
                cites.add("CBDF art7 item1");
            } else if (pi && tS == 0 && tNs < SCC_NON_SENSITIVE) {
                row = 9;
                pathway = Pathway.EXEMPT;
                cites.add("CBDF art5 para1 item4");
            } else if (pi && inFtz && covered && met.stream().anyMatch(e -> e.dataClass() == DataClass.PERSONAL_INFORMATION)) {
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
            } else if (pi && inFtz && covered) {
                row = 11;
                pathway = Pathway.EXEMPT;
                offTheList(cites, ftz);
                reliedOnIllustrative |= applicable.stream().anyMatch(l -> l.status() == ListStatus.ILLUSTRATIVE);
            } else if (pi && (tNs >= SA_NON_SENSITIVE || tS >= SA_SENSITIVE)) {
                row = 12;
                pathway = Pathway.SECURITY_ASSESSMENT;
                cites.add("CBDF art7 item2");
                measures(cites, ftz, ftz == Ftz.JIANGSU ? "art24" : "art18");
            } else if (pi) {
                row = 13;
                pathway = Pathway.STANDARD_CONTRACT_OR_CERTIFICATION;
                cites.add("CBDF art8");
                measures(cites, ftz, ftz == Ftz.JIANGSU ? "art24" : "art18");
            } else if (basis == Basis.INTERNATIONAL_ACTIVITY) {
                row = 14;
                pathway = Pathway.EXEMPT;
                cites.add("CBDF art3");
            } else if (covered) {
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
            items.put(item.id(), new ItemExpectation(item.id(), pathway, row, cites, entries, metAll, metPi));

            // Added to any decision, whatever the pathway: the item-level lines of the table.
            if (item.exportControlled()) {
                add(obligations, "EXPORT_CONTROL", item.id());
            }
            if (item.restrictedTechnology()) {
                add(obligations, "TECHNOLOGY_EXPORT_CONTROL", item.id());
            }
            if (item.importantData() == ImportantDataStatus.SELF_IDENTIFIED) {
                add(warnings, "IMPORTANT_DATA_UNDECLARED", item.id());
            }
            if (item.importantData() == ImportantDataStatus.UNKNOWN) {
                add(warnings, "IMPORTANT_DATA_STATUS_UNKNOWN", item.id());
            }
            if (!item.importantDataIndicators().isEmpty()) {
                add(warnings, "IMPORTANT_DATA_CANDIDATE", item.id());
            }
            if (p.ciio() && (row == 6 || row == 7)) {
                add(warnings, "CIIO_EXEMPTION_CONTESTED", item.id());
            }
            if (row == 7) {
                add(warnings, "NECESSITY_NOT_VERIFIED", item.id());
            }
            if (row == 10 || row == 11) {
                if (ftz == Ftz.JIANGSU) {
                    add(obligations, "REPORT_TO_ZONE_ADMINISTRATION", item.id());
                    add(obligations, "INCIDENT_REPORTING", item.id());
                } else if (ftz == Ftz.ZHEJIANG) {
                    add(obligations, "ZONE_APPLICATION", item.id());
                    add(obligations, "LIST_FILING", item.id());
                    add(obligations, "CHANGE_FILING", item.id());
                }
            }
            if (pi && pathway == Pathway.EXEMPT) {
                add(obligations, "PI_PROTECTION_DUTIES", item.id());
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
        // docs/legal-reading.md ("NDSR Art. 28 does not make data important data"): Art. 28 counts personal
        // information of every kind, so the project's reading adds the sensitive tally to the non-sensitive one.
        if (!inFtz && h.individuals() + h.sensitiveIndividuals() >= 10_000_000) {
            candidate = true;
        }
        if (candidate) {
            warnings.computeIfAbsent("IMPORTANT_DATA_CANDIDATE", k -> new TreeSet<>());
        }
        if (r.basis() == Basis.STATUTORY_DUTY) {
            warnings.put("STATUTORY_DUTY_NOT_A_CBDF_EXEMPTION", null);
        }
        if (r.treaty() != null) {
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
