package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rules folder ({@code --rules DIR}) is read by the same fail-closed reader as a list folder (issue 13, review
 * item): before, {@code ClasspathFiles.inDirectory} skipped every file that did not end in {@code .drl}, followed
 * links out of the folder, loaded an empty folder's nothing, and read a ConfigMap mount's files twice.
 */
class RulesFolderTest {
    private static final String DRL = "package x;\nrule \"r\" @noClause(\"test\") when then end\n";

    private static Path folder(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("cbdf"));
        Files.writeString(dir.resolve("cbdf/a.drl"), DRL);
        Files.writeString(dir.resolve("ruleset.properties"), "version=t\n");
        return dir;
    }

    private static List<String> problems(Path dir) {
        return assertThrows(RuleSetException.class, () -> FolderFiles.read(dir, "rules", RuleSetLoader.RULES_FOLDER))
                .problems();
    }

    @Test
    void readsRulesVersionCatalogLawAndSkipsTheSuitesAndAReadme(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp.resolve("rules"));
        Files.writeString(dir.resolve("catalog.yaml"), "x: 1\n");
        Files.createDirectories(dir.resolve("law"));
        Files.writeString(dir.resolve("law/instruments.yaml"), "x: 1\n");
        Files.writeString(dir.resolve("README.md"), "notes\n");
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/a.scenario.yaml"), "[]\n");
        List<String> read = FolderFiles.read(dir, "rules", RuleSetLoader.RULES_FOLDER).stream()
                .map(SourceFile::path).toList();
        assertEquals(List.of("rules/catalog.yaml", "rules/cbdf/a.drl", "rules/law/instruments.yaml",
                "rules/ruleset.properties"), read);
    }

    @Test
    void aFileThatWouldNotBeLoadedIsAnErrorNamingIt(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp.resolve("rules"));
        Files.writeString(dir.resolve("cbdf/b.DRL"), DRL);
        Files.writeString(dir.resolve("cbdf/c.drl~"), DRL);
        Files.writeString(dir.resolve("cbdf/notes.txt"), "x");
        List<String> p = problems(dir);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).contains("b.DRL") && p.get(0).contains("not a rule file"), p.toString());
        assertTrue(p.get(1).contains("c.drl~"), p.toString());
        assertTrue(p.get(2).contains("notes.txt"), p.toString());
        // Through the loader, before anything compiles: the old reader skipped b.DRL and loaded the rest.
        RuleSetException e = assertThrows(RuleSetException.class,
                () -> RuleSetLoader.load(dir, true, List.of()));
        assertTrue(e.problems().toString().contains("b.DRL"), e.problems().toString());
    }

    @Test
    void linksOutOfTheFolderDanglingLinksAndLinkedFoldersAreRefused(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp.resolve("rules"));
        Path outside = Files.writeString(tmp.resolve("outside.drl"), DRL);
        Files.createSymbolicLink(dir.resolve("escape.drl"), outside);
        Files.createSymbolicLink(dir.resolve("dangling.drl"), tmp.resolve("missing.drl"));
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("cbdf"));
        List<String> p = String.join("\n", problems(dir)).lines().toList();
        assertTrue(p.stream().anyMatch(l -> l.contains("escape.drl") && l.contains("outside the rules folder")), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("dangling.drl") && l.contains("dangling")), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("linked") && l.contains("symbolic link to a folder")), p.toString());
        // A link to a rule inside the folder is followed.
        Path ok = folder(tmp.resolve("ok"));
        Files.createSymbolicLink(ok.resolve("same.drl"), ok.resolve("cbdf/a.drl"));
        assertEquals(3, FolderFiles.read(ok, "rules", RuleSetLoader.RULES_FOLDER).size());
    }

    @Test
    void anEmptyFolderOrOneWithoutRulesIsRefused(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RuleSetException e = assertThrows(RuleSetException.class, () -> RuleSetLoader.load(empty, true, List.of()));
        assertTrue(e.problems().get(0).contains("no *.drl rule file"), e.problems().toString());
        Path onlyVersion = Files.createDirectories(tmp.resolve("version-only"));
        Files.writeString(onlyVersion.resolve("ruleset.properties"), "version=t\n");
        e = assertThrows(RuleSetException.class, () -> RuleSetLoader.load(onlyVersion, true, List.of()));
        assertTrue(e.problems().get(0).contains("no *.drl rule file"), e.problems().toString());
    }

    @Test
    void aKubernetesConfigMapMountIsReadOnceThroughItsLinks(@TempDir Path tmp) throws Exception {
        // kubelet's atomic writer: ..2026_11_30_…/files, ..data -> ..2026_…, and top-level links through ..data.
        Path mount = Files.createDirectories(tmp.resolve("mount"));
        Path stamped = Files.createDirectories(mount.resolve("..2026_11_30_08_00_00.123"));
        Files.writeString(stamped.resolve("a.drl"), DRL);
        Files.writeString(stamped.resolve("ruleset.properties"), "version=t\n");
        Files.createSymbolicLink(mount.resolve("..data"), Path.of("..2026_11_30_08_00_00.123"));
        Files.createSymbolicLink(mount.resolve("a.drl"), Path.of("..data/a.drl"));
        Files.createSymbolicLink(mount.resolve("ruleset.properties"), Path.of("..data/ruleset.properties"));
        List<String> read = FolderFiles.read(mount, "rules", RuleSetLoader.RULES_FOLDER).stream()
                .map(SourceFile::path).toList();
        assertEquals(List.of("rules/a.drl", "rules/ruleset.properties"), read);
    }

    @Test
    void ruleFilesThatAreNotUtf8AreRefusedByName(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp.resolve("rules"));
        Files.write(dir.resolve("cbdf/bad.drl"), new byte[]{'r', (byte) 0xC3, (byte) 0x28});
        List<String> p = problems(dir);
        assertTrue(p.get(0).contains("bad.drl") && p.get(0).contains("not valid UTF-8 (at byte 1)"), p.toString());
    }

    @Test
    void theBundledRulesCopiedToAFolderStillLoad(@TempDir Path tmp) throws Exception {
        Path rules = TestServices.copyBundledRules(tmp.resolve("rules"));
        List<SourceFile> read = FolderFiles.read(rules, "rules", RuleSetLoader.RULES_FOLDER);
        assertEquals(ClasspathFiles.under("rules", ".drl").size() + 1, read.size());
    }
}
