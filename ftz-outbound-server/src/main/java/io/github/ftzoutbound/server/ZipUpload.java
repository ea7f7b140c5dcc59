package io.github.ftzoutbound.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded rules/lists zip into a fresh directory, refusing anything that could escape it or blow up:
 * absolute or {@code ..} paths, more than {@link #MAX_ENTRIES} entries, more than {@code maxBytes} unpacked.
 * Only {@code rules/}, {@code lists/} and {@code scenarios/} at the top are taken; any other entry is refused, so
 * a wrongly packed archive fails loudly instead of loading nothing.
 */
final class ZipUpload {
    static final int MAX_ENTRIES = 2_000;

    private ZipUpload() {
    }

    /** What an unpacked upload holds: each directory, or null when the zip has none. */
    record Unpacked(Path root, Path rules, Path lists, Path scenarios) {
    }

    static Unpacked unpack(byte[] zip, Path target, long maxBytes) throws IOException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException("more than " + MAX_ENTRIES + " entries");
                }
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("/") || name.contains("../") || name.equals("..") || name.contains(":")) {
                    throw new IOException("entry " + name + " has an unsafe path");
                }
                String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
                if (!top.equals("rules") && !top.equals("lists") && !top.equals("scenarios")) {
                    throw new IOException("entry " + name + " is outside rules/, lists/ and scenarios/");
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("entry " + name + " has an unsafe path");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    total += copy(in, os, maxBytes - total);
                }
            }
        }
        if (entries == 0) {
            throw new IOException("not a zip archive, or an empty one");
        }
        return new Unpacked(root, dir(root, "rules"), dir(root, "lists"), dir(root, "scenarios"));
    }

    private static Path dir(Path root, String name) {
        Path p = root.resolve(name);
        return Files.isDirectory(p) ? p : null;
    }

    private static long copy(InputStream in, OutputStream out, long budget) throws IOException {
        byte[] buf = new byte[8192];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > budget) {
                throw new IOException("the archive unpacks to more than the upload limit");
            }
            out.write(buf, 0, r);
        }
        return n;
    }
}
