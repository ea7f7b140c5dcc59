package io.github.ftzoutbound.api;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Regime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DecisionRecordSerializer} field by field: every member set, every member null, the inclusion rules of each
 * nested record (NON_NULL, NON_EMPTY, none), the clauses table in key order, lean against full. Each case states the
 * JSON it expects and checks it against the bean serializer ({@link BeanRecordJson}), compact and pretty.
 */
class DecisionRecordSerializerTest {
    private static final Citation ART = new Citation("CBDF", 5, 1, 4, null, null, null, null, null,
            "《规定》第五条", "text of the clause");
    private static final Citation ENTRY = new Citation("NEGATIVE-LIST", null, null, null, null, null, null, "ZJ-1",
            "E-2", "list E-2", null);
    private static final Citation ALL = new Citation("X", 1, 2, 3, 4, 5, 6, "L", "E", "label", "text");

    /** The same bytes as the bean serializer, compact and pretty; returns the compact JSON. */
    private static String sameAsBean(DecisionRecord r) {
        assertEquals(BeanRecordJson.write(r, true), DecisionJson.toJson(r, true));
        String compact = DecisionJson.toJson(r, false);
        assertEquals(BeanRecordJson.write(r, false), compact);
        return compact;
    }

    @Test
    void everyMemberSetIsWrittenInTheRecordsOrder() {
        Map<String, Citation> clauses = new LinkedHashMap<>(); // insertion order differs from key order on purpose
        clauses.put(ENTRY.key(), ENTRY);
        clauses.put(ART.key(), ART);
        clauses.put(ALL.key(), ALL);
        LedgerSnapshot ledger = new LedgerSnapshot("91330200MA2XXXXX0X", CountingPolicy.COUNT_ALL, 2026,
                new PersonCounts(10, 1), PersonCounts.ZERO, LedgerSnapshot.Window.NONE,
                Instant.parse("2026-12-01T10:00:00Z"), "old-id", "2026-11-30");
        DecisionRecord r = new DecisionRecord(3, DecisionRecord.Detail.FULL, "R-1", "D-1",
                Instant.parse("2026-12-01T09:00:00.123Z"), LocalDate.of(2026, 11, 23), "sha256:ab", Regime.ZHEJIANG_FTZ,
                Pathway.STANDARD_CONTRACT_OR_CERTIFICATION,
                List.of(new DecisionRecord.Item("i-1", Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, "HGR", "because",
                        7,
                        List.of(ART.key(), ENTRY.key()), "en", "中文",
                        List.of(new DecisionRecord.NotChosenRefs(Pathway.SECURITY_ASSESSMENT, List.of(0))))),
                List.of(ART.key()),
                List.of(new DecisionRecord.Coded("DUTY", List.of("i-1"), List.of(ART.key()), "m", "消息")),
                List.of(new DecisionRecord.Coded("WARN", List.of(), List.of(), "w", "警告")),
                ledger, new RulesetInfo("v1", "sha256:cd", List.of("a.drl", "b.drl")), "0.2.0",
                List.of(new DecisionRecord.Trace(0, List.of("i-1"), List.of(ENTRY.key()))),
                List.of(new DecisionRecord.Rule("rule one", "a.drl", List.of(ART.key()))),
                List.of(new DecisionRecord.Condition("not met", "未满足", List.of(ALL.key()))),
                clauses, Requests.zhejiangEcommerce(1, 3));
        String json = sameAsBean(r);
        List<String> keys = List.of("recordFormat", "detail", "requestId", "decisionId", "evaluatedAt",
                "evaluationDate", "requestDigest", "regime", "pathway", "items", "citations", "obligations",
                "warnings", "ledger", "ruleset", "engineVersion", "trace", "rules", "conditions", "clauses",
                "request");
        int at = -1;
        for (String k : keys) {
            int next = json.indexOf("\"" + k + "\":", at);
            assertTrue(next > at, k + " after the key before it: " + json);
            at = next;
        }
        assertTrue(json.startsWith("{\"recordFormat\":3,\"detail\":\"full\",\"requestId\":\"R-1\",\"decisionId\":"
                + "\"D-1\",\"evaluatedAt\":\"2026-12-01T09:00:00.123Z\",\"evaluationDate\":\"2026-11-23\","), json);
        assertTrue(json.contains("\"items\":[{\"itemId\":\"i-1\",\"pathway\":"
                + "\"STANDARD_CONTRACT_OR_CERTIFICATION\",\"route\":\"HGR\",\"reason\":\"because\",\"row\":7,"
                + "\"citations\":[\"" + ART.key() + "\",\"" + ENTRY.key()
                + "\"],\"explanation\":\"en\",\"explanationZh\":\"中文\",\"notChosen\":[{\"pathway\":"
                + "\"SECURITY_ASSESSMENT\",\"conditions\":[0]}]}]"), json);
        assertTrue(json.contains("\"ruleset\":{\"version\":\"v1\",\"digest\":\"sha256:cd\",\"files\":[\"a.drl\","
                + "\"b.drl\"]},\"engineVersion\":\"0.2.0\",\"trace\":[{\"rule\":0,\"itemIds\":[\"i-1\"],"
                + "\"citations\":[\"" + ENTRY.key() + "\"]}]"), json);
        // The clauses table in key order, whatever the map's order; every member of a clause in the record's order.
        assertTrue(json.contains("\"clauses\":{\"CBDF art5 para1 item4\":{\"instrument\":\"CBDF\",\"article\":5,"
                + "\"paragraph\":1,\"item\":4,\"label\":\"《规定》第五条\",\"text\":\"text of the clause\"},"
                + "\"NEGATIVE-LIST ZJ-1 E-2\":{\"instrument\":\"NEGATIVE-LIST\",\"listId\":\"ZJ-1\",\"entryId\":"
                + "\"E-2\",\"label\":\"list E-2\"},\"X art1 para2 item3 sub4 rule5 cat6 L E\":{\"instrument\":\"X\","
                + "\"article\":1,\"paragraph\":2,\"item\":3,\"subItem\":4,\"rule\":5,\"category\":6,\"listId\":\"L\","
                + "\"entryId\":\"E\",\"label\":\"label\",\"text\":\"text\"}}"), json);
        assertTrue(json.contains("\"ledger\":{\"creditCode\":\"91330200MA2XXXXX0X\",\"policy\":\"COUNT_ALL\""), json);
        assertTrue(json.contains("\"request\":{\"requestId\":\"B-3\""), json);
    }

    @Test
    void nullMembersAreLeftOutWhereTheRecordSaysSo() {
        DecisionRecord empty = new DecisionRecord(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertEquals("{}", sameAsBean(empty));
        DecisionRecord r = new DecisionRecord(3, DecisionRecord.Detail.LEAN, null, null, null, null, null, null,
                null, Arrays.asList(new DecisionRecord.Item(null, null, null, null, null, null, null, null, null),
                null),
                Arrays.asList("a", null), List.of(new DecisionRecord.Coded(null, null, null, null, null)), List.of(),
                null, new RulesetInfo(null, null, null), null,
                // A trace entry writes rule and itemIds even when null; its citations only when there are some.
                Arrays.asList(new DecisionRecord.Trace(null, null, null), new DecisionRecord.Trace(1, List.of(),
                        List.of()), null),
                // A rule leaves out an empty name, source or citations as well as a null one.
                Arrays.asList(new DecisionRecord.Rule("", "", List.of()), new DecisionRecord.Rule(null, null, null)),
                Arrays.asList(new DecisionRecord.Condition(null, null, null), null),
                Map.of(), null);
        assertEquals("{\"recordFormat\":3,\"detail\":\"lean\",\"items\":[{},null],\"citations\":[\"a\",null],"
                + "\"obligations\":[{}],\"warnings\":[],\"ruleset\":{\"version\":null,\"digest\":null},"
                + "\"trace\":[{\"rule\":null,\"itemIds\":null},{\"rule\":1,\"itemIds\":[]},null],\"rules\":[{},{}],"
                + "\"conditions\":[{},null],\"clauses\":{}}", sameAsBean(r));
        DecisionRecord refs = new DecisionRecord(null, null, null, null, null, null, null, null, null,
                List.of(new DecisionRecord.Item("i", null, null, null, null, List.of(), null, null,
                        Arrays.asList(new DecisionRecord.NotChosenRefs(null, null),
                                new DecisionRecord.NotChosenRefs(Pathway.EXEMPT, Arrays.asList(2, null)), null))),
                null, null, null, null, null, null, null, null, null, null, null);
        // notChosen references have no inclusion rule: a null pathway or conditions is written as null.
        assertEquals("{\"items\":[{\"itemId\":\"i\",\"citations\":[],\"notChosen\":[{\"pathway\":null,\"conditions\":"
                + "null},{\"pathway\":\"EXEMPT\",\"conditions\":[2,null]},null]}]}", sameAsBean(refs));
    }

    @Test
    void leanAndFullRecordsOfOneDecision() {
        ExportDecision d = TestServices.bundled().evaluate(Requests.zhejiangEcommerce(10, 5), true);
        String full = sameAsBean(DecisionRecord.of(d, DecisionRecord.Detail.FULL));
        String lean = sameAsBean(DecisionRecord.of(d, DecisionRecord.Detail.LEAN));
        for (String key : List.of("\"trace\":", "\"rules\":", "\"conditions\":", "\"explanation\":",
                "\"notChosen\":", "\"message\":", "\"text\":")) {
            assertTrue(full.contains(key), "full has " + key);
            assertFalse(lean.contains(key), "lean has no " + key);
        }
        assertTrue(lean.contains("\"detail\":\"lean\"") && full.contains("\"detail\":\"full\""));
        // Both carry the request and so its digest (a lean record states it beside its request).
        assertTrue(lean.contains("\"requestDigest\":\"" + d.requestDigest() + "\""), lean);
        assertTrue(full.contains("\"requestDigest\":\"" + d.requestDigest() + "\""), full);
        // Written as itself, a decision is its full record.
        assertEquals(full, DecisionJson.toJson(d, false));
        assertEquals(full, DecisionJson.toJson(d, DecisionRecord.Detail.FULL, false));
    }
}
