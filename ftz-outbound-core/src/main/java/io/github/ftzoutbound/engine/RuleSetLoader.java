package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.lists.ListDiscovery;
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
import org.drools.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers rule and list files (bundled on the class path, or from directories the caller names) and compiles
 * them into a {@link RuleSet}. Lists and rules load together or not at all.
 */
public final class RuleSetLoader {
    public static final String VERSION_FILE = "ruleset.properties";
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetLoader.class);

    private RuleSetLoader() {
    }

    /**
     * What a rules folder ({@code --rules DIR}, {@code Builder.rulesDirectory}, a reload) holds: DRL files in any
     * sub-folder, {@code ruleset.properties}, its own {@code catalog.yaml} and {@code law/instruments.yaml}, a README,
     * and a {@code scenarios/} folder of suites (read by the scenario gate, not here). Anything else is an error.
     */
    static final FolderFiles.Policy RULES_FOLDER = new FolderFiles.Policy() {
        @Override
        public String kind() {
            return "rules folder";
        }

        @Override
        public boolean accepted(String rel) {
            return rel.endsWith(".drl") && !rel.substring(rel.lastIndexOf('/') + 1).startsWith(".")
                    || rel.equals(VERSION_FILE) || rel.equals("catalog.yaml") || rel.equals(LawInForce.RESOURCE);
        }

        @Override
        public String refusal(String rel) {
            return "not a rule file: a rules folder holds *.drl rules, " + VERSION_FILE + ", catalog.yaml, "
                    + LawInForce.RESOURCE + ", a README and a scenarios/ folder only (a file that is not loaded is a "
                    + "rule that does not apply: rename it to *.drl if it is one, move it out if it is not)";
        }

        @Override
        public boolean skippedFolder(String rel) {
            return rel.equals("scenarios");
        }

        @Override
        public String outsideHint() {
            return "copy the rules into the folder";
        }
    };

    /**
     * @param rulesDir      DRL directory to use in place of the bundled rules, or null for the bundled ones
     * @param bundledLists  whether to load the lists under {@code lists/} on the class path
     * @param listDirs      further directories whose {@code *.list.yaml} files are loaded
     */
    public static RuleSet load(Path rulesDir, boolean bundledLists, List<Path> listDirs) {
        List<SourceFile> drl;
        SourceFile versionFile;
        if (rulesDir == null) {
            drl = ClasspathFiles.under("rules", ".drl");
            versionFile = versionFile(ClasspathFiles.under("rules", VERSION_FILE), "bundled");
        } else {
            if (!Files.isDirectory(rulesDir)) {
                throw new RuleSetException(List.of(rulesDir + ": not a directory"));
            }
            // Fails closed like a list folder (FolderFiles): a file that is not read is a rule that does not apply.
            List<SourceFile> found = FolderFiles.read(rulesDir, "rules", RULES_FOLDER);
            drl = found.stream().filter(f -> f.path().endsWith(".drl")).toList();
            if (drl.isEmpty()) {
                throw new RuleSetException(List.of(rulesDir + ": no *.drl rule file in this folder: an empty rules "
                        + "folder is refused"));
            }
            versionFile = versionFile(found, rulesDir.toString());
        }
        String version = version(versionFile);
        List<SourceFile> listFiles = new ArrayList<>();
        List<SourceFile> adoptionFiles = new ArrayList<>();
        // The bundled code catalog names codes, not law: it loads even without the bundled lists, so that a
        // request's codes are checked against the same names whichever lists are loaded.
        List<SourceFile> codeFiles = new ArrayList<>(ClasspathFiles.under("lists", "codes.yaml"));
        if (bundledLists) {
            listFiles.addAll(ClasspathFiles.under("lists", ".list.yaml"));
            adoptionFiles.addAll(ClasspathFiles.under("lists", ".adoption.yaml"));
        }
        for (Path dir : listDirs) {
            // Fails closed: anything in the folder that is not a list, an adoption or a code catalog is an error
            // naming it (ListDiscovery).
            String prefix = dir.getFileName() == null ? "lists" : "lists-" + dir.getFileName();
            List<SourceFile> found = ListDiscovery.discover(dir, prefix);
            listFiles.addAll(ListDiscovery.only(found, ListDiscovery.SUFFIX));
            adoptionFiles.addAll(ListDiscovery.only(found, ListDiscovery.ADOPTION_SUFFIX));
            codeFiles.addAll(ListDiscovery.only(found, ListDiscovery.CODES_FILE));
        }
        ListLoader.Loaded lists = ListLoader.load(listFiles, adoptionFiles, codeFiles);
        // A rules directory may bring its own catalog (DIR/catalog.yaml) for clauses the bundled one lacks.
        Path ownCatalog = rulesDir == null ? null : rulesDir.resolve("catalog.yaml");
        SourceFile catalogFile = ownCatalog != null && Files.isRegularFile(ownCatalog)
                ? readFile(ownCatalog, "rules/catalog.yaml") : CitationCatalog.bundledSource();
        CitationCatalog catalog = CitationCatalog.parse(catalogFile);
        // The dates of the law in force: from the rules directory when it brings law/instruments.yaml, else bundled.
        Path ownLaw = rulesDir == null ? null : rulesDir.resolve(LawInForce.RESOURCE);
        SourceFile lawFile = ownLaw != null && Files.isRegularFile(ownLaw)
                ? readFile(ownLaw, LawInForce.RESOURCE) : LawInForce.bundledSource();
        LawInForce law = LawInForce.parse(lawFile);
        // The digest covers everything that shapes a decision: rules, the version file, lists, clause texts.
        List<SourceFile> digested = new ArrayList<>(listFiles);
        // Adoption files make lists apply, so they are digested; code catalogs only name codes (a request with an
        // unknown code is refused, never decided), so they are not.
        digested.addAll(adoptionFiles);
        digested.add(versionFile);
        digested.add(catalogFile);
        digested.add(lawFile);
        if (rulesDir == null) {
            long start = System.nanoTime();
            List<Model> precompiled = precompiledModels();
            if (precompiled != null) {
                return RuleSet.precompiled(precompiled, version, drl, lists, digested, catalog, law, start);
            }
            LOG.info("no precompiled executable model on the class path; compiling the bundled DRL");
        }
        return RuleSet.compile(version, drl, lists, digested, catalog, law);
    }

    private static SourceFile versionFile(List<SourceFile> files, String where) {
        return files.stream().filter(s -> s.path().equals("rules/" + VERSION_FILE)).findFirst()
                .orElseThrow(() -> new RuleSetException(List.of(where + ": rules/" + VERSION_FILE
                        + " is missing (it names the rule-set version decisions carry)")));
    }

    private static String version(SourceFile f) {
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

    private static SourceFile readFile(Path file, String name) {
        try {
            return new SourceFile(name, Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleSetException(List.of(file + ": " + e.getMessage()));
        }
    }

    /**
     * Where the kie-maven-plugin lists the executable-model classes it generated from the bundled DRL: the path
     * names the artifact that was built, ftz-outbound-core since the Maven modules (ftz-outbound before).
     */
    static final List<String> MODEL_INDEXES = List.of("META-INF/kie/io.github.ftzoutbound/ftz-outbound-core/drools-model",
            "META-INF/kie/io.github.ftzoutbound/ftz-outbound/drools-model");

    /**
     * The bundled rules as built into Drools' executable model at build time, one model per DRL package, or null if
     * not built so. Each FTZ's rule base is built from some of them ({@link RuleSet#modelsWithout}).
     */
    static List<Model> precompiledModels() {
        ClassLoader cl = RuleSetLoader.class.getClassLoader();
        String index = MODEL_INDEXES.stream().filter(i -> cl.getResource(i) != null).findFirst().orElse(null);
        if (index == null) {
            return null;
        }
        try (InputStream in = cl.getResourceAsStream(index)) {
            if (in == null) {
                return null;
            }
            List<Model> models = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                String name = line.strip();
                if (name.isEmpty() || name.contains(":")) {
                    continue; // the Drools-Model-Version header
                }
                models.add((Model) Class.forName(name, true, cl).getDeclaredConstructor().newInstance());
            }
            return List.copyOf(models);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            throw new RuleSetException(List.of(index + ": the precompiled rules cannot be loaded: " + e));
        }
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
