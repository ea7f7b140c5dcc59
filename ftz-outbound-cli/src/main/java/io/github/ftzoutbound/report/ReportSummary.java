package io.github.ftzoutbound.report;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The counts of a report, kept as the records stream past: by pathway, regime, reason (per data item), warning and
 * obligation (per decision). Only counts are kept, never the decisions, so memory does not grow with the archive.
 */
public final class ReportSummary {
    /** Distinct codes kept per table; a hostile archive with a new code on every line cannot fill the memory. */
    static final int MAX_CODES = 1_000;
    static final String OTHER = "…";
    /** Unreadable lines shown on the page; all of them go to unreadable.txt. */
    static final int MAX_UNREADABLE_SHOWN = 1_000;

    private long decisions;
    private long items;
    private long unreadable;
    private final Map<Pathway, Long> byPathway = new EnumMap<>(Pathway.class);
    private final Map<Regime, Long> byRegime = new EnumMap<>(Regime.class);
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Map<String, Long> byWarning = new TreeMap<>();
    private final Map<String, Long> byObligation = new TreeMap<>();
    private final List<String> unreadableShown = new ArrayList<>();

    void add(ExportDecision d) {
        decisions++;
        byPathway.merge(d.pathway(), 1L, Long::sum);
        byRegime.merge(d.regime(), 1L, Long::sum);
        for (ItemDecision i : d.items()) {
            items++;
            count(byReason, String.valueOf(i.reason()));
        }
        // A code counts once per decision, even when it is given for items and request-wide.
        Set<String> warnings = new LinkedHashSet<>();
        d.warnings().stream().map(Warning::code).forEach(c -> warnings.add(String.valueOf(c)));
        warnings.forEach(c -> count(byWarning, c));
        Set<String> obligations = new LinkedHashSet<>();
        d.obligations().stream().map(Obligation::code).forEach(c -> obligations.add(String.valueOf(c)));
        obligations.forEach(c -> count(byObligation, c));
    }

    void unreadable(String message) {
        unreadable++;
        if (unreadableShown.size() < MAX_UNREADABLE_SHOWN) {
            unreadableShown.add(message);
        }
    }

    private static void count(Map<String, Long> table, String code) {
        if (table.containsKey(code) || table.size() < MAX_CODES) {
            table.merge(code, 1L, Long::sum);
        } else {
            table.merge(OTHER, 1L, Long::sum);
        }
    }

    public long decisions() {
        return decisions;
    }

    public long items() {
        return items;
    }

    public long unreadable() {
        return unreadable;
    }

    public long pathway(Pathway p) {
        return byPathway.getOrDefault(p, 0L);
    }

    public long regime(Regime r) {
        return byRegime.getOrDefault(r, 0L);
    }

    public Map<String, Long> reasons() {
        return Collections.unmodifiableMap(byReason);
    }

    public Map<String, Long> warnings() {
        return Collections.unmodifiableMap(byWarning);
    }

    public Map<String, Long> obligations() {
        return Collections.unmodifiableMap(byObligation);
    }

    public List<String> unreadableShown() {
        return Collections.unmodifiableList(unreadableShown);
    }

    /** One line of a count table: the code, its name in the report's language, the count and its share. */
    public record Row(String code, String name, long count, String share) {
        /** Whether the code has a name of its own: then the report shows the name with the code beside it. */
        public boolean named() {
            return !name.equals(code);
        }
    }

    /** One bar of the pathway chart, laid out for an SVG 640 wide (label 250, bar up to 300, count after it). */
    public record Bar(String code, String name, long count, String share, int y, int width, int textX) {
    }

    public List<Row> pathwayRows(Labels l) {
        List<Row> rows = new ArrayList<>();
        for (Pathway p : Pathway.values()) {
            rows.add(new Row(p.name(), l.name("pathway", p), pathway(p), share(pathway(p), decisions)));
        }
        return rows;
    }

    public List<Row> regimeRows(Labels l) {
        List<Row> rows = new ArrayList<>();
        for (Regime r : Regime.values()) {
            rows.add(new Row(r.name(), l.name("regime", r), regime(r), share(regime(r), decisions)));
        }
        return rows;
    }

    /**
     * The rows of a reason, warning or obligation table, most frequent first: each code with its name from the
     * labels under {@code prefix} (the code itself when the labels have none, e.g. a list's own duty).
     */
    public List<Row> rows(Labels l, String prefix, Map<String, Long> table, long of) {
        List<Row> rows = new ArrayList<>();
        table.forEach((code, n) -> rows.add(new Row(code, l.name(prefix, code), n, share(n, of))));
        rows.sort((a, b) -> Long.compare(b.count(), a.count()));
        return rows;
    }

    public List<Bar> pathwayBars(Labels l) {
        long max = 1;
        for (Pathway p : Pathway.values()) {
            max = Math.max(max, pathway(p));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (Pathway p : Pathway.values()) {
            long n = pathway(p);
            int width = n == 0 ? 0 : (int) Math.max(2, Math.round(300.0 * n / max));
            bars.add(new Bar(p.name(), l.name("pathway", p), n, share(n, decisions), y, width, 260 + width + 8));
            y += 34;
        }
        return bars;
    }

    static String share(long n, long of) {
        return of == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }
}
