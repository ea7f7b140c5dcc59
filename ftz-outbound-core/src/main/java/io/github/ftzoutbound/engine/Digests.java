package io.github.ftzoutbound.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The rule-set digest: SHA-256 over every loaded file, sorted by path; for each file its path, a newline,
 * its byte length, a newline, and its content (line endings as LF). Same files, same digest, on any machine.
 * docs/architecture.md shows how to recompute it with standard tools.
 */
public final class Digests {
    private Digests() {
    }

    public static String ruleSetDigest(List<SourceFile> files) {
        MessageDigest sha = sha256();
        files.stream().sorted(Comparator.comparing(SourceFile::path)).forEach(f -> {
            byte[] content = f.canonicalBytes();
            sha.update((f.path() + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(content);
        });
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
