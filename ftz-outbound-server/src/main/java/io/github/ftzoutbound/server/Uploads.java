package io.github.ftzoutbound.server;

import io.github.ftzoutbound.api.ExportDecisionService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Admin uploads: a zip with {@code rules/} (DRL and ruleset.properties, in place of the bundled rules), {@code lists/}
 * (list files, added to the bundled lists unless {@code bundledLists=false}) and {@code scenarios/} (suites the
 * candidate must pass to go live). Uploaded archives only: the service never loads a path a client names.
 */
final class Uploads {
    private Uploads() {
    }

    record Loaded(ZipUpload.Unpacked unpacked, ExportDecisionService.Builder builder) {
    }

    /** The whole body, or null when it exceeds {@code max} bytes. */
    static byte[] read(InputStream in, long max) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return b.length > max ? null : b;
    }

    static Loaded unpack(byte[] zip, Path workDir, long maxUnpacked, boolean bundledLists) throws IOException {
        Path dir = workDir.resolve("uploads").resolve(UUID.randomUUID().toString());
        ZipUpload.Unpacked u;
        try {
            u = ZipUpload.unpack(zip, dir, maxUnpacked);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e instanceof IOException io ? io : new IOException(e.getMessage());
        }
        if (u.rules() == null && u.lists() == null) {
            delete(dir);
            throw new IOException("the zip holds neither rules/ nor lists/");
        }
        ExportDecisionService.Builder b = ExportDecisionService.builder();
        if (u.rules() != null) {
            b.rulesDirectory(u.rules());
        }
        if (u.lists() != null) {
            b.addListDirectory(u.lists());
        }
        if (!bundledLists) {
            b.withoutBundledLists();
        }
        return new Loaded(u, b);
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Left for the operator; nothing in it is served.
        }
    }
}
