package io.github.ftzoutbound.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on output paths made before an output file is opened (and so truncated). */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Why writing {@code out} would destroy {@code in}, or null when it would not: the same path, a symbolic link
     * to it (at any depth, or through a linked folder), or a hard link to the same file. {@link Files#isSameFile}
     * follows links and compares the file system's file keys (device and inode on Unix), which covers all three.
     * An {@code out} that does not exist (or is a dangling link) cannot be {@code in}, which exists.
     */
    static ErrorText sameFileProblem(Path in, Path out) {
        try {
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                return ErrorText.of("output.sameFile", out, in);
            }
            return null;
        } catch (IOException e) {
            return ErrorText.of("output.cannotCompare", out, in, e.getMessage());
        }
    }
}
