package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** validate-rules never runs code from rule metadata (issue 13): non-literal annotation values are refused first. */
class DrlMetadataGuardTest {
    @Test
    void theBundledRulesUseOnlyLiterals() {
        assertEquals(List.of(), DrlMetadataGuard.problems(ClasspathFiles.under("rules", ".drl")));
    }

    @Test
    void metadataThatWouldRunCodeIsRefusedBeforeCompiling(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("pwned");
        Path rules = TestServices.copyBundledRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("engine/evil.drl"), """
                package rules.engine
                import io.github.ftzoutbound.engine.facts.ExportItem;
                rule "Looks harmless"
                    @noClause(new java.io.File("%s").createNewFile())
                    salience 300
                when
                    ExportItem()
                then
                end
                """.formatted(marker.toString().replace("\\", "\\\\")));
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = Main.run(new String[]{"validate-rules", rules.toString()}, new java.io.PrintWriter(out),
                new java.io.PrintWriter(new java.io.StringWriter()), java.io.InputStream.nullInputStream());
        assertEquals(3, exit, out.toString());
        assertTrue(out.toString().contains("engine/evil.drl:") && out.toString()
                .contains("@noClause must be a quoted string"), out.toString());
        assertFalse(Files.exists(marker), "the annotation's code ran");
    }

    private static List<String> problemsOf(String meta, String consequence) {
        String drl = """
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
                """.formatted(meta, consequence);
        return DrlMetadataGuard.problems(List.of(new SourceFile("rules/engine/probe.drl", drl)));
    }

    @Test
    void aRuleAddingAWarningOrObligationNeedsItsMessageInBothLanguages() {
        String warn = "outcome.warning( drools, \"X\", $item );";
        String both = "    @message(\"Item {item}: declare it.\") @messageZh(\"数据项{item}：应当申报。\")";
        assertEquals(List.of(), problemsOf(both, warn));
        List<String> noZh = problemsOf("    @message(\"Declare it.\")", warn);
        assertEquals(1, noZh.size(), noZh::toString);
        assertTrue(noZh.get(0).startsWith("rules/engine/probe.drl:") && noZh.get(0).contains("\"Adds a warning\"")
                && noZh.get(0).contains("no @messageZh"), noZh::toString);
        List<String> noEn = problemsOf("    @messageZh(\"应当申报。\")",
                "outcome.obligationFor( drools, \"X\", java.util.List.of( $item ) );");
        assertTrue(noEn.size() == 1 && noEn.get(0).contains("no @message "), noEn::toString);
        List<String> category = problemsOf("", "outcome.categoryWarning( drools, \"X\", $item, \"JS-RULES\", 1 );");
        assertTrue(category.size() == 1 && category.get(0).contains("no @message "), category::toString);
        // A list's own duty speaks in the list's words; a rule adding no finding needs no message.
        assertEquals(List.of(), problemsOf("", "outcome.listDuty( drools, $item, null );"));
        assertEquals(List.of(), problemsOf("", "outcome.fired( drools );"));
    }

    @Test
    void bothLanguagesNameTheSamePlaceholders() {
        List<String> p = problemsOf("    @message(\"Item {item} of list {list}.\") @messageZh(\"数据项{item}。\")",
                "outcome.warning( drools, \"X\", $item );");
        assertTrue(p.size() == 1 && p.get(0).contains("[item, list]") && p.get(0).contains("[item]"), p::toString);
        assertEquals(List.of(), problemsOf("    @message(\"{list}: item {item}.\") @messageZh(\"数据项{item}（{list}）。\")",
                "outcome.warning( drools, \"X\", $item );"));
    }

    @Test
    void onlyQuotedStringsAndWholeNumbersAreLiterals() {
        assertTrue(DrlMetadataGuard.literal("\"PIPL\""));
        assertTrue(DrlMetadataGuard.literal("\"with \\\"escaped\\\" quotes and 中文\""));
        assertTrue(DrlMetadataGuard.literal("39"));
        assertFalse(DrlMetadataGuard.literal("\"a\" + \"b\""));
        assertFalse(DrlMetadataGuard.literal("\"a\".concat(\"b\")"));
        assertFalse(DrlMetadataGuard.literal("System.exit(1)"));
        assertFalse(DrlMetadataGuard.literal("PIPL"));
        assertFalse(DrlMetadataGuard.literal(new String[]{"\"a\""}));
    }
}
