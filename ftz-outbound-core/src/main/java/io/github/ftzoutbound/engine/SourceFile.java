package io.github.ftzoutbound.engine;

import java.nio.charset.StandardCharsets;

/** A rule or list file as loaded: its path relative to its root ({@code rules/cbdf/…drl}) and its text. */
public record SourceFile(String path, String content) {
    /** Content with line endings normalised, so a checkout on Windows digests like one on Linux. */
    public byte[] canonicalBytes() {
        return content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }
}
