package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.Texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what is legal to write in a list file but probably wrong, for the legal team before a list goes live.
 * Each finding has a code:
 * <ul>
 * <li>OVERLAP: rows of one list and scenario share fields but carry different pathways, and are not tiers (a
 * tier is the laxer row starting lower on the same tally than every band of the stricter row: 50万 standard
 * contract, 300万 security assessment is a tier, not an overlap);</li>
 * <li>NO_FIELDS: a format-1 entry names no fields, so it can never match;</li>
 * <li>STRICTER_THAN_NATIONAL: a personal-information row asks more than the national rules (which still prevail
 * where they are more lenient);</li>
 * <li>UNKNOWN_CODE: a sector, scenario or field code no code catalog defines (never acknowledgeable);</li>
 * <li>UNUSED_ACKNOWLEDGEMENT: an acknowledgement in the file that matches no finding.</li>
 * </ul>
 * A finding the file acknowledges ({@code acknowledged:} with the finding code, the rows and a reason) is reported
 * with its reason but does not count. Findings read {@code file:line: CODE: message}.
 */
public final class ListLint {
    /** CBDF Art. 5 item 4: below this many non-sensitive persons a year, a non-CIIO is exempt. */
    static final long NATIONAL_EXEMPTION_BELOW = 100_000;
    /** CBDF Art. 7 item 2: from this many non-sensitive persons a year, a security assessment. */
    static final long NATIONAL_SA_INDIVIDUALS = 1_000_000;
    /** CBDF Art. 7 item 2: from this many sensitive persons a year, a security assessment. */
    static final long NATIONAL_SA_SENSITIVE = 10_000;

    /**
     * One finding; {@code acknowledged} is the file's reason when the legal team has accepted it, else null.
     * {@code text} is its message as a {@link Problem} of the bundle {@code lists/ListProblems} (or, for an unknown
     * code, {@code model/Problems}), so that it reads in Chinese too; null for a finding made with the short
     * constructor, which reads {@code message} in every language. The finding code, rows and the file's own reason
     * are never translated: the file and the legal team's scripts use them as they are.
     */
    public record Finding(String file, int line, String code, List<String> rows, String message,
                          String acknowledged, Problem text) {
        /** A finding whose message reads the same in every language. */
        public Finding(String file, int line, String code, List<String> rows, String message, String acknowledged) {
            this(file, line, code, rows, message, acknowledged, null);
        }

        static Finding of(String file, int line, String code, List<String> rows, Problem text) {
            return new Finding(file, line, code, rows, text.message(), null, text);
        }

        /** The message in {@code locale}'s language (Chinese for zh, English otherwise). */
        public String message(Locale locale) {
            return text == null ? message : text.message(locale);
        }

        /** {@code file:line: CODE: message}, with the reason when acknowledged, in English. */
        @Override
        public String toString() {
            return toString(Locale.ROOT);
        }

        /** {@code file:line: CODE: message} in {@code locale}'s language; "已确认" for acknowledged in Chinese. */
        public String toString(Locale locale) {
            return Texts.text(ListLoader.BUNDLE, locale, acknowledged == null ? "lint.finding" : "lint.acknowledged",
                    file, line, code, message(locale), acknowledged);
        }

        Finding acknowledgedAs(String reason) {
            return new Finding(file, line, code, rows, message, reason, text);
        }
    }

    /** What a lint run found: {@code findings} count, {@code acknowledged} are reported only. */
    public record Report(List<Finding> findings, List<Finding> acknowledged) {
    }

    private ListLint() {
    }

    /**
     * Lints the list and adoption files under dir against the bundled code catalog and dir's own
     * {@code codes.yaml}; throws RuleSetException when a file cannot be read or the folder holds anything else
     * (ListDiscovery).
     */
    public static Report lint(Path dir) {
        String prefix = dir.getFileName() == null ? "lists" : dir.getFileName().toString();
        List<SourceFile> found = ListDiscovery.discover(dir, prefix);
        List<SourceFile> codes = new ArrayList<>(ClasspathFiles.under("lists", ListDiscovery.CODES_FILE));
        codes.addAll(ListDiscovery.only(found, ListDiscovery.CODES_FILE));
        ListLoader.Loaded loaded = ListLoader.load(ListDiscovery.only(found, ListDiscovery.SUFFIX),
                ListDiscovery.only(found, ListDiscovery.ADOPTION_SUFFIX), codes);
        return lint(loaded.lists(), loaded.codes());
    }

    /** The counting findings as {@code file:line: CODE: message}, without a code catalog check. */
    public static List<String> lint(List<NegativeList> lists) {
        return lint(lists, null).findings().stream().map(Finding::toString).toList();
    }

    /** Lints lists; with a catalog, codes no catalog defines are findings too. */
    public static Report lint(List<NegativeList> lists, CodeCatalog catalog) {
        List<Finding> raw = new ArrayList<>();
        Set<String> listsSeen = new HashSet<>();
        for (NegativeList list : lists) {
            if (catalog != null) {
                codes(list, catalog, raw);
            }
            List<ListEntry> entries = list.entries();
            for (int i = 0; i < entries.size(); i++) {
                ListEntry a = entries.get(i);
                if (a.fields().isEmpty() && list.format() == 1) {
                    raw.add(Finding.of(list.source(), a.line(), "NO_FIELDS", List.of(a.id()),
                            text("lint.noFields", a.id())));
                }
                for (int j = i + 1; j < entries.size(); j++) {
                    ListEntry b = entries.get(j);
                    boolean sameScenario = a.scenario() == null || b.scenario() == null
                            || Objects.equals(a.scenario(), b.scenario());
                    List<String> shared = a.fields().stream().filter(b.fields()::contains).toList();
                    if (sameScenario && !shared.isEmpty() && a.pathway() != b.pathway() && !tiers(a, b)) {
                        raw.add(Finding.of(list.source(), b.line(), "OVERLAP", List.of(a.id(), b.id()),
                                text("lint.overlap", b.id(), b.pathway(), a.id(), a.line(), a.pathway(),
                                        String.valueOf(shared))));
                    }
                }
                if (a.dataClass() == DataClass.PERSONAL_INFORMATION) {
                    stricterThanNational(a).ifPresent(key -> raw.add(Finding.of(list.source(), a.line(),
                            "STRICTER_THAN_NATIONAL", List.of(a.id()), text(key, a.id()))));
                }
            }
        }
        // Acknowledgements are per list file; a multi-sector file is read as several lists sharing them.
        List<Finding> findings = new ArrayList<>();
        List<Finding> acknowledged = new ArrayList<>();
        Set<Acknowledgement> used = new HashSet<>();
        for (Finding f : raw) {
            Acknowledgement ack = lists.stream().filter(l -> l.source().equals(f.file()))
                    .flatMap(l -> l.acknowledgements().stream())
                    .filter(a -> a.finding().equals(f.code()) && !"UNKNOWN_CODE".equals(f.code())
                            && a.rows().containsAll(f.rows()))
                    .findFirst().orElse(null);
            if (ack == null) {
                findings.add(f);
            } else {
                used.add(ack);
                acknowledged.add(f.acknowledgedAs(ack.reason()));
            }
        }
        for (NegativeList list : lists) {
            if (!listsSeen.add(list.source())) {
                continue;
            }
            for (Acknowledgement a : list.acknowledgements()) {
                if (!used.contains(a)) {
                    findings.add(Finding.of(list.source(), 1, "UNUSED_ACKNOWLEDGEMENT", a.rows(),
                            text("lint.unusedAcknowledgement", a.finding(), String.valueOf(a.rows()))));
                }
            }
        }
        return new Report(List.copyOf(findings), List.copyOf(acknowledged));
    }

    private static void codes(NegativeList list, CodeCatalog catalog, List<Finding> out) {
        for (String s : list.sectors()) {
            if (!catalog.knows(CodeCatalog.Kind.SECTOR, s)) {
                out.add(Finding.of(list.source(), 1, "UNKNOWN_CODE", List.of(),
                        catalog.unknownProblem(CodeCatalog.Kind.SECTOR, s)));
            }
        }
        for (String s : list.scenarios()) {
            if (!catalog.knows(CodeCatalog.Kind.SCENARIO, s)) {
                out.add(Finding.of(list.source(), 1, "UNKNOWN_CODE", List.of(),
                        catalog.unknownProblem(CodeCatalog.Kind.SCENARIO, s)));
            }
        }
        for (ListEntry e : list.entries()) {
            if (e.scenario() != null && !catalog.knows(CodeCatalog.Kind.SCENARIO, e.scenario())
                    && !list.scenarios().contains(e.scenario())) {
                out.add(Finding.of(list.source(), e.line(), "UNKNOWN_CODE", List.of(e.id()),
                        catalog.unknownProblem(CodeCatalog.Kind.SCENARIO, e.scenario())));
            }
            for (String f : e.fields()) {
                if (!catalog.knows(CodeCatalog.Kind.FIELD, f)) {
                    List<String> near = catalog.suggest(CodeCatalog.Kind.FIELD, f);
                    out.add(Finding.of(list.source(), e.line(), "UNKNOWN_CODE", List.of(e.id()), near.isEmpty()
                            ? text("lint.unknownField", e.id(), f) : text("lint.unknownFieldNear", e.id(), f, near)));
                }
            }
        }
    }

    /**
     * Two rows are tiers, not an overlap, when both have bands and every band of the stricter row has a band of
     * the laxer row on the same tally starting lower: the laxer row covers the lower volumes, the stricter the
     * higher ones, and where both are met the stricter holds by design.
     */
    static boolean tiers(ListEntry a, ListEntry b) {
        if (a.bands().isEmpty() || b.bands().isEmpty() || a.route() != null || b.route() != null) {
            return false;
        }
        ListEntry stricter = rank(a.pathway()) > rank(b.pathway()) ? a : b;
        ListEntry laxer = stricter == a ? b : a;
        return stricter.bands().stream().allMatch(s -> laxer.bands().stream()
                .anyMatch(l -> l.counts() == s.counts() && l.atLeast() < s.atLeast()));
    }

    private static int rank(Pathway p) {
        return p.ordinal();
    }

    /** A finding's message: {@code key} of {@link ListLoader#BUNDLE} with {@code args}. */
    private static Problem text(String key, Object... args) {
        return Problem.in(ListLoader.BUNDLE, "lists", key, args);
    }

    /** The key of the note when a personal-information row asks more than the national rules, if it does. */
    private static Optional<String> stricterThanNational(ListEntry e) {
        if (e.route() != null) {
            return Optional.empty();
        }
        List<Band> bands = e.bands();
        if (e.pathway() == Pathway.SECURITY_ASSESSMENT && (bands.isEmpty() || bands.stream().anyMatch(b ->
                (b.counts() == Counts.NON_SENSITIVE_PERSONS || b.counts() == Counts.ALL_PERSONS)
                        && (b.atLeast() < NATIONAL_SA_INDIVIDUALS || b.counts() == Counts.ALL_PERSONS)
                        || (b.counts() == Counts.SENSITIVE_PERSONS || b.counts() == Counts.ACCOUNT_OR_MEDICAL_PERSONS)
                        && b.atLeast() < NATIONAL_SA_SENSITIVE))) {
            return Optional.of("lint.stricterAssessment");
        }
        if (e.pathway() == Pathway.STANDARD_CONTRACT_OR_CERTIFICATION && (bands.isEmpty() || bands.stream().anyMatch(b ->
                (b.counts() == Counts.NON_SENSITIVE_PERSONS || b.counts() == Counts.ALL_PERSONS)
                        && b.atLeast() < NATIONAL_EXEMPTION_BELOW)
                && bands.stream().noneMatch(b -> b.counts() == Counts.SENSITIVE_PERSONS))) {
            return Optional.of("lint.stricterContract");
        }
        return Optional.empty();
    }
}
