package io.github.ftzoutbound.engine;

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
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every bundled file under a class-path folder, from a directory (tests, IDE) or from the jar. No index
 * file to keep in step: a legal team that adds a DRL file under {@code rules/} has it loaded.
 */
public final class ClasspathFiles {
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
        List<SourceFile> out = new ArrayList<>();
        ClassLoader cl = owner.getClassLoader();
        try {
            Enumeration<URL> roots = cl.getResources(folder);
            String own = ownRoot(owner);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                // Only this library's own jar or classes folder: an application embedding the library may
                // have a rules/ or lists/ folder of its own, which must never leak into the legal rule set.
                if (own != null && !url.toString().contains(own)) {
                    continue;
                }
                if ("file".equals(url.getProtocol())) {
                    Path dir = Paths.get(url.toURI());
                    try (Stream<Path> walk = Files.walk(dir)) {
                        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                            String rel = folder + "/" + dir.relativize(p).toString().replace('\\', '/');
                            if (rel.endsWith(suffix)) {
                                out.add(new SourceFile(rel, Files.readString(p, StandardCharsets.UTF_8)));
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
                                try (InputStream in = jar.getInputStream(e)) {
                                    out.add(new SourceFile(e.getName(),
                                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                                }
                            }
                        }
                    }
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
