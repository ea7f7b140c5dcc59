package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.reliability.SpecOracle.Expectation;
import io.github.ftzoutbound.reliability.SpecOracle.ItemExpectation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Compares the engine's decision with the oracle's expectation and lists every disagreement. */
final class OracleCheck {
    /** Obligation codes legal-reading.md defines ("Added to any decision"). Others may be added; they are not judged. */
    static final Set<String> OBLIGATIONS = Set.of("EXPORT_CONTROL", "TECHNOLOGY_EXPORT_CONTROL",
            "REPORT_TO_ZONE_ADMINISTRATION", "INCIDENT_REPORTING", "ZONE_APPLICATION", "LIST_FILING",
            "EXPORT_AFTER_FILING", "CHANGE_FILING", "PI_PROTECTION_DUTIES", "SA_RESULT_SCOPE", "SCC_FILING",
            "LARGE_PI_PROCESSOR_DUTIES");
    /** Warning codes legal-reading.md defines, and ILLUSTRATIVE_LIST from contract.md. */
    static final Set<String> WARNINGS = Set.of("IMPORTANT_DATA_UNDECLARED", "IMPORTANT_DATA_STATUS_UNKNOWN",
            "IMPORTANT_DATA_CANDIDATE", "NECESSITY_NOT_VERIFIED", "STATUTORY_DUTY_SCOPE",
            "STATUTORY_DUTY_CIIO_UNSETTLED", "STATUTORY_DUTY_NOT_A_CBDF_EXEMPTION", "TREATY_MAY_PREVAIL",
            "BASIS_DOES_NOT_COVER_PI", "SENSITIVE_TALLY_SEPARATE", "FIELDS_NOT_GIVEN", "ZONE_OPINION_DECIDES",
            "CERTIFICATION_NOT_AVAILABLE", "FTZ_MEASURES_NOT_IN_FORCE", "ILLUSTRATIVE_LIST");
    /** Settled questions (revision 2) must never warn again. */
    static final Set<String> RETIRED = Set.of("CIIO_EXEMPTION_CONTESTED", "OPEN_QUESTION_2022_MILLION_TRIGGER",
            "OPEN_QUESTION_LIST_AS_PUBLICATION");
    /** Reasons the spec names for a row. Other rows' reason codes are not in the spec; they must be one per row. */
    static final Map<Integer, String> NAMED_REASONS = Map.of(1, "STATE_SECRET", 16, "NO_PERSONAL_OR_IMPORTANT_DATA");

    /** The reason code seen first for each row, to check that a row always gives the same reason. */
    private final Map<Integer, String> reasonByRow = new ConcurrentHashMap<>(NAMED_REASONS);
    /** Codes the engine emitted that the spec does not define, with how often (reported, not judged). */
    final Map<String, Integer> unjudgedCodes = new ConcurrentHashMap<>();

    List<String> disagreements(Expectation e, ExportDecision d) {
        List<String> out = new ArrayList<>();
        if (e.regime() != d.regime()) {
            out.add("regime: spec " + e.regime() + ", engine " + d.regime());
        }
        if (e.pathway() != d.pathway()) {
            out.add("request pathway: spec " + e.pathway() + ", engine " + d.pathway());
        }
        if (d.items().size() != e.items().size()) {
            out.add("items: spec " + e.items().keySet() + ", engine " + d.items().stream().map(ItemDecision::itemId).toList());
        }
        for (ItemDecision i : d.items()) {
            ItemExpectation x = e.items().get(i.itemId());
            if (x == null) {
                out.add("item " + i.itemId() + ": not in the request");
                continue;
            }
            if (x.pathway() != i.pathway() || x.row() != i.row()) {
                out.add("item " + i.itemId() + ": spec row " + x.row() + " " + x.pathway() + ", engine row " + i.row()
                        + " " + i.pathway() + " (" + i.reason() + ")");
                continue;
            }
            if (x.reason() != null && !x.reason().equals(i.reason())) {
                out.add("item " + i.itemId() + ": spec reason " + x.reason() + ", engine " + i.reason());
            }
            String reason = x.reason() != null ? null : reasonByRow.putIfAbsent(i.row(), String.valueOf(i.reason()));
            if (reason != null && !reason.equals(String.valueOf(i.reason()))) {
                out.add("item " + i.itemId() + ": row " + i.row() + " gives reason " + i.reason() + " here and "
                        + reason + " elsewhere");
            }
            TreeSet<String> actual = Json.keys(i.citations());
            // The spec names a clause ("CBDF 6"); the engine may cite it more precisely ("CBDF art6 para2").
            TreeSet<String> missing = new TreeSet<>();
            for (String want : x.citations()) {
                if (actual.stream().noneMatch(a -> a.equals(want) || a.startsWith(want + " "))) {
                    missing.add(want);
                }
            }
            if (!missing.isEmpty()) {
                out.add("item " + i.itemId() + " (row " + x.row() + "): spec cites " + missing + ", engine cites only " + actual);
            }
            TreeSet<String> entries = new TreeSet<>();
            actual.stream().filter(k -> k.startsWith("NEGATIVE-LIST ")).forEach(entries::add);
            // The deciding entries must be cited; any other entry cited must at least put the item on the list.
            if (!entries.containsAll(x.entries()) || !x.metEntries().containsAll(entries)) {
                out.add("item " + i.itemId() + " (row " + x.row() + "): list entries cited: engine " + entries
                        + "; spec: must cite " + x.entries() + ", may cite only entries met " + x.metEntries());
            }
        }
        Map<String, Set<String>> obligations = new TreeMap<>();
        // A code may appear twice (request-wide and for items); its items are the union.
        for (Obligation o : d.obligations()) {
            obligations.computeIfAbsent(o.code(), k -> new TreeSet<>()).addAll(o.itemIds());
        }
        Map<String, Set<String>> warnings = new TreeMap<>();
        for (Warning w : d.warnings()) {
            warnings.computeIfAbsent(w.code(), k -> new TreeSet<>()).addAll(w.itemIds());
        }
        for (String code : RETIRED) {
            if (warnings.containsKey(code)) {
                out.add("warning " + code + ": settled since revision 2, the engine still gives it");
            }
        }
        compare("obligation", OBLIGATIONS, e.obligations(), obligations, out);
        compare("warning", WARNINGS, e.warnings(), warnings, out);
        return out;
    }

    private void compare(String kind, Set<String> known, Map<String, Set<String>> expected,
                         Map<String, Set<String>> actual, List<String> out) {
        for (String code : known) {
            boolean exp = expected.containsKey(code);
            boolean act = actual.containsKey(code);
            if (exp != act) {
                out.add(kind + " " + code + ": spec " + (exp ? "requires it" + ids(expected.get(code)) : "does not give it")
                        + ", engine " + (act ? "gives it" + ids(actual.get(code)) : "does not"));
            } else if (exp && expected.get(code) != null && !expected.get(code).equals(actual.get(code))) {
                out.add(kind + " " + code + ": items: spec " + expected.get(code) + ", engine " + actual.get(code));
            }
        }
        for (String code : actual.keySet()) {
            if (!known.contains(code)) {
                unjudgedCodes.merge(kind + " " + code, 1, Integer::sum);
            }
        }
    }

    private static String ids(Set<String> ids) {
        return ids == null ? "" : " for " + ids;
    }
}
