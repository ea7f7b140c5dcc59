package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.lists.ListEntry;
import io.github.ftzoutbound.lists.NegativeList;
import io.github.ftzoutbound.lists.Threshold;
import io.github.ftzoutbound.model.Basis;
import io.github.ftzoutbound.model.DataItem;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Ftz;
import io.github.ftzoutbound.model.Holdings;
import io.github.ftzoutbound.model.ImportantDataIndicator;
import io.github.ftzoutbound.model.ImportantDataStatus;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.Recipient;
import io.github.ftzoutbound.model.Zone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Valid requests for property and oracle tests, built from jqwik arbitraries so that a failing request shrinks
 * to a small one. The vocabulary (FTZs, sectors, scenarios, fields, thresholds, list dates) is read from the
 * bundled negative lists, so the requests reach the lists' entries, their thresholds and their windows;
 * dependent values (zones, de-duplicated totals, the account-or-medical subset) are derived in the mapping
 * functions so that every generated and every shrunk request passes validation.
 */
final class RequestGen {
    /** Who is exporting and under which list (if any): the FTZ, the sector, and pools to draw scenarios and fields from. */
    record Profile(String name, Ftz ftz, String sector, List<String> scenarios, List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<NegativeList> LISTS = TestServices.reliability().ruleSet().lists().stream()
            .map(f -> f.getList()).toList();
    static final List<String> ALL_FIELDS;
    static final List<String> ALL_SCENARIOS;
    static final List<Long> BOUNDS;
    static final List<LocalDate> DATES;
    static final List<Profile> PROFILES;

    static {
        Set<String> fields = new TreeSet<>();
        Set<String> scenarios = new TreeSet<>();
        Set<String> sectors = new TreeSet<>();
        Set<Long> bounds = new TreeSet<>(List.of(1L, 10_000L, 100_000L, 1_000_000L, 10_000_000L));
        Set<LocalDate> dates = new TreeSet<>();
        for (NegativeList l : LISTS) {
            sectors.addAll(l.sectors());
            scenarios.addAll(l.scenarios());
            dates.add(l.effectiveFrom());
            dates.add(l.effectiveFrom().minusDays(1));
            if (l.effectiveTo() != null) {
                dates.add(l.effectiveTo());
                dates.add(l.effectiveTo().minusDays(1));
            }
            for (ListEntry e : l.entries()) {
                fields.addAll(e.fields());
                if (e.scenario() != null) {
                    scenarios.add(e.scenario());
                }
                Threshold t = e.threshold();
                if (t != null && t.individualsAtLeast() != null) {
                    bounds.add(t.individualsAtLeast());
                }
                if (t != null && t.sensitiveIndividualsAtLeast() != null) {
                    bounds.add(t.sensitiveIndividualsAtLeast());
                }
            }
        }
        ALL_FIELDS = List.copyOf(fields);
        ALL_SCENARIOS = List.copyOf(scenarios);
        BOUNDS = List.copyOf(bounds);
        List<LocalDate> d = new ArrayList<>();
        d.add(LocalDate.of(2026, 11, 23)); // first: jqwik shrinks towards it
        d.addAll(dates);
        // Both sides of every date of the law in force (legal-reading.md, revision 2).
        for (String day : List.of("2024-03-22", "2024-12-31", "2025-01-01", "2025-04-09", "2025-04-10", "2025-08-12",
                "2025-08-13", "2025-12-31", "2026-01-01", "2027-08-12", "2027-08-13")) {
            d.add(LocalDate.parse(day));
        }
        d.add(LocalDate.of(2027, 6, 1)); // ahead of the build date, within the 366 days EvaluationDates allows
        DATES = List.copyOf(new LinkedHashSet<>(d));

        List<Profile> p = new ArrayList<>();
        // Simplest first (shrinking moves towards the first profile): national rules, no sector.
        p.add(new Profile("NATIONAL", Ftz.NONE, null, ALL_SCENARIOS, ALL_FIELDS));
        for (NegativeList l : LISTS) {
            List<String> listFields = new ArrayList<>();
            Set<String> listScenarios = new TreeSet<>(l.scenarios());
            for (ListEntry e : l.entries()) {
                listFields.addAll(e.fields());
                if (e.scenario() != null) {
                    listScenarios.add(e.scenario());
                }
            }
            for (String sector : l.sectors()) {
                // Under the list: weighted in by appearing three times.
                Profile under = new Profile(l.id() + "/" + sector, l.ftz(), sector, List.copyOf(listScenarios),
                        List.copyOf(new LinkedHashSet<>(listFields)));
                p.add(under);
                p.add(under);
                p.add(under);
                // The same sector elsewhere: another FTZ's list or national rules must not apply.
                for (Ftz other : Ftz.values()) {
                    if (other != l.ftz()) {
                        p.add(new Profile(other + "/" + sector, other, sector, ALL_SCENARIOS, ALL_FIELDS));
                    }
                }
            }
        }
        for (Ftz ftz : List.of(Ftz.JIANGSU, Ftz.ZHEJIANG)) {
            p.add(new Profile(ftz + "/no-sector", ftz, null, ALL_SCENARIOS, ALL_FIELDS));
            p.add(new Profile(ftz + "/TRAVEL", ftz, "TRAVEL", ALL_SCENARIOS, ALL_FIELDS));
        }
        PROFILES = List.copyOf(p);
    }

    private RequestGen() {
    }

    /** A count of persons: mostly zero, small, or next to a threshold of the reading or of a list; rarely anything. */
    static Arbitrary<Long> count() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just(0L)),
                Tuple.of(20, Arbitraries.longs().between(1, 99_999)),
                Tuple.of(25, nearBound()),
                Tuple.of(10, Arbitraries.longs().between(0, 3_000_000)),
                Tuple.of(1, Arbitraries.longs().between(0, Limits.MAX_COUNT)));
    }

    /** Sensitive persons: more often none, since a single one leaves the CBDF 5(4) exemption. */
    static Arbitrary<Long> sensitiveCount() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0L)), Tuple.of(2, count()));
    }

    static Arbitrary<Long> nearBound() {
        return Combinators.combine(Arbitraries.of(BOUNDS), Arbitraries.of(0L, -1L, 1L))
                .as((b, delta) -> Math.max(0L, b + delta));
    }

    static Arbitrary<PersonCounts> personCounts() {
        return Combinators.combine(count(), sensitiveCount()).as(PersonCounts::new);
    }

    static Arbitrary<Holdings> holdings() {
        return Combinators.combine(count(), sensitiveCount(), sensitiveCount())
                .as((i, s, am) -> new Holdings(i, s, Math.min(s, am)));
    }

    /** Item flags: stateSecret, nationalCoreData, exportControlled, restrictedTechnology. */
    record Flags(boolean secret, boolean core, boolean controlled, boolean restricted) {
    }

    static Arbitrary<Boolean> rarely(int oneIn) {
        return Arbitraries.frequency(Tuple.of(oneIn - 1, false), Tuple.of(1, true));
    }

    static Arbitrary<Flags> flags() {
        return Combinators.combine(rarely(14), rarely(14), rarely(6), rarely(6)).as(Flags::new);
    }

    /** An item before its id and field pool are known: field choices are indices into the profile's pool. */
    record ItemDraft(String name, Integer category, List<Integer> fieldChoices, PersonCounts pi,
                     ImportantDataStatus importantData, List<ImportantDataIndicator> indicators, Flags flags,
                     Basis basis) {
        DataItem build(String id, Profile profile) {
            List<String> pool = new ArrayList<>(profile.fields());
            pool.add("OTHER_FIELD");
            pool.add("EMPLOYEE_NAME");
            Set<String> fields = new LinkedHashSet<>();
            for (int c : fieldChoices) {
                fields.add(pool.get(c % pool.size()));
            }
            return new DataItem(id, name, category, List.copyOf(fields), pi, importantData, indicators,
                    flags.core(), flags.secret(), flags.controlled(), flags.restricted(), basis);
        }
    }

    static Arbitrary<ItemDraft> items() {
        Arbitrary<PersonCounts> pi = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(PersonCounts.ZERO)),
                Tuple.of(5, personCounts()));
        Arbitrary<ImportantDataStatus> status = Arbitraries.frequency(
                Tuple.of(12, ImportantDataStatus.NONE), Tuple.of(1, ImportantDataStatus.NOTIFIED),
                Tuple.of(1, ImportantDataStatus.SELF_IDENTIFIED), Tuple.of(1, ImportantDataStatus.UNKNOWN));
        Arbitrary<List<ImportantDataIndicator>> indicators = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(List.<ImportantDataIndicator>of())),
                Tuple.of(1, Arbitraries.of(ImportantDataIndicator.class).set().ofMinSize(1).ofMaxSize(3)
                        .map(s -> List.copyOf(new TreeSet<>(s)))));
        return Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').withChars('订', '单', ' ').ofMaxLength(12).injectNull(0.6),
                Arbitraries.integers().between(1, 39).injectNull(0.7),
                Arbitraries.integers().between(0, 99).list().ofMaxSize(4),
                pi, status, indicators, flags(),
                // The item's own basis (revision 2), mostly absent so the request's applies.
                Arbitraries.of(Basis.class).injectNull(0.75)).as(ItemDraft::new);
    }

    /** Request-wide choices other than the processor and the items. */
    record Context(int scenarioChoice, Basis basis, String treaty, LocalDate date, Recipient recipient) {
    }

    static Arbitrary<Context> contexts() {
        Arbitrary<Basis> basis = Arbitraries.frequency(
                Tuple.of(12, Basis.NONE), Tuple.of(2, Basis.CONTRACT_WITH_INDIVIDUAL), Tuple.of(2, Basis.CROSS_BORDER_HR),
                Tuple.of(2, Basis.EMERGENCY), Tuple.of(2, Basis.INTERNATIONAL_ACTIVITY), Tuple.of(2, Basis.FOREIGN_COLLECTED),
                Tuple.of(2, Basis.STATUTORY_DUTY));
        return Combinators.combine(
                Arbitraries.integers().between(0, 99),
                basis,
                Arbitraries.of("Agreement between A and B on data", "条约").injectNull(0.85),
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(DATES.get(0))), Tuple.of(3, Arbitraries.of(DATES))),
                Arbitraries.of(new Recipient("Example GmbH", "DE"), new Recipient(null, "SG")).injectNull(0.5)
        ).as(Context::new);
    }

    record ProcessorDraft(Profile profile, int zoneChoice, boolean ciio, Holdings holdings, PersonCounts exported,
                          String name) {
        Processor build() {
            Zone zone = null;
            if (profile.ftz() != Ftz.NONE) {
                List<Zone> zones = Arrays.stream(Zone.values()).filter(z -> z.ftz() == profile.ftz()).toList();
                zone = zones.get(zoneChoice % zones.size());
            }
            return new Processor(name, profile.ftz(), zone, ciio, profile.sector(), holdings, exported);
        }
    }

    static Arbitrary<ProcessorDraft> processors() {
        Arbitrary<PersonCounts> exported = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(PersonCounts.ZERO)), Tuple.of(3, personCounts()));
        Arbitrary<Holdings> holdings = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Holdings.ZERO)), Tuple.of(3, holdings()));
        return Combinators.combine(Arbitraries.of(PROFILES), Arbitraries.integers().between(0, 3), rarely(5),
                holdings, exported, Arbitraries.of("Suzhou Example Co., Ltd.", "宁波示例有限公司").injectNull(0.5))
                .as(ProcessorDraft::new);
    }

    /** Valid requests, one to five items, evaluation date always set. */
    static Arbitrary<ExportRequest> requests() {
        // totalsChoice: -1 = no de-duplicated totals (the sum is used); 0..100 = how far between the largest
        // item and the sum over items the caller's de-duplicated totals lie (per tally).
        Arbitrary<int[]> totalsChoice = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new int[]{-1, -1})),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(0, 100)).as((a, b) -> new int[]{a, b})));
        return Combinators.combine(processors(), contexts(), items().list().ofMinSize(1).ofMaxSize(5), totalsChoice)
                .as(RequestGen::build);
    }

    static ExportRequest build(ProcessorDraft pd, Context c, List<ItemDraft> drafts, int[] totalsChoice) {
        Profile profile = pd.profile();
        List<String> scenarioPool = new ArrayList<>();
        scenarioPool.add(null);
        scenarioPool.addAll(profile.scenarios());
        scenarioPool.add("OTHER_SCENARIO");
        String scenario = scenarioPool.get(c.scenarioChoice() % scenarioPool.size());
        List<DataItem> items = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            items.add(drafts.get(i).build("item-" + i, profile));
        }
        PersonCounts totals = null;
        if (totalsChoice[0] >= 0) {
            long maxI = 0;
            long maxS = 0;
            long sumI = 0;
            long sumS = 0;
            for (DataItem it : items) {
                maxI = Math.max(maxI, it.personalInformation().individuals());
                maxS = Math.max(maxS, it.personalInformation().sensitiveIndividuals());
                sumI += it.personalInformation().individuals();
                sumS += it.personalInformation().sensitiveIndividuals();
            }
            // Never above the contract's 10,000,000,000 ceiling, never below the largest item.
            totals = new PersonCounts(between(maxI, Math.min(sumI, Limits.MAX_COUNT), totalsChoice[0]),
                    between(maxS, Math.min(sumS, Limits.MAX_COUNT), totalsChoice[1]));
        }
        return new ExportRequest("GEN-" + Integer.toHexString(drafts.hashCode() & 0xffff), c.date(), pd.build(),
                scenario, c.basis(), c.treaty(), c.recipient(), totals, items);
    }

    private static long between(long min, long max, int percent) {
        long v = min + (max - min) / 100 * percent + (max - min) % 100 * percent / 100;
        return Math.min(max, Math.max(min, v));
    }

    /** {@code n} requests drawn outside a property (for the concurrency test), reproducible from the seed. */
    static List<ExportRequest> sample(int n, long seed) {
        boolean own = !JqwikSession.isActive();
        if (own) {
            JqwikSession.start();
        }
        try {
            Random random = new Random(seed);
            var generator = requests().generator(1000);
            List<ExportRequest> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(generator.next(random).value());
            }
            return out;
        } finally {
            if (own) {
                JqwikSession.finish();
            }
        }
    }
}
