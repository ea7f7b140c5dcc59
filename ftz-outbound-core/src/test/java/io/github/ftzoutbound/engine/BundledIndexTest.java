package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build-time index of the bundled rules and lists (issue 14, step 6: no walk of the runnable jar at start-up).
 * The index must list exactly the files there are: a file left out would be a rule or list not loaded from the jar,
 * a file listed but absent means a damaged jar, which must decide nothing.
 */
class BundledIndexTest {
    private static final String INDEX = BundledIndex.indexPath("rules");

    /** A jar with these entries (path to text), in this order. */
    private static Path jar(Path file, Map<String, String> entries) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            for (String dir : List.of("META-INF/", "META-INF/ftz-outbound/", "META-INF/ftz-outbound/index/", "rules/",
                    "rules/cbdf/")) {
                out.putNextEntry(new JarEntry(dir));
                out.closeEntry();
            }
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, String> entries(String... pathsAndTexts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return m;
    }

    private static URLClassLoader loader(Path... jars) throws Exception {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void theBuildsIndexesListExactlyTheBundledRulesAndLists() {
        // The classes folder the tests run from was indexed by the build (process-classes): any file added, removed
        // or renamed since shows here, and would show as a rule or list not loaded from the jar.
        for (String folder : BundledIndex.FOLDERS) {
            assertEquals(List.of(), ClasspathFiles.indexProblems(ClasspathFiles.class, folder), folder);
        }
        assertTrue(ClasspathFiles.under("rules", ".drl").size() > 10);
    }

    @Test
    void readsTheListedFilesFromAJarByName(@TempDir Path tmp) throws Exception {
        Path jar = jar(tmp.resolve("lib.jar"), entries(
                INDEX, "# header\nrules/b.drl\nrules/cbdf/a.drl\nrules/ruleset.properties\n",
                "rules/cbdf/a.drl", "rule a", "rules/b.drl", "rule b", "rules/ruleset.properties", "version=1\n"));
        try (URLClassLoader cl = loader(jar)) {
            List<SourceFile> drl = ClasspathFiles.under(cl, null, "rules", ".drl");
            assertEquals(List.of(new SourceFile("rules/b.drl", "rule b"), new SourceFile("rules/cbdf/a.drl", "rule a")),
                    drl);
            assertEquals(List.of(), ClasspathFiles.indexProblems(cl, null, "rules"));
        }
    }

    @Test
    void aFileListedButMissingFromTheJarFailsTheLoadAndNamesIt(@TempDir Path tmp) throws Exception {
        Path jar = jar(tmp.resolve("lib.jar"), entries(INDEX, "rules/a.drl\nrules/gone.drl\n", "rules/a.drl", "rule a"));
        try (URLClassLoader cl = loader(jar)) {
            RuleSetException e = assertThrows(RuleSetException.class,
                    () -> ClasspathFiles.under(cl, null, "rules", ".drl"));
            assertEquals(1, e.problems().size());
            assertTrue(e.problems().get(0).startsWith("rules/gone.drl: listed in " + INDEX + " but missing"),
                    e.problems().toString());
            assertEquals(List.of("rules/gone.drl: listed in " + INDEX + " but not there"),
                    ClasspathFiles.indexProblems(cl, null, "rules"));
        }
    }

    @Test
    void aFileInTheJarThatTheIndexLeavesOutIsNoticed(@TempDir Path tmp) throws Exception {
        Path jar = jar(tmp.resolve("lib.jar"), entries(INDEX, "rules/a.drl\n", "rules/a.drl", "rule a",
                "rules/cbdf/extra.drl", "rule extra", "rules/cbdf/Model.class", "not indexed: a class"));
        try (URLClassLoader cl = loader(jar)) {
            assertEquals(List.of("rules/cbdf/extra.drl: there but not listed in " + INDEX
                    + " (it would not be loaded from a jar)"), ClasspathFiles.indexProblems(cl, null, "rules"));
        }
    }

    @Test
    void aJarWithoutAnIndexIsWalkedAsBefore(@TempDir Path tmp) throws Exception {
        Path jar = jar(tmp.resolve("lib.jar"), entries("rules/cbdf/a.drl", "rule a", "rules/x.txt", "not a rule"));
        try (URLClassLoader cl = loader(jar)) {
            assertEquals(List.of(new SourceFile("rules/cbdf/a.drl", "rule a")),
                    ClasspathFiles.under(cl, null, "rules", ".drl"));
            assertEquals(List.of(INDEX + ": no index of rules/"), ClasspathFiles.indexProblems(cl, null, "rules"));
        }
    }

    @Test
    void anIndexLineOutsideTheFolderIsRefused(@TempDir Path tmp) throws Exception {
        for (String line : List.of("lists/a.list.yaml", "rules/../lists/a.list.yaml", "rules/cbdf/")) {
            Path jar = jar(tmp.resolve("lib-" + Math.abs(line.hashCode()) + ".jar"),
                    entries(INDEX, line + "\n", "rules/a.drl", "rule a"));
            try (URLClassLoader cl = loader(jar)) {
                RuleSetException e = assertThrows(RuleSetException.class,
                        () -> ClasspathFiles.under(cl, null, "rules", ".drl"), line);
                assertEquals(List.of(INDEX + ": \"" + line + "\" is not a file under rules/"), e.problems());
            }
        }
    }

    @Test
    void onlyTheLibrarysOwnJarIsRead(@TempDir Path tmp) throws Exception {
        Path own = jar(tmp.resolve("own.jar"), entries(INDEX, "rules/a.drl\n", "rules/a.drl", "rule a"));
        // An application's jar, first on the class path, with an index and rules of its own.
        Path app = jar(tmp.resolve("app.jar"), entries(INDEX, "rules/a.drl\nrules/evil.drl\n", "rules/a.drl",
                "rule exempt-everything", "rules/evil.drl", "rule evil"));
        try (URLClassLoader cl = loader(app, own)) {
            assertEquals(List.of(new SourceFile("rules/a.drl", "rule a")),
                    ClasspathFiles.under(cl, own.toUri().toURL().toString(), "rules", ".drl"));
        }
    }

    @Test
    void theBuildWritesTheIndexFromAClassesFolderLeavingClassesOut(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("rules/cbdf"));
        Files.writeString(tmp.resolve("rules/cbdf/a.drl"), "rule a");
        Files.writeString(tmp.resolve("rules/cbdf/Rules$1.class"), "class");
        Files.writeString(tmp.resolve("rules/ruleset.properties"), "version=1");
        BundledIndex.main(new String[] {tmp.toString()});
        String index = Files.readString(tmp.resolve(INDEX));
        assertEquals(List.of("rules/cbdf/a.drl", "rules/ruleset.properties"), BundledIndex.parse(index, "rules"));
        assertEquals(List.of(), BundledIndex.parse(Files.readString(tmp.resolve(BundledIndex.indexPath("lists"))),
                "lists"));
        assertTrue(index.startsWith("# "), index);
    }
}
