package io.github.ftzoutbound.lists;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.engine.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** List discovery refuses, by name, whatever it cannot load (issue 13): nothing in a list folder is skipped. */
class ListDiscoveryTest {
    /** A real list: the bundled Zhejiang e-commerce list, whatever format version the loader reads. */
    static final Path BUNDLED = Path.of("../ftz-outbound-core/src/main/resources/lists/zj-2024.list.yaml");

    static Path list(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        return Files.copy(BUNDLED, dir.resolve(name));
    }

    static String refused(Path dir) {
        List<String> p = assertThrows(RuleSetException.class, () -> ListDiscovery.discover(dir, "lists")).problems();
        return String.join("\n", p);
    }

    @Test
    void findsListsInTheFolderAndItsSubFoldersAndIgnoresAReadme(@TempDir Path dir) throws Exception {
        list(dir, "a.list.yaml");
        list(dir.resolve("sub"), "b.list.yaml");
        Files.writeString(dir.resolve("README.md"), "what these lists are");
        List<SourceFile> found = ListDiscovery.discover(dir, "lists");
        assertEquals(List.of("lists/a.list.yaml", "lists/sub/b.list.yaml"), found.stream().map(SourceFile::path)
                .toList());
        assertEquals(Files.readString(BUNDLED), found.get(0).content());
    }

    @Test
    void everyOtherFileIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        list(dir, "good.list.yaml");
        list(dir, "typo.list.yml");
        list(dir, "plain.yaml");
        list(dir, "notes.txt");
        list(dir, ".hidden.list.yaml~");
        String p = refused(dir);
        assertTrue(p.contains("typo.list.yml") && p.contains("rename it to typo.list.yaml"), p);
        assertTrue(p.contains("plain.yaml") && p.contains("only *.list.yaml"), p);
        assertTrue(p.contains("notes.txt") && p.contains("not a list file"), p);
        assertTrue(p.contains(".hidden.list.yaml~"), p);
        assertEquals(4, p.lines().count(), p);
    }

    @Test
    void anEmptyFolderOrOneWithOnlyAReadmeIsAnError(@TempDir Path dir) throws Exception {
        assertTrue(refused(dir).contains("empty list folder"));
        Files.writeString(dir.resolve("README"), "nothing yet");
        assertTrue(refused(dir).contains("empty list folder"));
        assertTrue(refused(dir.resolve("missing")).contains("no such directory"));
    }

    @Test
    void symbolicLinksAreFollowedOnlyInsideTheFolderAndToFiles(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("lists"));
        Path inside = list(dir.resolve("real"), "in.list.yaml");
        Files.createSymbolicLink(dir.resolve("alias.list.yaml"), inside);
        assertEquals(2, ListDiscovery.discover(dir, "lists").size());

        Path outside = list(tmp.resolve("elsewhere"), "out.list.yaml");
        Files.createSymbolicLink(dir.resolve("escape.list.yaml"), outside);
        Files.createSymbolicLink(dir.resolve("dangling.list.yaml"), tmp.resolve("gone.list.yaml"));
        Files.createSymbolicLink(dir.resolve("folder"), dir.resolve("real"));
        String p = refused(dir);
        assertTrue(p.contains("escape.list.yaml") && p.contains("outside the list folder"), p);
        assertTrue(p.contains("dangling.list.yaml") && p.contains("dangling"), p);
        assertTrue(p.contains("folder: symbolic link to a folder"), p);
    }

    @Test
    void aFolderGivenThroughASymbolicLinkIsResolvedAndLoaded(@TempDir Path tmp) throws Exception {
        Path real = tmp.resolve("real");
        list(real, "a.list.yaml");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertEquals(List.of("lists/a.list.yaml"), ListDiscovery.discover(link, "lists").stream()
                .map(SourceFile::path).toList());
    }

    @Test
    void aKubernetesConfigMapMountIsUnderstood(@TempDir Path dir) throws Exception {
        // What the kubelet's atomic writer makes: a timestamped folder, ..data linking to it, and top-level links.
        Path stamped = dir.resolve("..2026_11_30_12_00_00.123456789");
        list(stamped, "zj.list.yaml");
        Files.writeString(stamped.resolve("README.md"), "lists");
        Files.createSymbolicLink(dir.resolve("..data"), stamped.getFileName());
        Files.createSymbolicLink(dir.resolve("zj.list.yaml"), Path.of("..data/zj.list.yaml"));
        Files.createSymbolicLink(dir.resolve("README.md"), Path.of("..data/README.md"));
        List<SourceFile> found = ListDiscovery.discover(dir, "lists");
        assertEquals(List.of("lists/zj.list.yaml"), found.stream().map(SourceFile::path).toList());
        // Without ..data, the same timestamped folder is a hidden folder: refused, not read twice.
        Files.delete(dir.resolve("..data"));
        String p = refused(dir);
        assertTrue(p.contains("..2026_11_30"), p);
    }

    @Test
    void invalidUtf8IsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(BUNDLED);
        byte[] bad = new byte[good.length + 2];
        bad[0] = (byte) 0xC3; // a lead byte followed by "(": never UTF-8 (Latin-1 "Ã(")
        bad[1] = (byte) 0x28;
        System.arraycopy(good, 0, bad, 2, good.length);
        Files.write(dir.resolve("bad.list.yaml"), bad);
        String p = refused(dir);
        assertTrue(p.contains("bad.list.yaml") && p.contains("not valid UTF-8 (at byte 0)"), p);
    }

    @Test
    void aHugeFileIsRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        // A sparse file of 3 GB: reading it whole would exhaust the heap; its size alone refuses it.
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.list.yaml").toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        String p = refused(dir);
        assertTrue(p.contains("huge.list.yaml") && p.contains("more than the 8388608 bytes"), p);
        Path limit = dir.resolve("limit.list.yaml");
        try (RandomAccessFile f = new RandomAccessFile(limit.toFile(), "rw")) {
            f.setLength(ListDiscovery.MAX_FILE_BYTES);
        }
        assertTrue(!refused(dir).contains("limit.list.yaml: " + ListDiscovery.MAX_FILE_BYTES), "8 MiB is read");
    }
}
