package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every bundled file under a class-path folder, from a directory (tests, IDE) or from the jar. No index
 * file to keep in step by hand: a legal team that adds a DRL file under {@code rules/} has it loaded.
 *
 * <p>From a jar, the files are found through the folder's index, {@link BundledIndex#indexPath(String)}, which the
 * build writes from the classes folder ({@link BundledIndex#main}): each listed file is read by name, and the
 * jar's directory (31,000 entries in the runnable jar) is never walked, which cost a command line about 0.1 s of
 * start-up (docs/performance.md, Cold start). A listed file that is missing from the jar fails the load
 * ({@link RuleSetException}): a damaged jar decides nothing. A jar without an index (an older build, another
 * module's jar) is walked as before. From a classes folder the folder is walked: it is the truth there, and
 * walking it is cheap; {@link #indexProblems} compares an index with what is really there (the tests do).
 */
public final class ClasspathFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ClasspathFiles.class);

    private ClasspathFiles() {
    }

    public static List<SourceFile> under(String folder, String suffix) {
        return under(ClasspathFiles.class, folder, suffix);
    }

    /**
     * Every file under a class-path folder of the jar (or classes folder) that holds {@code owner}: the ledger
     * module reads its migrations from its own jar with it.
     */
    public static List<SourceFile> under(Class<?> owner, String folder, String suffix) {
        return under(owner.getClassLoader(), ownRoot(owner), folder, suffix);
    }

    /**
     * @param own the location of the library's own jar or classes folder as it appears in resource URLs, or null
     *            to accept every root (tests with a class loader of their own)
     */
    static List<SourceFile> under(ClassLoader cl, String own, String folder, String suffix) {
        List<SourceFile> out = new ArrayList<>();
        try {
            URL index = ownResource(cl, own, BundledIndex.indexPath(folder));
            if (index != null && "jar".equals(index.getProtocol())) {
                readIndexed(index, folder, suffix, out);
            } else {
                Enumeration<URL> roots = cl.getResources(folder);
                while (roots.hasMoreElements()) {
                    URL url = roots.nextElement();
                    // Only this library's own jar or classes folder: an application embedding the library may
                    // have a rules/ or lists/ folder of its own, which must never leak into the legal rule set.
                    if (own != null && !url.toString().contains(own)) {
                        continue;
                    }
                    if (index == null && "jar".equals(url.getProtocol())) {
                        LOG.debug("{}: no index of {}/ in the jar: walking the jar's entries", url, folder);
                    }
                    walk(url, folder, suffix, true, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    /** Reads the files the index lists, each by name from the jar that holds the index. */
    private static void readIndexed(URL index, String folder, String suffix, List<SourceFile> out) throws IOException {
        JarURLConnection conn = (JarURLConnection) index.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = conn.getJarFile()) {
            List<String> listed = BundledIndex.parse(read(jar, conn.getEntryName()), folder);
            List<String> missing = new ArrayList<>();
            for (String path : listed) {
                if (!path.endsWith(suffix)) {
                    continue;
                }
                JarEntry e = jar.getJarEntry(path);
                if (e == null || e.isDirectory()) {
                    missing.add(path);
                    continue;
                }
                out.add(new SourceFile(path, read(jar, path)));
            }
            if (!missing.isEmpty()) {
                List<String> problems = new ArrayList<>();
                for (String m : missing) {
                    problems.add(m + ": listed in " + conn.getEntryName() + " but missing from " + conn.getJarFileURL()
                            + ": the jar is damaged or was altered; rebuild it (nothing is loaded without it)");
                }
                throw new RuleSetException(problems);
            }
        }
    }

    private static String read(JarFile jar, String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getJarEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Every file under the folder at {@code url} (a directory or a folder of a jar) whose name ends in suffix; with
     * {@code read} false, names only (empty contents).
     */
    private static void walk(URL url, String folder, String suffix, boolean read, List<SourceFile> out)
            throws IOException, URISyntaxException {
        if ("file".equals(url.getProtocol())) {
            Path dir = Paths.get(url.toURI());
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = folder + "/" + dir.relativize(p).toString().replace('\\', '/');
                    if (rel.endsWith(suffix)) {
                        out.add(new SourceFile(rel, read ? Files.readString(p, StandardCharsets.UTF_8) : ""));
                    }
                }
            }
        } else if ("jar".equals(url.getProtocol())) {
            JarURLConnection conn = (JarURLConnection) url.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (!e.isDirectory() && e.getName().startsWith(folder + "/") && e.getName().endsWith(suffix)) {
                        if (!read) {
                            out.add(new SourceFile(e.getName(), ""));
                            continue;
                        }
                        try (InputStream in = jar.getInputStream(e)) {
                            out.add(new SourceFile(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
        }
    }

    /**
     * How the index of a folder differs from the files really under it (class files aside), in the library's own jar or classes
     * folder: one line per file listed but absent, or present but not listed (empty when they agree, or when there
     * is no index). Walks the whole jar: for tests and checks, not for loading.
     */
    public static List<String> indexProblems(Class<?> owner, String folder) {
        return indexProblems(owner.getClassLoader(), ownRoot(owner), folder);
    }

    static List<String> indexProblems(ClassLoader cl, String own, String folder) {
        try {
            String indexPath = BundledIndex.indexPath(folder);
            URL index = ownResource(cl, own, indexPath);
            if (index == null) {
                return List.of(indexPath + ": no index of " + folder + "/");
            }
            List<String> listed;
            try (InputStream in = index.openStream()) {
                listed = BundledIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), folder);
            }
            TreeSet<String> present = new TreeSet<>();
            Enumeration<URL> roots = cl.getResources(folder);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (own != null && !url.toString().contains(own)) {
                    continue;
                }
                List<SourceFile> found = new ArrayList<>();
                walk(url, folder, "", false, found);
                found.stream().map(SourceFile::path).filter(p -> !BundledIndex.isClass(p)).forEach(present::add);
            }
            List<String> problems = new ArrayList<>();
            for (String p : listed) {
                if (!present.remove(p)) {
                    problems.add(p + ": listed in " + indexPath + " but not there");
                }
            }
            for (String p : present) {
                problems.add(p + ": there but not listed in " + indexPath + " (it would not be loaded from a jar)");
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resource of the library's own jar or classes folder (never an application's of the same name), or null. */
    private static URL ownResource(ClassLoader cl, String own, String name) throws IOException {
        Enumeration<URL> found = cl.getResources(name);
        while (found.hasMoreElements()) {
            URL url = found.nextElement();
            if (own == null || url.toString().contains(own)) {
                return url;
            }
        }
        return null;
    }

    /** The location of this library's classes (its jar or folder), as it appears in resource URLs. */
    private static String ownRoot(Class<?> owner) {
        try {
            URL location = owner.getProtectionDomain().getCodeSource().getLocation();
            return location == null ? null : location.toString().replaceAll("/$", "");
        } catch (SecurityException e) {
            return null;
        }
    }
}
