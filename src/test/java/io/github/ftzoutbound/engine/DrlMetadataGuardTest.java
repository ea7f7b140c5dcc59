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
                    ruleflow-group "resolve"
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
