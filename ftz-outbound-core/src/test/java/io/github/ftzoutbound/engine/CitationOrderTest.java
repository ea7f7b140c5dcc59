package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.Citation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The written-out citation order ({@link DecisionEngine#CITATION_ORDER}) is the order of the comparator chain it
 * replaced (kept here as the reference): the same sign for every pair of the catalog's clauses, hand-made list
 * entries and clauses with absent members, and so the same sorted sets and the same de-duplication.
 */
class CitationOrderTest {
    private static final List<String> INSTRUMENT_ORDER = List.of("NEGATIVE-LIST", "JS-MEASURES", "JS-RULES",
            "ZJ-MEASURES", "ZJ-RULES", "CBDF", "SCC-MEASURES", "CERT-MEASURES", "NDSR", "DSL", "PIPL", "ECL", "FTL");
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < INSTRUMENT_ORDER.size(); i++) {
            RANK.put(INSTRUMENT_ORDER.get(i), i);
        }
    }

    /** The chain as it was before issue 14's full record path. */
    private static final Comparator<Citation> CHAIN = Comparator
            .comparingInt((Citation c) -> RANK.getOrDefault(c.instrument(), INSTRUMENT_ORDER.size()))
            .thenComparing(Citation::listId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Citation::entryId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Citation::article, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Citation::paragraph, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Citation::item, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Citation::subItem, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Citation::rule, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Citation::category, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static List<Citation> citations() {
        List<Citation> all = new ArrayList<>(TestServices.bundled().ruleSet().catalog().all());
        // List entries and duties, two instruments the order does not know, and clauses that differ in one member.
        all.add(new Citation("NEGATIVE-LIST", null, null, null, null, null, null, "ZJ-1", "E-2", "a", "x"));
        all.add(new Citation("NEGATIVE-LIST", null, null, null, null, null, null, "ZJ-1", "E-10", "b", null));
        all.add(new Citation("NEGATIVE-LIST", null, null, null, null, null, null, "JS-2", null, "adopted", "q"));
        all.add(new Citation("NEGATIVE-LIST", null, null, null, null, null, null, "ZJ-1", "E-2", "other label",
                "other text"));
        all.add(new Citation("UNKNOWN-A", 1, null, null, null, null, null, null, null, null, null));
        all.add(new Citation("UNKNOWN-B", null, null, null, null, null, null, null, null, null, null));
        all.add(new Citation("CBDF", 5, null, null, null, null, null, null, null, null, null));
        all.add(new Citation("CBDF", 5, 1, 4, 2, null, null, null, null, null, null));
        all.add(new Citation("CBDF", 5, 1, 4, null, 3, 1, null, null, null, null));
        all.add(new Citation("CBDF", null, null, null, null, null, 2, null, null, null, null));
        return all;
    }

    @Test
    void everyPairComparesAsTheChainDid() {
        List<Citation> all = citations();
        assertTrue(all.size() > 50, "the catalog's clauses are in: " + all.size());
        for (Citation a : all) {
            for (Citation b : all) {
                assertEquals(Integer.signum(CHAIN.compare(a, b)),
                        Integer.signum(DecisionEngine.CITATION_ORDER.compare(a, b)), a + " against " + b);
            }
        }
    }

    @Test
    void sortedSetsAreTheSame() {
        List<Citation> all = citations();
        TreeSet<Citation> chain = new TreeSet<>(CHAIN);
        TreeSet<Citation> written = new TreeSet<>(DecisionEngine.CITATION_ORDER);
        chain.addAll(all);
        written.addAll(all);
        assertEquals(new ArrayList<>(chain), new ArrayList<>(written));
        // One clause with two labels is one member, the first added: the set de-duplicates by the order.
        Citation relabelled = all.get(all.size() - 7);
        assertEquals("other label", relabelled.label());
        assertEquals("a", written.floor(relabelled).label());
        assertEquals(List.of("NEGATIVE-LIST JS-2", "NEGATIVE-LIST ZJ-1 E-10", "NEGATIVE-LIST ZJ-1 E-2"),
                written.stream().limit(3).map(Citation::key).toList());
        assertEquals("UNKNOWN-A art1", written.last().key()); // same rank: absent article first
    }
}
