package io.github.ftzoutbound;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every obligation and warning of every scenario reads in both languages (issue 16): an English {@code message}
 * and a Chinese {@code messageZh} with every placeholder filled, and no English left in the Chinese. Every rule
 * fires in some scenario (RuleCoverageTest), so this reaches every message the rules can give.
 */
class MessagesInBothLanguagesTest {
    /** An unfilled placeholder: a figure or argument nothing supplied. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*}");
    /**
     * Identifiers a Chinese message may name as they are: codes (NONE, COUNT_NON_EXEMPT), list, row and entry ids
     * (js-auto-2025, ZJ-R3), paths (law/instruments.yaml, dataItems[].conditions). What is left must not hold an
     * English word.
     */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "[A-Za-z0-9]*[A-Z0-9_.\\-/\\[\\]][A-Za-z0-9_.\\-/\\[\\]]*|[A-Za-z]+(?=[\\[./])");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[a-z]{3,}");

    @Test
    void everyMessageOfEveryScenarioIsInEnglishAndChinese() {
        List<Scenario> all = ScenarioSuites.load(ScenarioSuiteTest.SCENARIOS);
        List<String> failures = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        int messages = 0;
        for (Scenario s : all) {
            ScenarioResult r = ScenarioSuites.run(TestServices.withExampleLists(), s);
            ExportDecision d = r.decision();
            if (d == null) {
                continue;
            }
            Set<String> itemIds = new TreeSet<>(d.items().stream().map(ItemDecision::itemId).toList());
            for (Obligation o : d.obligations()) {
                check(s, o.code(), o.message(), o.messageZh(), itemIds, failures);
                codes.add(o.code());
                messages++;
            }
            for (Warning w : d.warnings()) {
                check(s, w.code(), w.message(), w.messageZh(), itemIds, failures);
                codes.add(w.code());
                messages++;
            }
        }
        assertTrue(messages > 500 && codes.size() > 30, messages + " messages of codes " + codes);
        assertEquals(List.of(), failures);
    }

    private static void check(Scenario s, String code, String en, String zh, Set<String> itemIds,
                              List<String> failures) {
        String where = s.source() + " " + code + ": ";
        if (en == null || en.isBlank() || zh == null || zh.isBlank()) {
            failures.add(where + "a message is missing: en=" + en + " zh=" + zh);
            return;
        }
        for (String text : new String[]{en, zh}) {
            Matcher m = PLACEHOLDER.matcher(text);
            if (m.find()) {
                failures.add(where + "placeholder " + m.group() + " left unfilled in: " + text);
            }
        }
        if (zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            failures.add(where + "no Chinese in messageZh: " + zh);
        }
        String rest = PLACEHOLDER.matcher(zh).replaceAll(" ");
        for (String id : itemIds) {
            rest = rest.replace(id, " ");
        }
        rest = IDENTIFIER.matcher(rest).replaceAll(" ");
        Matcher word = ENGLISH_WORD.matcher(rest);
        if (word.find()) {
            failures.add(where + "English word \"" + word.group() + "\" in messageZh: " + zh);
        }
    }

    @Test
    void theEnglishWordCheckCanFail() {
        List<String> failures = new ArrayList<>();
        Scenario s = new Scenario("probe", null, null, "probe.yaml:1");
        check(s, "X", "Report the export.", "应当报告 the export。", Set.of(), failures);
        check(s, "Y", "Item {item}.", "数据项{item}。", Set.of(), failures);
        check(s, "Z", "Item orders: file it (law/instruments.yaml, NONE).", "数据项orders：备案（law/instruments.yaml，NONE）。",
                Set.of("orders"), failures);
        assertEquals(3, failures.size(), failures::toString);
        assertTrue(failures.get(0).contains("\"the\"") && failures.get(1).contains("{item}")
                && failures.get(2).contains("{item}"), failures::toString);
    }
}
