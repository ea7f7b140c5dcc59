package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.ListBandFact;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.engine.facts.NegativeListFact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list rows an evaluation inserts (issue 14): those its items can match by field code or by name in
 * {@code listRows}, and always the important-data and description-defined rows, which rules read without an item.
 * The bundled Zhejiang list: ECOMMERCE-001/002 (BUYER_ID_NUMBER, BUYER_FACE_IMAGE), ECOMMERCE-003 (…,
 * SHIPPING_ADDRESS), ECOMMERCE-005 (important data), CLEARING-001/002/003 (card and payee fields).
 */
class ListFactIndexTest {
    private static final RuleSet RULES = TestServices.bundled().ruleSet();

    private static List<ExportItem> items(String itemsJson) {
        return Requests.exportItems(Requests.zhejiangEcommerceWithItems(itemsJson));
    }

    private static Set<String> rows(List<Object> facts) {
        Set<String> ids = new TreeSet<>();
        for (Object f : facts) {
            if (f instanceof ListEntryFact e) {
                ids.add(e.getId());
            }
        }
        return ids;
    }

    @Test
    void anItemGetsTheRowsSharingOneOfItsFieldsAndNoOthers() {
        Set<String> rows = rows(RULES.listFactsFor(items(
                "{\"id\":\"a\",\"fields\":[\"SHIPPING_ADDRESS\"],\"personalInformation\":{\"individuals\":10}}")));
        assertTrue(rows.contains("ZJ-2024-ECOMMERCE-003"), rows.toString());
        assertFalse(rows.contains("ZJ-2024-ECOMMERCE-001"), rows.toString());
        assertFalse(rows.contains("ZJ-2024-ECOMMERCE-002"), rows.toString());
        assertFalse(rows.contains("ZJ-2024-CLEARING-003"), rows.toString());
    }

    @Test
    void importantDataRowsAreAlwaysInsertedForTheFieldsNotGivenRules() {
        Set<String> none = rows(RULES.listFactsFor(items("{\"id\":\"a\",\"personalInformation\":{\"individuals\":10}}")));
        assertTrue(none.contains("ZJ-2024-ECOMMERCE-005"), none.toString());
        assertFalse(none.contains("ZJ-2024-ECOMMERCE-003"), none.toString());
    }

    @Test
    void aRowNamedInListRowsIsInsertedWithoutASharedField() {
        Set<String> rows = rows(RULES.listFactsFor(items("{\"id\":\"a\",\"fields\":[\"ORDER_TOTALS\"],"
                + "\"listRows\":[\"ZJ-2024-CLEARING-003\"]}")));
        assertTrue(rows.contains("ZJ-2024-CLEARING-003"), rows.toString());
        assertFalse(rows.contains("ZJ-2024-CLEARING-001"), rows.toString());
    }

    @Test
    void bandsFollowTheirRowAndListsDutiesAndAdoptionsAreAlwaysInserted() {
        List<Object> facts = RULES.listFactsFor(items(
                "{\"id\":\"a\",\"fields\":[\"BUYER_ID_NUMBER\"],\"personalInformation\":{\"individuals\":10}}"));
        Set<String> rows = rows(facts);
        assertTrue(rows.containsAll(Set.of("ZJ-2024-ECOMMERCE-001", "ZJ-2024-ECOMMERCE-002")), rows.toString());
        for (Object f : facts) {
            if (f instanceof ListBandFact b) {
                assertTrue(rows.contains(b.getEntry().getId()), "band of a row not inserted: " + b.getEntry());
            }
        }
        assertEquals(2, facts.stream().filter(f -> f instanceof ListBandFact b
                && b.getEntry().getId().startsWith("ZJ-2024-ECOMMERCE-00")).count());
        assertEquals(RULES.lists().size(), facts.stream().filter(f -> f instanceof NegativeListFact).count());
        // Every fact not a row or band of a list is kept, in load order.
        List<Object> others = RULES.listFacts().stream()
                .filter(f -> !(f instanceof ListEntryFact) && !(f instanceof ListBandFact)).toList();
        assertEquals(others, facts.stream()
                .filter(f -> !(f instanceof ListEntryFact) && !(f instanceof ListBandFact)).toList());
    }
}
