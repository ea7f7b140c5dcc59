package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.Pathway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds what is legal to write in a list file but probably wrong, for the legal team before a list goes live:
 * entries of one list that overlap with different pathways, entries with no fields (they can never match),
 * and personal-information entries stricter than the national rules (national exemptions and tiers
 * prevail, so such an entry only partly takes effect). Findings read {@code file:line: message}.
 */
public final class ListLint {
    /** CBDF Art. 5 item 4: below this many non-sensitive persons a year, a non-CIIO is exempt. */
    static final long NATIONAL_EXEMPTION_BELOW = 100_000;
    /** CBDF Art. 7 item 2: from this many non-sensitive persons a year, a security assessment. */
    static final long NATIONAL_SA_INDIVIDUALS = 1_000_000;
    /** CBDF Art. 7 item 2: from this many sensitive persons a year, a security assessment. */
    static final long NATIONAL_SA_SENSITIVE = 10_000;

    private ListLint() {
    }

    /** Lints every {@code *.list.yaml} under dir; throws RuleSetException when a file cannot be read. */
    public static List<String> lint(Path dir) {
        List<SourceFile> files = ListDiscovery.discover(dir, dir.getFileName() == null ? "lists"
                : dir.getFileName().toString());
        return lint(ListLoader.parseAll(files));
    }

    public static List<String> lint(List<NegativeList> lists) {
        List<String> out = new ArrayList<>();
        for (NegativeList list : lists) {
            List<ListEntry> entries = list.entries();
            for (int i = 0; i < entries.size(); i++) {
                ListEntry a = entries.get(i);
                String at = list.source() + ":" + a.line() + ": ";
                if (a.fields().isEmpty()) {
                    out.add(at + "entry " + a.id() + " names no fields, so it can never match an item");
                }
                for (int j = i + 1; j < entries.size(); j++) {
                    ListEntry b = entries.get(j);
                    boolean sameScenario = a.scenario() == null || b.scenario() == null
                            || Objects.equals(a.scenario(), b.scenario());
                    List<String> shared = a.fields().stream().filter(b.fields()::contains).toList();
                    if (sameScenario && !shared.isEmpty() && a.pathway() != b.pathway()) {
                        out.add(list.source() + ":" + b.line() + ": entry " + b.id() + " (" + b.pathway()
                                + ") overlaps entry " + a.id() + " (line " + a.line() + ", " + a.pathway()
                                + ") on fields " + shared + "; where both thresholds are met the stricter pathway"
                                + " applies");
                    }
                }
                if (a.dataClass() == DataClass.PERSONAL_INFORMATION) {
                    stricterThanNational(a).ifPresent(msg -> out.add(at + "note: entry " + a.id() + " " + msg));
                }
            }
        }
        return out;
    }

    private static java.util.Optional<String> stricterThanNational(ListEntry e) {
        Threshold t = e.threshold();
        Long ind = t == null ? null : t.individualsAtLeast();
        Long sens = t == null ? null : t.sensitiveIndividualsAtLeast();
        if (e.pathway() == Pathway.SECURITY_ASSESSMENT
                && (t == null || ind != null && ind < NATIONAL_SA_INDIVIDUALS || sens != null && sens < NATIONAL_SA_SENSITIVE)) {
            return java.util.Optional.of("asks a security assessment below the national tier (1,000,000 persons or"
                    + " 10,000 sensitive persons a year, CBDF Art. 7 item 2); national exemptions (CBDF Arts. 4–5)"
                    + " still prevail, and measures Art. 8 lets lists relax PI tiers, not tighten them");
        }
        if (e.pathway() == Pathway.STANDARD_CONTRACT_OR_CERTIFICATION
                && (t == null || ind != null && ind < NATIONAL_EXEMPTION_BELOW && (sens == null))) {
            return java.util.Optional.of("asks a standard contract below 100,000 persons a year; the national"
                    + " exemption (CBDF Art. 5 item 4) prevails there, so the entry has no effect below it");
        }
        return java.util.Optional.empty();
    }
}
