package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;

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
 * Finds the list files of a list folder ({@code --lists DIR}, {@code Builder.addListDirectory}) and refuses, by
 * name, everything it would otherwise skip: a file skipped is a list not applied, and a list not applied can turn
 * a SECURITY_ASSESSMENT into EXEMPT. So discovery fails closed (docs/security.md, "List folders"):
 *
 * <ul>
 *   <li>every regular file named {@code *.list.yaml} is a list, in this folder or a sub-folder; every
 *       {@code *.adoption.yaml} an adoption of another FTZ's list, and every {@code codes.yaml} a code catalog;</li>
 *   <li>{@code README}, {@code README.md} and {@code README.txt} (any case) may sit beside them and are ignored;</li>
 *   <li>anything else is an error naming it: {@code *.list.yml} and other {@code *.yaml}/{@code *.yml} files (with
 *       a hint to rename them), hidden files, backups, FIFOs and devices;</li>
 *   <li>a folder with no list at all is an error;</li>
 *   <li>a symbolic link is followed only to a regular file inside the folder: a dangling link, a link out of the
 *       folder and a link to a folder are errors. The folder given may itself be a link: it is resolved once;</li>
 *   <li>a Kubernetes ConfigMap or Secret mount is understood: its top-level links point through {@code ..data}
 *       into a timestamped {@code ..2026_…} folder, which is therefore not read a second time;</li>
 *   <li>a list file may hold at most {@link #MAX_FILE_BYTES} bytes, checked before it is read (and the read is
 *       bounded too), and must be UTF-8: bytes that are not are refused with the file's name and offset.</li>
 * </ul>
 * All problems of a folder are collected and thrown together as one {@link RuleSetException} (exit code 3).
 */
public final class ListDiscovery {
    /** What a list file must end in. */
    public static final String SUFFIX = ".list.yaml";
    /** What an adoption file (another FTZ's list adopted by reference) must end in. */
    public static final String ADOPTION_SUFFIX = ".adoption.yaml";
    /** The name of a folder's own code catalog. */
    public static final String CODES_FILE = "codes.yaml";
    /** The largest list file read: 8 MiB. The bundled lists are a few kilobytes; a list is text a lawyer reads. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** Files that may sit beside the lists and are not read. */
    static final Set<String> IGNORED = Set.of("readme", "readme.md", "readme.txt");
    /** Kubernetes' atomic writer: the link to the current timestamped folder. */
    static final String K8S_DATA = "..data";

    private ListDiscovery() {
    }

    /**
     * Every list file under {@code dir}, sorted by path, each named {@code prefix/relative/path}; or
     * {@link RuleSetException} naming every file that cannot be loaded.
     */
    public static List<SourceFile> discover(Path dir, String prefix) {
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
        walk(root, root, dir, prefix, problems, out, true);
        if (problems.isEmpty() && out.stream().noneMatch(f -> f.path().endsWith(SUFFIX)
                || f.path().endsWith(ADOPTION_SUFFIX))) {
            problems.add(dir + ": no *" + SUFFIX + " list file in this folder: an empty list folder is refused "
                    + "(a folder that was meant to hold lists and holds none would apply no list)");
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return List.copyOf(out);
    }

    private static void walk(Path root, Path folder, Path shown, String prefix, List<String> problems,
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
                    problems.add(where + ": symbolic link to " + target + ", outside the list folder " + root
                            + ": refused (copy the list into the folder, or give its folder with --lists)");
                    continue;
                }
                if (Files.isDirectory(target)) {
                    problems.add(where + ": symbolic link to a folder: not followed (give the folder with --lists)");
                    continue;
                }
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (name.startsWith(".")) {
                    problems.add(where + ": hidden folder in a list folder: refused (move it out)");
                    continue;
                }
                walk(root, p, shown, prefix, problems, out, false);
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (IGNORED.contains(lower)) {
                continue;
            }
            if (!accepted(name)) {
                problems.add(where + ": " + notAList(name, lower));
                continue;
            }
            if (!Files.isRegularFile(target)) {
                problems.add(where + ": not a regular file");
                continue;
            }
            SourceFile f = read(target, prefix + "/" + rel, where, problems);
            if (f != null) {
                out.add(f);
            }
        }
    }

    /** Whether discovery reads a file of this name: a list, an adoption or a code catalog. */
    static boolean accepted(String name) {
        return name.endsWith(SUFFIX) || name.endsWith(ADOPTION_SUFFIX) || name.equals(CODES_FILE);
    }

    /** The files found whose path ends in {@code suffix} (a list's, an adoption's, or the code catalog's name). */
    public static List<SourceFile> only(List<SourceFile> found, String suffix) {
        return found.stream().filter(f -> suffix.equals(CODES_FILE)
                ? f.path().equals(CODES_FILE) || f.path().endsWith("/" + CODES_FILE)
                : f.path().endsWith(suffix)).toList();
    }

    private static String notAList(String name, String lower) {
        if (lower.endsWith(".list.yml") || lower.endsWith(SUFFIX) && !name.endsWith(SUFFIX)) {
            return "not loaded: list files end in exactly " + SUFFIX + " (rename it to "
                    + name.substring(0, lower.lastIndexOf(".list.")) + SUFFIX + ")";
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return "not loaded: only *" + SUFFIX + " files are lists (and *" + ADOPTION_SUFFIX + " adoptions, "
                    + CODES_FILE + " the code catalog): rename it to *" + SUFFIX
                    + " if it is a list, move it out of the folder if it is not";
        }
        return "not a list file: a list folder holds *" + SUFFIX + " lists, *" + ADOPTION_SUFFIX + " adoptions, a "
                + CODES_FILE + " code catalog and a README only (move it out)";
    }

    /** Reads a list file: at most MAX_FILE_BYTES, strictly UTF-8. Null (and a problem) when it cannot be. */
    static SourceFile read(Path file, String name, String where, List<String> problems) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(where + ": " + Files.size(file) + " bytes, more than the " + MAX_FILE_BYTES
                        + " bytes a list file may hold");
                return null;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1); // it may have grown since
            }
            if (bytes.length > MAX_FILE_BYTES) {
                problems.add(where + ": more than the " + MAX_FILE_BYTES + " bytes a list file may hold");
                return null;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return new SourceFile(name, text);
            } catch (MalformedInputException e) {
                problems.add(where + ": not valid UTF-8 (at byte " + offsetOfBadByte(bytes) + "): list files are "
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
