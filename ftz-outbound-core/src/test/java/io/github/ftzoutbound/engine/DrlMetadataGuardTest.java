package io.github.ftzoutbound.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule metadata that Drools would evaluate as code is refused by parsing alone, naming file, line, rule and
 * annotation (issue 13); a rule adding a finding carries its words in both languages (issue 16). Nothing is
 * compiled here; that {@code validate-rules} refuses before compiling is shown by the cli's
 * {@code ValidateRulesMetadataTest}.
 */
class DrlMetadataGuardTest {
    @Test
    void theBundledRulesUseOnlyLiterals() {
        assertEquals(List.of(), DrlMetadataGuard.problems(ClasspathFiles.under("rules", ".drl")));
    }

    private static List<String> problems(String drl) {
        return DrlMetadataGuard.problems(List.of(new SourceFile("rules/engine/probe.drl", drl)));
    }

    private static List<String> problemsOf(String meta, String consequence) {
        return problems("""
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;
                global io.github.ftzoutbound.engine.facts.Outcome outcome;
                rule "Adds a warning"
                    @noClause("test")
                %s
                    salience 200
                when
                    $item : ExportItem()
                then
                    %s
                end
                """.formatted(meta, consequence));
    }

    @Test
    void codeInAnAnnotationIsRefusedNamingFileLineRuleAndAnnotation() {
        List<String> p = problems("""
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;

                rule "Looks harmless"
                    @instrument("CBDF")
                    @article(java.lang.Runtime.getRuntime().availableProcessors())
                    salience 300
                when
                    ExportItem()
                then
                end
                """);
        // The line is the rule's: Drools 10's parser gives annotations no line of their own.
        assertEquals(List.of("rules/engine/probe.drl:4: rule \"Looks harmless\": @article must be a quoted string or "
                + "a whole number, not java.lang.Runtime.getRuntime().availableProcessors() (Drools would evaluate "
                + "it as code while compiling)"), p);
    }

    @Test
    void aLongValueIsShownCutAndOnOneLine() {
        String call = "java.lang.System.getProperty(\"user.home\",\n    \"" + "x".repeat(80) + "\")";
        List<String> p = problems("""
                package rules.engine
                rule "Long"
                    @explain(%s)
                    salience 500
                when
                then
                end
                """.formatted(call));
        assertEquals(1, p.size(), p::toString);
        String shown = call.replaceAll("\\s+", " ").substring(0, 60) + "…";
        assertTrue(p.get(0).contains("not " + shown + " (Drools"), p.get(0));
        assertFalse(p.get(0).contains("\n"), p.get(0));
    }

    @Test
    void aDeclaredTypesAnnotationsAreCheckedToo() {
        List<String> p = problems("""
                package rules.engine
                declare Marker
                    @doc(System.getenv("HOME"))
                    name : String
                end
                """);
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("rules/engine/probe.drl:2: declare Marker: @doc must be"), p.get(0));
    }

    @Test
    void syntaxErrorsAreLeftToTheCompilerWhichBuildsNothing() {
        assertEquals(List.of(), problems("package rules.engine\nrule \"Broken\"\nwhen\n  ExportItem( \nthen\nend\n"));
    }

    @Test
    void everyFileIsCheckedAndNamed() {
        String bad = "package rules.engine\nrule \"X\"\n    @row(1 + 1)\n    salience 500\nwhen\nthen\nend\n";
        List<String> p = DrlMetadataGuard.problems(List.of(new SourceFile("rules/a.drl", bad),
                new SourceFile("rules/ok.drl", "package rules.engine\nrule \"Y\" @row(\"1\") salience 500 when then end\n"),
                new SourceFile("rules/b.drl", bad)));
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("rules/a.drl:2: rule \"X\": @row must be"), p.get(0));
        assertTrue(p.get(1).startsWith("rules/b.drl:2: "), p.get(1));
    }

    @Test
    void aRuleAddingAWarningOrObligationNeedsItsMessageInBothLanguages() {
        String warn = "outcome.warning( drools, \"X\", $item );";
        String both = "    @message(\"Item {item}: declare it.\") @messageZh(\"数据项{item}：应当申报。\")";
        assertEquals(List.of(), problemsOf(both, warn));
        List<String> noZh = problemsOf("    @message(\"Declare it.\")", warn);
        assertEquals(1, noZh.size(), noZh::toString);
        assertTrue(noZh.get(0).startsWith("rules/engine/probe.drl:4: rule \"Adds a warning\" adds an obligation")
                && noZh.get(0).contains("no @messageZh"), noZh::toString);
        List<String> noEn = problemsOf("    @messageZh(\"应当申报。\")",
                "outcome.obligationFor( drools, \"X\", java.util.List.of( $item ) );");
        assertTrue(noEn.size() == 1 && noEn.get(0).contains("no @message "), noEn::toString);
        List<String> category = problemsOf("", "outcome.categoryWarning( drools, \"X\", $item, \"JS-RULES\", 1 );");
        assertTrue(category.size() == 1 && category.get(0).contains("no @message "), category::toString);
        assertEquals(1, problemsOf("", "outcome.obligation( drools, \"X\" );").size());
        assertEquals(1, problemsOf("", "Finding . warningFor ( drools, \"X\", null );").size());
        // A number is not a message: it counts as none.
        List<String> number = problemsOf("    @message(5) @messageZh(\"应当申报。\")", warn);
        assertTrue(number.stream().anyMatch(s -> s.contains("no @message ")), number::toString);
        // A list's own duty speaks in the list's words; a rule adding no finding needs no message.
        assertEquals(List.of(), problemsOf("", "outcome.listDuty( drools, $item, null );"));
        assertEquals(List.of(), problemsOf("", "outcome.fired( drools );"));
        assertEquals(List.of(), problemsOf("", "outcome.warnings( drools );"));
    }

    @Test
    void bothLanguagesNameTheSamePlaceholders() {
        List<String> p = problemsOf("    @message(\"Item {item} of list {list}.\") @messageZh(\"数据项{item}。\")",
                "outcome.warning( drools, \"X\", $item );");
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("rules/engine/probe.drl:4: rule \"Adds a warning\": @message names [item, list]"
                + " but @messageZh names [item]"), p::toString);
        assertEquals(List.of(), problemsOf("    @message(\"{list}: item {item}.\") @messageZh(\"数据项{item}（{list}）。\")",
                "outcome.warning( drools, \"X\", $item );"));
    }

    @Test
    void onlyQuotedStringsAndWholeNumbersAreLiterals() {
        assertTrue(DrlMetadataGuard.literal("\"PIPL\""));
        assertTrue(DrlMetadataGuard.literal("  \"padded\"  "));
        assertTrue(DrlMetadataGuard.literal("\"with \\\"escaped\\\" quotes and 中文\""));
        assertTrue(DrlMetadataGuard.literal("\"\\u4e2d\\t\\n\\\\\""));
        assertTrue(DrlMetadataGuard.literal("\"\""));
        assertTrue(DrlMetadataGuard.literal("39"));
        assertTrue(DrlMetadataGuard.literal("-5"));
        assertTrue(DrlMetadataGuard.literal("123456789"));
        assertFalse(DrlMetadataGuard.literal("1234567890"), "ten digits: not a whole number the metadata needs");
        assertFalse(DrlMetadataGuard.literal("1.5"));
        assertFalse(DrlMetadataGuard.literal("\"a\" + \"b\""));
        assertFalse(DrlMetadataGuard.literal("\"a\".concat(\"b\")"));
        assertFalse(DrlMetadataGuard.literal("\"bad \\q escape\""));
        assertFalse(DrlMetadataGuard.literal("\"two\nlines\""));
        assertFalse(DrlMetadataGuard.literal("\"unclosed"));
        assertFalse(DrlMetadataGuard.literal("System.exit(1)"));
        assertFalse(DrlMetadataGuard.literal("PIPL"));
        assertFalse(DrlMetadataGuard.literal(null));
        assertFalse(DrlMetadataGuard.literal(new String[]{"\"a\""}));
    }
    private static List<String> ftzRule(String pkg, String when) {
        return DrlMetadataGuard.problems(List.of(new SourceFile("rules/x/probe.drl", """
                package %s
                import io.github.ftzoutbound.engine.facts.ExportCase;
                import io.github.ftzoutbound.model.Regime;
                import io.github.ftzoutbound.model.Ftz;
                global io.github.ftzoutbound.engine.facts.Outcome outcome;
                rule "An FTZ rule"
                    @noClause("test")
                    salience 200
                when
                %s
                then
                end
                """.formatted(pkg, when))));
    }

    @Test
    void aRuleInAnFtzPackageMustBeConfinedToThatFtz() {
        // Each FTZ's rule base leaves the other FTZ's package out: a rule there that is not confined to its FTZ would
        // silently stop applying to other processors.
        List<String> national = ftzRule("rules.jiangsu", "    $c : ExportCase( regime == Regime.NATIONAL )");
        assertEquals(1, national.size(), national.toString());
        assertTrue(national.get(0).startsWith("rules/x/probe.drl:6: rule \"An FTZ rule\" is in package rules.jiangsu"),
                national.get(0));
        assertTrue(national.get(0).contains("regime == Regime.JIANGSU_FTZ"), national.get(0));
        // The other FTZ's regime does not confine it to this one.
        assertEquals(1, ftzRule("rules.zhejiang", "    ExportCase( regime == Regime.JIANGSU_FTZ )").size());
        // The words under a not (or an exists) do not confine the rule either.
        assertEquals(1, ftzRule("rules.jiangsu", "    ExportCase()\n    not ExportCase( regime == Regime.JIANGSU_FTZ )")
                .size());
        // Either confining constraint, among others and however spaced, is accepted.
        assertEquals(List.of(), ftzRule("rules.jiangsu", "    ExportCase( ciio, regime==Regime.JIANGSU_FTZ )"));
        assertEquals(List.of(), ftzRule("rules.zhejiang",
                "    ExportCase( ftz == Ftz.ZHEJIANG, regime == Regime.NATIONAL )"));
        // Other packages are not FTZ packages.
        assertEquals(List.of(), ftzRule("rules.national", "    ExportCase( regime == Regime.NATIONAL )"));
    }
}
