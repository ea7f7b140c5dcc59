package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the files of a folder an operator names (a list folder, {@code --lists}; a rules folder, {@code --rules})
 * and refuses, by name, everything it would otherwise skip: a file skipped is a list not applied or a rule not
 * loaded, and either can turn a SECURITY_ASSESSMENT into EXEMPT. One reader for both kinds of folder, so both fail
 * closed the same way (docs/security.md, "List folders" and "Rule sets"):
 *
 * <ul>
 *   <li>a file the {@link Policy} accepts is read, in this folder or a sub-folder; {@code README}, {@code README.md}
 *       and {@code README.txt} (any case) may sit beside them and are ignored; anything else is an error naming
 *       it (with the policy's hint), hidden files and folders, backups, FIFOs and devices included;</li>
 *   <li>a symbolic link is followed only to a regular file inside the folder: a dangling link, a link out of the
 *       folder and a link to a folder are errors. The folder given may itself be a link: it is resolved once;</li>
 *   <li>a Kubernetes ConfigMap or Secret mount is understood: its top-level links point through {@code ..data}
 *       into a timestamped {@code ..2026_…} folder, which is therefore not read a second time;</li>
 *   <li>a file may hold at most {@link #MAX_FILE_BYTES} bytes, checked before it is read (and the read is bounded
 *       too), and must be UTF-8: bytes that are not are refused with the file's name and offset.</li>
 * </ul>
 * All problems of a folder are collected and thrown together as one {@link RuleSetException} (exit code 3).
 */
public final class FolderFiles {
    /** The largest file read: 8 MiB. The bundled lists and rules are a few kilobytes each; they are text people read. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** Files that may sit beside the others and are not read. */
    static final Set<String> IGNORED = Set.of("readme", "readme.md", "readme.txt");
    /** Kubernetes' atomic writer: the link to the current timestamped folder. */
    public static final String K8S_DATA = "..data";

    private FolderFiles() {
    }

    /** What a kind of folder holds. */
    public interface Policy {
        /** The folder's kind in messages: "list folder", "rules folder". */
        String kind();

        /** Whether the file at this path (relative to the folder, '/'-separated) is read. */
        boolean accepted(String relativePath);

        /** Why a file that is not accepted is refused, with what to do about it. */
        String refusal(String relativePath);

        /** Whether a sub-folder (relative path) is someone else's and not read at all, e.g. a rules folder's suites. */
        default boolean skippedFolder(String relativePath) {
            return false;
        }

        /** What to do instead of linking to a file outside the folder, for the message. */
        default String outsideHint() {
            return "copy the file into the folder";
        }
    }

    /**
     * Every accepted file under {@code dir}, sorted by path, each named {@code prefix/relative/path}; or
     * {@link RuleSetException} naming every file that cannot be read. An empty result is the caller's to judge.
     */
    public static List<SourceFile> read(Path dir, String prefix, Policy policy) {
        List<String> problems = new ArrayList<>();
        List<SourceFile> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(dir + ": " + (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
                    ? "not a directory" : "no such directory")));
        }
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new RuleSetException(List.of(dir + ": cannot be resolved: " + e.getMessage()));
        }
        walk(root, root, dir, prefix, policy, problems, out, true);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return List.copyOf(out);
    }

    private static void walk(Path root, Path folder, Path shown, String prefix, Policy policy, List<String> problems,
                             List<SourceFile> out, boolean top) {
        boolean k8s = top && Files.isSymbolicLink(folder.resolve(K8S_DATA))
                && Files.isDirectory(folder.resolve(K8S_DATA));
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            ds.forEach(entries::add);
        } catch (IOException e) {
            problems.add(shown + ": cannot list the folder: " + e.getMessage());
            return;
        }
        entries.sort(null);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            String rel = root.relativize(p).toString().replace('\\', '/');
            String where = shown.resolve(root.relativize(p)).toString();
            if (k8s && name.startsWith("..")) {
                continue; // ..data and the timestamped folder it points to: reached through the top-level links
            }
            Path target = p;
            if (Files.isSymbolicLink(p)) {
                try {
                    target = p.toRealPath();
                } catch (IOException e) {
                    problems.add(where + ": dangling symbolic link (its target does not exist)");
                    continue;
                }
                if (!target.startsWith(root)) {
                    problems.add(where + ": symbolic link to " + target + ", outside the " + policy.kind() + " "
                            + root + ": refused (" + policy.outsideHint() + ")");
                    continue;
                }
                if (Files.isDirectory(target)) {
                    problems.add(where + ": symbolic link to a folder: not followed (" + policy.outsideHint() + ")");
                    continue;
                }
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (name.startsWith(".")) {
                    problems.add(where + ": hidden folder in a " + policy.kind() + ": refused (move it out)");
                    continue;
                }
                if (!policy.skippedFolder(rel)) {
                    walk(root, p, shown, prefix, policy, problems, out, false);
                }
                continue;
            }
            if (IGNORED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!policy.accepted(rel)) {
                problems.add(where + ": " + policy.refusal(rel));
                continue;
            }
            if (!Files.isRegularFile(target)) {
                problems.add(where + ": not a regular file");
                continue;
            }
            SourceFile f = readFile(target, prefix + "/" + rel, where, problems);
            if (f != null) {
                out.add(f);
            }
        }
    }

    /** Reads one file: at most MAX_FILE_BYTES, strictly UTF-8. Null (and a problem) when it cannot be. */
    public static SourceFile readFile(Path file, String name, String where, List<String> problems) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(where + ": " + Files.size(file) + " bytes, more than the " + MAX_FILE_BYTES
                        + " bytes a file here may hold");
                return null;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1); // it may have grown since
            }
            if (bytes.length > MAX_FILE_BYTES) {
                problems.add(where + ": more than the " + MAX_FILE_BYTES + " bytes a file here may hold");
                return null;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return new SourceFile(name, text);
            } catch (MalformedInputException e) {
                problems.add(where + ": not valid UTF-8 (at byte " + offsetOfBadByte(bytes) + "): these files are "
                        + "UTF-8 text");
                return null;
            } catch (CharacterCodingException e) {
                problems.add(where + ": not valid UTF-8: " + e.getMessage());
                return null;
            }
        } catch (IOException e) {
            problems.add(where + ": cannot be read: " + e.getMessage());
            return null;
        }
    }

    /** The offset of the first byte sequence that is not UTF-8, for the message. */
    private static int offsetOfBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
