package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.lists.ListLoader;
import io.github.ftzoutbound.lists.NegativeList;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Gathers rule and list files (bundled on the class path, or from directories the caller names) and compiles
 * them into a {@link RuleSet}. Lists and rules load together or not at all.
 */
public final class RuleSetLoader {
    public static final String VERSION_FILE = "ruleset.properties";

    private RuleSetLoader() {
    }

    /**
     * @param rulesDir      DRL directory to use in place of the bundled rules, or null for the bundled ones
     * @param bundledLists  whether to load the lists under {@code lists/} on the class path
     * @param listDirs      further directories whose {@code *.list.yaml} files are loaded
     */
    public static RuleSet load(Path rulesDir, boolean bundledLists, List<Path> listDirs) {
        List<SourceFile> drl;
        String version;
        if (rulesDir == null) {
            drl = ClasspathFiles.under("rules", ".drl");
            version = version(ClasspathFiles.under("rules", VERSION_FILE), "bundled");
        } else {
            if (!Files.isDirectory(rulesDir)) {
                throw new RuleSetException(List.of(rulesDir + ": not a directory"));
            }
            drl = ClasspathFiles.inDirectory(rulesDir, "rules", ".drl");
            version = version(ClasspathFiles.inDirectory(rulesDir, "rules", VERSION_FILE), rulesDir.toString());
        }
        List<SourceFile> listFiles = new ArrayList<>();
        if (bundledLists) {
            listFiles.addAll(ClasspathFiles.under("lists", ".list.yaml"));
        }
        for (Path dir : listDirs) {
            if (!Files.isDirectory(dir)) {
                throw new RuleSetException(List.of(dir + ": not a directory"));
            }
            listFiles.addAll(ClasspathFiles.inDirectory(dir, dir.getFileName() == null ? "lists"
                    : "lists-" + dir.getFileName(), ".list.yaml"));
        }
        List<NegativeList> lists = ListLoader.parseAll(listFiles);
        return RuleSet.compile(version, drl, lists, listFiles, CitationCatalog.bundled());
    }

    private static String version(List<SourceFile> files, String where) {
        SourceFile f = files.stream().filter(s -> s.path().equals("rules/" + VERSION_FILE)).findFirst()
                .orElseThrow(() -> new RuleSetException(List.of(where + ": rules/" + VERSION_FILE
                        + " is missing (it names the rule-set version decisions carry)")));
        Properties p = new Properties();
        try {
            p.load(new StringReader(f.content()));
        } catch (IOException e) {
            throw new RuleSetException(List.of(f.path() + ": " + e.getMessage()));
        }
        String v = p.getProperty("version");
        if (v == null || v.isBlank()) {
            throw new RuleSetException(List.of(f.path() + ": no version= line"));
        }
        return v.strip();
    }

    /** The library's own version, from the build. */
    public static String engineVersion() {
        try (InputStream in = RuleSetLoader.class.getClassLoader()
                .getResourceAsStream("META-INF/ftz-outbound.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
