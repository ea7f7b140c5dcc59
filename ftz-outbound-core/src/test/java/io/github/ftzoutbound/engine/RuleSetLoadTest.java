package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules that do not compile, or carry no citation, or cite a clause the catalog lacks, mean no service at all. */
class RuleSetLoadTest {
    static Path copyRules(Path dir) throws IOException {
        return TestServices.copyBundledRules(dir);
    }

    static List<String> loadProblems(Path rules) {
        return assertThrows(RuleSetException.class,
                () -> ExportDecisionService.builder().rulesDirectory(rules).allowUnvalidatedRules().build()).problems();
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path file = rules.resolve("cbdf/cbdf-art08-standard-contract.drl");
        String drl = Files.readString(file);
        String edited = drl.replace("ExportCase( !ciio, $tns : annualIndividuals, $ts : annualSensitiveIndividuals )",
                "ExportCase( !ciio, $tns : annualIndividuals, $ts : annualSensitiveIndividuals ");
        assertNotEquals(drl, edited, "the test breaks this constraint; update the test with the DRL");
        Files.writeString(file, edited);
        List<String> problems = loadProblems(rules);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("rules/cbdf/cbdf-art08-standard-contract.drl:")),
                problems::toString);
    }

    @Test
    void aRuleWithoutCitationMetadataIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path file = rules.resolve("cbdf/cbdf-art08-standard-contract.drl");
        Files.writeString(file, Files.readString(file).replace("@instrument(\"CBDF\") @article(8) ", ""));
        List<String> problems = loadProblems(rules);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("no citation metadata"), problems::toString);
    }

    @Test
    void aRuleCitingAClauseMissingFromTheCatalogIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path file = rules.resolve("cbdf/cbdf-art08-standard-contract.drl");
        Files.writeString(file, Files.readString(file).replace("@article(8)", "@article(88)"));
        List<String> problems = loadProblems(rules);
        assertTrue(problems.get(0).contains("CBDF art88") && problems.get(0).contains("not in the citation catalog"),
                problems::toString);
    }

    @Test
    void aMissingVersionFileIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.delete(rules.resolve("ruleset.properties"));
        assertTrue(loadProblems(rules).get(0).contains("ruleset.properties"));
    }

    @Test
    void theDigestCoversEveryRuleFileAndOnlyTheirContent(@TempDir Path dir) throws IOException {
        Path a = copyRules(dir.resolve("a"));
        Path b = copyRules(dir.resolve("b"));
        String digestA = ExportDecisionService.builder().rulesDirectory(a)
                .allowUnvalidatedRules().build().ruleset().digest();
        assertEquals(digestA, ExportDecisionService.builder().rulesDirectory(b)
                .allowUnvalidatedRules().build().ruleset().digest(),
                "same files, same digest");
        Path file = b.resolve("cbdf/cbdf-art08-standard-contract.drl");
        Files.writeString(file, Files.readString(file) + "\n// a comment changes the digest\n");
        assertNotEquals(digestA, ExportDecisionService.builder().rulesDirectory(b)
                .allowUnvalidatedRules().build().ruleset().digest());
        assertTrue(digestA.matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void digestIsLineEndingIndependent() {
        String lf = Digests.ruleSetDigest(List.of(new SourceFile("rules/x.drl", "a\nb\n")));
        String crlf = Digests.ruleSetDigest(List.of(new SourceFile("rules/x.drl", "a\r\nb\r\n")));
        assertEquals(lf, crlf);
        assertNotEquals(lf, Digests.ruleSetDigest(List.of(new SourceFile("rules/y.drl", "a\nb\n"))));
    }
}
