package io.github.ftzoutbound.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The code catalogs beside the lists ({@code codes.yaml}): every sector, scenario and field code with its Chinese
 * and English name. A request naming a code no catalog knows is invalid input (legal-reading.md, "No answer
 * without the facts"): a typo must never move data off a list. {@link #suggest} offers the nearest known codes.
 */
public final class CodeCatalog {
    public enum Kind {
        SECTOR("sectors"), SCENARIO("scenarios"), FIELD("fields");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key of this kind in {@code codes.yaml}. */
        public String key() {
            return key;
        }
    }

    /** A code with its names. {@code source} is the catalog file that defines it. */
    public record Name(String code, String zh, String en, String source) {
    }

    public static final CodeCatalog EMPTY = new CodeCatalog(new EnumMap<>(Kind.class));

    private final Map<Kind, Map<String, Name>> codes;

    CodeCatalog(Map<Kind, Map<String, Name>> codes) {
        Map<Kind, Map<String, Name>> copy = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            copy.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(codes.getOrDefault(k, Map.of()))));
        }
        this.codes = copy;
    }

    public boolean knows(Kind kind, String code) {
        return codes.get(kind).containsKey(code);
    }

    public Map<String, Name> all(Kind kind) {
        return codes.get(kind);
    }

    public boolean isEmpty() {
        return codes.values().stream().allMatch(Map::isEmpty);
    }

    /** Up to three known codes nearest to {@code code} by edit distance, nearest first (none when too far). */
    public List<String> suggest(Kind kind, String code) {
        record Scored(String code, int distance) {
        }
        int limit = Math.max(2, code.length() / 3);
        List<Scored> scored = new ArrayList<>();
        for (String known : codes.get(kind).keySet()) {
            int d = distance(code, known);
            if (d <= limit || known.contains(code) && code.length() >= 4 || code.contains(known) && known.length() >= 4) {
                scored.add(new Scored(known, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::code));
        return scored.stream().limit(3).map(Scored::code).toList();
    }

    /** Levenshtein distance; codes are at most 64 characters, so the quadratic table is small. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "unknown sector code CROSS_BORDER_ECOMERCE; did you mean CROSS_BORDER_ECOMMERCE?" */
    public String unknownMessage(Kind kind, String code) {
        return unknownProblem(kind, code).message();
    }

    /**
     * The same as a {@link io.github.ftzoutbound.model.Problem} (path {@code lists}) that reads in Chinese too, in
     * the words a request's unknown code has (model/Problems: code.unknown.*, code.unknownNear.*).
     */
    public io.github.ftzoutbound.model.Problem unknownProblem(Kind kind, String code) {
        List<String> near = suggest(kind, code);
        String what = kind.name().toLowerCase(java.util.Locale.ROOT);
        return near.isEmpty() ? io.github.ftzoutbound.model.Problem.of("lists", "code.unknown." + what, code)
                : io.github.ftzoutbound.model.Problem.of("lists", "code.unknownNear." + what, code, near);
    }
}
