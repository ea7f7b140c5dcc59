package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build-time index of the bundled files, so that loading them from the runnable jar reads each by name
 * instead of walking the jar's 31,000 entries (docs/performance.md, Cold start). The build
 * ({@code ftz-outbound-core/pom.xml}, phase {@code process-classes}) runs {@link #main} on the classes folder after
 * the resources are copied: it writes one index per folder, {@code META-INF/ftz-outbound/index/<folder>.txt},
 * listing every file under it, and the citation catalog's precompiled form ({@link CatalogCache}). Nobody edits
 * these files: a DRL or list file added under {@code src/main/resources} is in the next build's index.
 */
public final class BundledIndex {
    /** Where the indexes are, in the jar or classes folder. */
    public static final String INDEX_DIR = "META-INF/ftz-outbound/index/";
    /** The bundled folders indexed at build time: the rules and the lists. */
    public static final List<String> FOLDERS = List.of("rules", "lists");
    private static final String HEADER = "# Every file under %s/ in this jar but its classes, written at build time by "
            + BundledIndex.class.getName() + " (do not edit).\n";

    private BundledIndex() {
    }

    /** The index of a class-path folder. */
    public static String indexPath(String folder) {
        return INDEX_DIR + folder + ".txt";
    }

    /**
     * The paths an index lists, in its order. A line that is not a file under the folder means the index is not
     * what the build wrote: refused, since a file left out would be a rule or list not loaded.
     */
    static List<String> parse(String text, String folder) {
        List<String> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\n")) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            if (!path.startsWith(folder + "/") || path.endsWith("/") || path.contains("..") || path.contains("\\")) {
                problems.add(indexPath(folder) + ": \"" + path + "\" is not a file under " + folder + "/");
                continue;
            }
            out.add(path);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return out;
    }

    /** The text of the index of {@code folder} under the classes folder {@code root}: its files, sorted. */
    static String write(Path root, String folder) throws IOException {
        StringBuilder sb = new StringBuilder(String.format(HEADER, folder));
        Path dir = root.resolve(folder);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).map(root::relativize).sorted()
                        .filter(p -> !isClass(p.toString())).toList()) {
                    sb.append(p.toString().replace('\\', '/')).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /**
     * Whether a path is a class file: the executable model's classes live in the rule packages' folders
     * ({@code rules/cbdf/…class}); they are loaded as classes, never read as bundled files, and not indexed.
     */
    static boolean isClass(String path) {
        return path.endsWith(".class");
    }

    /**
     * Writes the indexes of {@link #FOLDERS} and the catalog's precompiled form into a classes folder.
     *
     * @param args the classes folder ({@code target/classes})
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BundledIndex CLASSES_DIR");
        }
        Path root = Path.of(args[0]);
        for (String folder : FOLDERS) {
            Path index = root.resolve(indexPath(folder));
            Files.createDirectories(index.getParent());
            Files.writeString(index, write(root, folder), StandardCharsets.UTF_8);
        }
        Path catalog = root.resolve(CitationCatalog.RESOURCE);
        if (Files.isRegularFile(catalog)) {
            SourceFile source = new SourceFile(CitationCatalog.RESOURCE, Files.readString(catalog, StandardCharsets.UTF_8));
            // Parsed, and so checked, here: a broken catalog fails the build, not only the first start.
            Path cache = root.resolve(CatalogCache.RESOURCE);
            Files.createDirectories(cache.getParent());
            Files.write(cache, CatalogCache.write(source, CitationCatalog.parseYaml(source)));
        }
    }
}
