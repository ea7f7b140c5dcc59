package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.ftzoutbound.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A list that is not loaded never silently turns a security assessment into a lesser pathway (issue 13). */
class ListFolderCliTest {
    private static final String REQUEST = CliTest.request("2026-06-01", "TRAVEL", "VISA_SERVICE", 400_000);

    private static Run evaluate(Path lists) {
        return run(new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)),
                "evaluate", "-", "--lists", lists.toString(), "--no-bundled-lists");
    }

    @Test
    void theListDecidesWhenItIsLoaded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dated.list.yaml"), CliTest.DATED_LIST);
        Run r = evaluate(dir);
        assertEquals(0, r.exit(), r.err());
        assertEquals("SECURITY_ASSESSMENT", r.json().get("pathway").asText());
    }

    @Test
    void aListUnderAnotherNameIsRefusedNotSkipped(@TempDir Path dir) throws Exception {
        for (String name : new String[]{"dated.list.yml", "dated.yaml"}) {
            Path folder = Files.createDirectories(dir.resolve(name.replace('.', '-')));
            Files.writeString(folder.resolve(name), CliTest.DATED_LIST);
            Run r = evaluate(folder);
            assertEquals(3, r.exit(), name + ": " + r.out() + r.err());
            assertTrue(r.err().contains(name), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void anEmptyFolderAndADanglingLinkAreRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(3, evaluate(empty).exit());
        Path dangling = Files.createDirectories(dir.resolve("dangling"));
        Files.createSymbolicLink(dangling.resolve("dated.list.yaml"), dir.resolve("nowhere.list.yaml"));
        Run r = evaluate(dangling);
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("dangling"), r.err());
    }

    @Test
    void aSymlinkedFolderIsLoaded(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("dated.list.yaml"), CliTest.DATED_LIST);
        Run r = evaluate(Files.createSymbolicLink(dir.resolve("link"), real));
        assertEquals(0, r.exit(), r.err());
        assertEquals("SECURITY_ASSESSMENT", r.json().get("pathway").asText());
    }

    @Test
    void invalidUtf8InAListExitsThreeNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] text = CliTest.DATED_LIST.replace("dated test list", "dated \u00e9 list").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = CliTest.DATED_LIST.replace("dated test list", "dated \u00e9 list")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(text.length != latin1.length);
        Files.write(dir.resolve("dated.list.yaml"), latin1);
        Run r = evaluate(dir);
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("dated.list.yaml") && r.err().contains("UTF-8"), r.err());
        assertEquals(3, run("lint-lists", dir.toString()).exit());
    }
}
