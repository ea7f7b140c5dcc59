package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * validate-rules never runs code from rule metadata (issue 13): non-literal annotation values are refused first,
 * before anything is compiled. What the guard refuses and how it names it is tested in core's
 * {@code DrlMetadataGuardTest}, without a compiler.
 */
class ValidateRulesMetadataTest {
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
}
