package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A second service over the bundled lists in another order: the files renamed so that they load in reverse, and
 * the entries of each file written in reverse. A decision must not depend on either order.
 */
final class Reordered {
    private static ExportDecisionService service;

    private Reordered() {
    }

    static synchronized ExportDecisionService service() {
        if (service == null) {
            try {
                Path dir = Files.createTempDirectory("ftz-reordered-lists");
                dir.toFile().deleteOnExit();
                List<SourceFile> files = new ArrayList<>(ClasspathFiles.under("lists", ".list.yaml"));
                // The same lists as TestServices.reliability(): the bundled ones and the automotive sample.
                files.add(new SourceFile("lists/" + io.github.ftzoutbound.TestServices.AUTOMOTIVE_SAMPLE.getFileName(),
                        Files.readString(io.github.ftzoutbound.TestServices.AUTOMOTIVE_SAMPLE)));
                Collections.reverse(files);
                for (int i = 0; i < files.size(); i++) {
                    String name = Path.of(files.get(i).path()).getFileName().toString();
                    Path target = dir.resolve(i + "-" + name);
                    Files.writeString(target, reverseEntries(files.get(i).content()));
                    target.toFile().deleteOnExit();
                }
                service = ExportDecisionService.builder().withoutBundledLists().addListDirectory(dir).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return service;
    }

    /** The list file with its {@code entries:} blocks in reverse order (each block starts at "  - "). */
    static String reverseEntries(String yaml) {
        if (yaml.contains("\nformat: 2\n")) {
            return reverseSectors(yaml);
        }
        int at = yaml.indexOf("\nentries:\n");
        if (at < 0) {
            return yaml;
        }
        String head = yaml.substring(0, at + "\nentries:\n".length());
        String tail = yaml.substring(head.length());
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : tail.split("\n", -1)) {
            if (line.startsWith("  - ")) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder();
            }
            if (current == null) {
                current = new StringBuilder();
            }
            current.append(line).append('\n');
        }
        if (current != null) {
            blocks.add(current.toString().stripTrailing() + "\n");
        }
        Collections.reverse(blocks);
        return head + String.join("", blocks);
    }

    /** A format-2 list with its {@code sectors:} blocks (each starting at "  - code:") in reverse order. */
    static String reverseSectors(String yaml) {
        int at = yaml.indexOf("\nsectors:\n");
        if (at < 0) {
            return yaml;
        }
        String head = yaml.substring(0, at + "\nsectors:\n".length());
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        StringBuilder rest = new StringBuilder();
        boolean inSectors = true;
        for (String line : yaml.substring(head.length()).split("\n", -1)) {
            if (inSectors && !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                inSectors = false; // the next top-level key: everything from here stays where it is
            }
            if (!inSectors) {
                rest.append(line).append('\n');
                continue;
            }
            if (line.startsWith("  - code:")) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder();
            }
            if (current == null) {
                current = new StringBuilder();
            }
            current.append(line).append('\n');
        }
        if (current != null) {
            blocks.add(current.toString().stripTrailing() + "\n");
        }
        Collections.reverse(blocks);
        return head + String.join("", blocks) + rest.toString().stripTrailing() + (rest.length() > 0 ? "\n" : "");
    }
}
