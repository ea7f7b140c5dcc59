package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An allowlist of reviewed rule-set digests, enforced by --rules and reload (issue 13). */
class RuleSetAllowlistTest {
    @Test
    void onlyReviewedDigestsLoadFromARulesDirectoryOrReload(@TempDir Path dir) throws Exception {
        Path rules = TestServices.copyBundledRules(dir.resolve("rules"));
        String reviewed = ExportDecisionService.builder().rulesDirectory(rules)
                .allowUnvalidatedRules().build().ruleset().digest();
        String other = "sha256:" + "0".repeat(64);

        assertEquals(reviewed, ExportDecisionService.builder().rulesDirectory(rules).allowUnvalidatedRules()
                .allowedRuleSetDigests(List.of(other, reviewed)).build().ruleset().digest());
        RuleSetException e = assertThrows(RuleSetException.class, () -> ExportDecisionService.builder()
                .rulesDirectory(rules).allowUnvalidatedRules().allowedRuleSetDigests(List.of(other)).build());
        assertTrue(e.problems().get(0).contains("not on the allowlist"), e.problems().toString());
        // The bundled rules are reviewed with the release: the allowlist is about rule sets from elsewhere.
        ExportDecisionService service = ExportDecisionService.builder().allowedRuleSetDigests(List.of(other)).build();

        var refused = service.reload(ExportDecisionService.builder().rulesDirectory(rules)
                .allowUnvalidatedRules(), List.of());
        assertFalse(refused.reloaded());
        assertTrue(refused.errors().get(0).contains("not on the allowlist"), refused.errors().toString());

        Path allow = Files.writeString(dir.resolve("allowed.txt"), "# reviewed 2026-11-30\n" + other + "\n");
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[]{"validate-rules", rules.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err), InputStream.nullInputStream());
        assertEquals(0, exit, "validation itself does not need the allowlist");
        Path suites = Files.createDirectories(dir.resolve("suites"));
        Files.copy(Path.of("../ftz-outbound-core/src/test/resources/scenarios/smoke.scenario.yaml"), suites.resolve("smoke.scenario.yaml"));
        exit = Main.run(new String[]{"evaluate", "-", "--rules", rules.toString(), "--scenarios", suites.toString(),
                "--allowed-digests", allow.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                new java.io.ByteArrayInputStream("{}".getBytes()));
        assertEquals(3, exit, err.toString());
        assertTrue(err.toString().contains("not on the allowlist"), err.toString());
    }
}
