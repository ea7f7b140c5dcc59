package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.FolderFiles;
import io.github.ftzoutbound.engine.SourceFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;


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
 * All problems of a folder are collected and thrown together as one {@link RuleSetException} (exit code 3). The
 * walking, link, mount, size and encoding checks are {@link FolderFiles}', shared with rules folders.
 */
public final class ListDiscovery {
    /** What a list file must end in. */
    public static final String SUFFIX = ".list.yaml";
    /** What an adoption file (another FTZ's list adopted by reference) must end in. */
    public static final String ADOPTION_SUFFIX = ".adoption.yaml";
    /** The name of a folder's own code catalog. */
    public static final String CODES_FILE = "codes.yaml";
    /** The largest list file read: 8 MiB. The bundled lists are a few kilobytes; a list is text a lawyer reads. */
    public static final long MAX_FILE_BYTES = FolderFiles.MAX_FILE_BYTES;

    /** What a list folder holds: lists, adoptions, a code catalog (and a README, which FolderFiles ignores). */
    static final FolderFiles.Policy POLICY = new FolderFiles.Policy() {
        @Override
        public String kind() {
            return "list folder";
        }

        @Override
        public boolean accepted(String relativePath) {
            return ListDiscovery.accepted(relativePath.substring(relativePath.lastIndexOf('/') + 1));
        }

        @Override
        public String refusal(String relativePath) {
            String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
            return notAList(name, name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String outsideHint() {
            return "copy the list into the folder, or give its folder with --lists";
        }
    };

    private ListDiscovery() {
    }

    /**
     * Every list file under {@code dir}, sorted by path, each named {@code prefix/relative/path}; or
     * {@link RuleSetException} naming every file that cannot be loaded.
     */
    public static List<SourceFile> discover(Path dir, String prefix) {
        List<SourceFile> out = FolderFiles.read(dir, prefix, POLICY);
        if (out.stream().noneMatch(f -> f.path().endsWith(SUFFIX) || f.path().endsWith(ADOPTION_SUFFIX))) {
            throw RuleSetException.of(List.of(ListLoader.problem(dir + ": ", "folder.noLists", SUFFIX)));
        }
        return out;
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
}
