package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.model.Pathway;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListLoaderTest {
    static final String GOOD = """
            id: T-1
            ftz: ZHEJIANG
            status: ILLUSTRATIVE
            title: test
            version: "1"
            effectiveFrom: 2025-01-01
            effectiveTo: 2026-01-01
            sectors: [S]
            scenarios: [A, B]
            entries:
              - id: T-1-1
                scenario: A
                dataClass: PERSONAL_INFORMATION
                fields: [F1, F2]
                threshold: { individualsAtLeast: 500000 }
                pathway: STANDARD_CONTRACT_OR_CERTIFICATION
                description: d
            """;

    static List<String> problems(String yaml) {
        return assertThrows(RuleSetException.class,
                () -> ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", yaml)))).problems();
    }

    static void assertProblem(String yaml, String startsWith, String contains) {
        List<String> problems = problems(yaml);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(startsWith) && p.contains(contains)),
                () -> "expected a problem starting " + startsWith + " containing " + contains + ", got " + problems);
    }

    @Test
    void readsAGoodList() {
        NegativeList l = ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", GOOD))).get(0);
        assertEquals("T-1", l.id());
        assertEquals(List.of("A", "B"), l.scenarios());
        ListEntry e = l.entries().get(0);
        assertEquals(500000L, e.threshold().individualsAtLeast());
        assertNull(e.threshold().sensitiveIndividualsAtLeast());
        assertEquals(Pathway.STANDARD_CONTRACT_OR_CERTIFICATION, e.pathway());
        assertEquals(11, e.line());
    }

    @Test
    void unknownKeysAreRefusedWithFileAndLine() {
        assertProblem(GOOD.replace("    description: d", "    descripton: d"), "lists/t.list.yaml:17:", "descripton");
        assertProblem(GOOD + "owner: me\n", "lists/t.list.yaml:18:", "owner");
    }

    @Test
    void unknownEnumsAreRefused() {
        assertProblem(GOOD.replace("ftz: ZHEJIANG", "ftz: SHANGHAI"), "lists/t.list.yaml:2:", "SHANGHAI");
        assertProblem(GOOD.replace("dataClass: PERSONAL_INFORMATION", "dataClass: PI"), "lists/t.list.yaml:13:", "PI");
        assertProblem(GOOD.replace("pathway: STANDARD_CONTRACT_OR_CERTIFICATION", "pathway: EXEMPT"),
                "lists/t.list.yaml:16:", "pathway");
        assertProblem(GOOD.replace("status: ILLUSTRATIVE", "status: DRAFT"), "lists/t.list.yaml:3:", "DRAFT");
    }

    @Test
    void invertedOrMalformedDatesAreRefused() {
        assertProblem(GOOD.replace("effectiveTo: 2026-01-01", "effectiveTo: 2024-12-31"), "lists/t.list.yaml:7:",
                "must be after");
        assertProblem(GOOD.replace("effectiveTo: 2026-01-01", "effectiveTo: 2025-01-01"), "lists/t.list.yaml:7:",
                "must be after");
        assertProblem(GOOD.replace("effectiveFrom: 2025-01-01", "effectiveFrom: 2025-13-01"), "lists/t.list.yaml:6:",
                "ISO date");
    }

    @Test
    void missingRequiredKeysAreRefused() {
        assertProblem(GOOD.replace("id: T-1\n", ""), "lists/t.list.yaml:", "id is required");
        assertProblem(GOOD.replace("    pathway: STANDARD_CONTRACT_OR_CERTIFICATION\n", ""), "lists/t.list.yaml:11:",
                "pathway is required");
        assertProblem(GOOD.replace("sectors: [S]\n", ""), "lists/t.list.yaml:1:", "sectors is required");
    }

    @Test
    void duplicateIdsAreRefused() {
        String twice = GOOD + """
                  - id: T-1-1
                    dataClass: IMPORTANT_DATA
                    fields: [F3]
                    pathway: SECURITY_ASSESSMENT
                """;
        assertProblem(twice, "lists/t.list.yaml:18:", "duplicate entry id");
        List<String> p = assertThrows(RuleSetException.class, () -> ListLoader.parseAll(List.of(
                new SourceFile("lists/a.list.yaml", GOOD), new SourceFile("lists/b.list.yaml", GOOD)))).problems();
        assertTrue(p.stream().anyMatch(s -> s.startsWith("lists/b.list.yaml:1:") && s.contains("duplicate list id")), p::toString);
        assertProblem(GOOD.replace("version: \"1\"", "version: \"1\"\nversion: \"2\""), "lists/t.list.yaml:", "uplicate");
    }

    @Test
    void entryScenarioMustBeOneOfTheListsAndImportantDataNeedsAnAssessment() {
        assertProblem(GOOD.replace("    scenario: A", "    scenario: C"), "lists/t.list.yaml:12:", "not among");
        assertProblem(GOOD.replace("dataClass: PERSONAL_INFORMATION", "dataClass: IMPORTANT_DATA"),
                "lists/t.list.yaml:16:", "SECURITY_ASSESSMENT");
        assertProblem(GOOD.replace("{ individualsAtLeast: 500000 }", "{ individualsAtLeast: 0 }"),
                "lists/t.list.yaml:15:", "between 1");
        assertProblem(GOOD.replace("{ individualsAtLeast: 500000 }", "{ }"), "lists/t.list.yaml:15:", "threshold needs");
    }

    @Test
    void yamlCannotInstantiateTypesNorExpandAliases() {
        assertProblem(GOOD.replace("title: test", "title: !!javax.script.ScriptEngineManager [x]"),
                "lists/t.list.yaml:", "");
        String aliases = GOOD.replace("sectors: [S]", "sectors: &s [S]\nscenarios2: *s");
        assertProblem(aliases, "lists/t.list.yaml:", "");
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
        assertProblem(bomb, "lists/t.list.yaml:", "");
    }

    @Test
    void lintFindsOverlapsEmptyEntriesAndStricterThanNational() {
        String yaml = GOOD.replace("    fields: [F1, F2]", "    fields: [F1, F2]") + """
                  - id: T-1-2
                    scenario: A
                    dataClass: PERSONAL_INFORMATION
                    fields: [F2]
                    threshold: { individualsAtLeast: 200000 }
                    pathway: SECURITY_ASSESSMENT
                  - id: T-1-3
                    dataClass: PERSONAL_INFORMATION
                    fields: []
                    threshold: { individualsAtLeast: 2000000 }
                    pathway: SECURITY_ASSESSMENT
                  - id: T-1-4
                    dataClass: PERSONAL_INFORMATION
                    fields: [F9]
                    threshold: { individualsAtLeast: 50000 }
                    pathway: STANDARD_CONTRACT_OR_CERTIFICATION
                """;
        List<String> findings = ListLint.lint(ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", yaml))));
        assertEquals(4, findings.size(), findings::toString);
        assertTrue(findings.get(0).startsWith("lists/t.list.yaml:18:") && findings.get(0).contains("overlaps entry T-1-1"), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.contains("T-1-2") && f.contains("below the national tier")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("lists/t.list.yaml:24:") && f.contains("no fields")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.contains("T-1-4") && f.contains("100,000")), findings::toString);
        assertEquals(List.of(), ListLint.lint(ListLoader.parseAll(List.of(new SourceFile("lists/t.list.yaml", GOOD)))));
    }
}
