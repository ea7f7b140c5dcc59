package io.github.ftzoutbound.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The launcher, bin/ftz-outbound (docs/performance.md, Cold start). Two kinds of case:
 * <ul>
 *   <li>with a stand-in {@code $JAVA_HOME/bin/java} that records the arguments it is given and exits with a chosen
 *   code: what the launcher passes to the JVM, exactly (quoting, flags per command, JAVA_OPTS, exit code);</li>
 *   <li>with the real JVM and the jar and archive that {@code mvn package} wrote into target/: the archive is
 *   used ({@code -Xshare:on} would fail otherwise), and a missing, corrupt or stale archive still decides.</li>
 * </ul>
 * The second kind needs the packaged jar, so the build runs this class in the integration-test phase (pom), after
 * the package phase wrote the jar and the archive; the ordinary test phase leaves it out.
 */
class LauncherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/ftz-outbound");
    private static final Path JAR = ROOT.resolve("target/ftz-outbound-cli.jar");
    private static final Path ARCHIVE = ROOT.resolve("target/ftz-outbound-cli.jsa");
    private static final Path EXAMPLE = ROOT.resolve("docs/examples/jiangsu-scc-cumulative.json");
    /** Arguments a shell would mangle if the launcher forgot a quote: spaces, quotes, globs, $, newline, empty. */
    private static final List<String> AWKWARD = List.of("evaluate", "a file with spaces.json", "it's \"quoted\"",
            "", "*", "$HOME", "back\\slash", "two\nlines", "--lang", "zh", "-Dnot.a.jvm.option=1");

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void theLauncherIsThere() {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " must exist and be executable");
    }

    // ----- what the launcher hands to the JVM (stand-in java) -----

    /** A JAVA_HOME whose bin/java writes its arguments, NUL-separated, to args.bin and exits with code EXIT. */
    private static Path fakeJavaHome(Path dir, int exit) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\0' \"$@\" > \"" + dir.resolve("args.bin") + "\"\nexit "
                + exit + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir.resolve("jdk");
    }

    private static List<String> recordedArgs(Path dir) throws IOException {
        String all = Files.readString(dir.resolve("args.bin"), StandardCharsets.UTF_8);
        // Each argument ends with a NUL; split with limit -1 keeps empty arguments, the last (empty) piece is dropped.
        List<String> args = new ArrayList<>(Arrays.asList(all.split("\0", -1)));
        args.remove(args.size() - 1);
        return args;
    }

    /** A stand-in jar and archive, so that these cases do not depend on the build's. */
    private static Map<String, String> fakeInstall(Path dir, int exit, boolean archive) throws IOException {
        Files.createDirectories(dir);
        Path jar = Files.writeString(dir.resolve("cli.jar"), "not a jar: the stand-in java never opens it");
        if (archive) {
            Files.writeString(dir.resolve("cli.jsa"), "not an archive either");
        }
        return Map.of("JAVA_HOME", fakeJavaHome(dir, exit).toString(), "FTZ_OUTBOUND_JAR", jar.toString());
    }

    @Test
    void argumentsReachTheJarExactlyAsGiven(@TempDir Path dir) throws Exception {
        Map<String, String> env = fakeInstall(dir, 0, true);
        Run r = launch(dir, env, AWKWARD);
        assertEquals(0, r.exit(), r.err());
        List<String> args = recordedArgs(dir);
        int jar = args.indexOf("-jar");
        assertTrue(jar >= 0, args.toString());
        assertEquals(dir.resolve("cli.jar").toString(), args.get(jar + 1));
        assertEquals(AWKWARD, args.subList(jar + 2, args.size()));
        // Nothing of the command's arguments leaked in front of -jar (where the JVM would read them).
        assertFalse(args.subList(0, jar).contains("-Dnot.a.jvm.option=1"), args.toString());
    }

    @Test
    void aOneShotCommandGetsTheArchiveAndC1Only(@TempDir Path dir) throws Exception {
        Map<String, String> env = fakeInstall(dir, 0, true);
        assertEquals(0, launch(dir, env, List.of("--lang", "zh", "evaluate", "req.json")).exit());
        List<String> jvm = jvmOptions(recordedArgs(dir));
        assertTrue(jvm.contains("-XX:SharedArchiveFile=" + dir.resolve("cli.jsa")), jvm.toString());
        assertTrue(jvm.contains("-Xshare:auto"), jvm.toString());
        assertTrue(jvm.contains("-XX:TieredStopAtLevel=1"), jvm.toString());
        assertTrue(jvm.contains("-XX:+UseSerialGC"), jvm.toString());
        assertTrue(jvm.contains("-XX:-UsePerfData"), jvm.toString());
        // JVM warnings (a stale archive, for one) must never land on stdout, where the decision JSON goes.
        assertTrue(jvm.contains("-Xlog:all=warning:stderr"), jvm.toString());
    }

    @Test
    void manyRequestCommandsKeepFullTieredCompilationAndTheDefaultCollector(@TempDir Path dir) throws Exception {
        Map<String, String> env = fakeInstall(dir, 0, true);
        for (List<String> args : List.of(List.of("serve", "--port", "8080"), List.of("--lang", "en", "evaluate-batch",
                "in.jsonl", "out.jsonl"), List.of("--lang=zh", "replay", "r.jsonl"), List.of("test", "scenarios"))) {
            assertEquals(0, launch(dir, env, args).exit());
            List<String> jvm = jvmOptions(recordedArgs(dir));
            assertFalse(jvm.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")), args + ": " + jvm);
            assertFalse(jvm.contains("-XX:+UseSerialGC"), args + ": " + jvm);
            assertTrue(jvm.contains("-XX:SharedArchiveFile=" + dir.resolve("cli.jsa")), args + ": " + jvm);
        }
    }

    @Test
    void javaOptsComeAfterTheLaunchersOwnSoTheyWin(@TempDir Path dir) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(fakeInstall(dir, 0, true));
        env.put("JAVA_OPTS", "-Xmx300m  -XX:+UseG1GC -XX:TieredStopAtLevel=4");
        assertEquals(0, launch(dir, env, List.of("evaluate", "req.json")).exit());
        List<String> jvm = jvmOptions(recordedArgs(dir));
        assertEquals(List.of("-Xmx300m", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=4"),
                jvm.subList(jvm.size() - 3, jvm.size()), jvm.toString());
        assertTrue(jvm.indexOf("-XX:TieredStopAtLevel=1") < jvm.indexOf("-XX:TieredStopAtLevel=4"), jvm.toString());
        // A collector chosen in JAVA_OPTS replaces the serial one: the JVM refuses two.
        assertFalse(jvm.contains("-XX:+UseSerialGC"), jvm.toString());
    }

    @Test
    void withoutAnArchiveOrWithCdsOffNoArchiveIsNamed(@TempDir Path dir) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(fakeInstall(dir, 0, false));
        assertEquals(0, launch(dir, env, List.of("evaluate", "req.json")).exit());
        assertTrue(jvmOptions(recordedArgs(dir)).stream().noneMatch(o -> o.contains("SharedArchiveFile")));
        Files.writeString(dir.resolve("cli.jsa"), "archive");
        env.put("FTZ_OUTBOUND_CDS", "off");
        assertEquals(0, launch(dir, env, List.of("evaluate", "req.json")).exit());
        assertTrue(jvmOptions(recordedArgs(dir)).stream().noneMatch(o -> o.contains("SharedArchiveFile")));
    }

    @Test
    void theJvmsExitCodeIsTheLaunchers(@TempDir Path dir) throws Exception {
        for (int code : new int[]{1, 2, 3, 4, 7}) {
            assertEquals(code, launch(dir, fakeInstall(dir.resolve("c" + code), code, true),
                    List.of("evaluate", "x.json")).exit());
        }
    }

    @Test
    void aMissingJarIsAJsonErrorAndExitOne(@TempDir Path dir) throws Exception {
        Run r = launch(dir, Map.of("FTZ_OUTBOUND_JAR", dir.resolve("nowhere \"x\".jar").toString()),
                List.of("evaluate", "x.json"));
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        JsonNode error = JSON.readTree(r.err());
        assertEquals("failure", error.get("error").asText());
        assertTrue(error.get("message").asText().contains("nowhere \"x\".jar not found"), r.err());
    }

    // ----- the real JVM, the packaged jar and its archive -----

    private static void assumePackaged() {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR + " is missing: this test runs after `mvn package` (the build's integration-test phase)");
        }
        if (!Boolean.getBoolean("ftz.cds.skip") && !Files.isRegularFile(ARCHIVE)) {
            fail(ARCHIVE + " is missing: `mvn package` writes it (unless -Dftz.cds.skip=true)");
        }
    }

    @Test
    void throughASymlinkFromAnotherDirectoryTheArchiveIsUsedAndTheDecisionPrinted(@TempDir Path dir)
            throws Exception {
        assumePackaged();
        // Called by a link elsewhere, from an unrelated working directory, with a request file whose name needs
        // quoting. -Xshare:on makes the JVM fail rather than fall back: exit 0 means the archive was mapped.
        Path link = Files.createSymbolicLink(dir.resolve("ftz-outbound"), LAUNCHER);
        Path request = Files.copy(EXAMPLE, dir.resolve("the \"example\" request's file.json"));
        Map<String, String> env = Boolean.getBoolean("ftz.cds.skip") ? Map.of() : Map.of("JAVA_OPTS", "-Xshare:on");
        Run r = run(dir, env, link.toString(), "evaluate", request.getFileName().toString());
        Files.delete(link); // before JUnit's clean-up, which warns about links that point out of the folder
        assertEquals(0, r.exit(), r.err());
        assertDecided(r);
    }

    @Test
    void withoutTheArchiveOrWithACorruptOneTheCommandStillDecides(@TempDir Path dir) throws Exception {
        assumePackaged();
        Run missing = launch(dir, Map.of("FTZ_OUTBOUND_CDS_ARCHIVE", dir.resolve("none.jsa").toString()),
                List.of("evaluate", EXAMPLE.toString()));
        assertEquals(0, missing.exit(), missing.err());
        assertDecided(missing);
        Path corrupt = Files.write(dir.resolve("corrupt.jsa"), new byte[64 * 1024]);
        Run r = launch(dir, Map.of("FTZ_OUTBOUND_CDS_ARCHIVE", corrupt.toString()),
                List.of("evaluate", EXAMPLE.toString()));
        assertEquals(0, r.exit(), r.err());
        assertDecided(r);
    }

    @Test
    void aStaleArchiveFallsBackAndKeepsStdoutClean(@TempDir Path dir) throws Exception {
        assumePackaged();
        if (Boolean.getBoolean("ftz.cds.skip")) {
            return; // no archive was built to go stale; the cases above ran without one
        }
        // The same jar's bytes at another path with another time stamp: the archive no longer fits it, as after a
        // rebuild without a new archive.
        Path jar = Files.copy(JAR, dir.resolve("ftz-outbound-cli.jar"));
        Files.copy(ARCHIVE, dir.resolve("ftz-outbound-cli.jsa"));
        Map<String, String> env = Map.of("FTZ_OUTBOUND_JAR", jar.toString());
        Run stale = launch(dir, env, List.of("evaluate", EXAMPLE.toString()));
        assertEquals(0, stale.exit(), stale.err());
        assertDecided(stale);
        // It really was stale: insisting on the archive fails.
        Run insisted = launch(dir, Map.of("FTZ_OUTBOUND_JAR", jar.toString(), "JAVA_OPTS", "-Xshare:on"),
                List.of("evaluate", EXAMPLE.toString()));
        assertNotEquals(0, insisted.exit(), insisted.out());
    }

    @Test
    void invalidInputKeepsTheCommandLinesExitCode(@TempDir Path dir) throws Exception {
        assumePackaged();
        Path bad = Files.writeString(dir.resolve("bad request.json"), "{\"requestId\":\"X\",\"processor\":{\"cio\":1}}");
        Run r = launch(dir, Map.of(), List.of("evaluate", bad.toString()));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("invalid-input", JSON.readTree(r.err().lines().reduce((a, b) -> b).orElseThrow())
                .get("error").asText(), r.err());
    }

    /** stdout is exactly one decision (JSON, nothing else) with the example's answer. */
    private static void assertDecided(Run r) throws Exception {
        JsonNode decision = JSON.readTree(r.out());
        assertEquals("EX-JS-001", decision.get("requestId").asText(), r.out());
        assertEquals("STANDARD_CONTRACT_OR_CERTIFICATION", decision.get("pathway").asText());
    }

    private static List<String> jvmOptions(List<String> args) {
        return args.subList(0, args.indexOf("-jar"));
    }

    private static Run launch(Path cwd, Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(args);
        return run(cwd, env, command.toArray(String[]::new));
    }

    private static Run run(Path cwd, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        // A clean slate: the build's own JAVA_OPTS or FTZ_OUTBOUND_* must not change what is tested.
        pb.environment().keySet().removeIf(k -> k.equals("JAVA_OPTS") || k.startsWith("FTZ_OUTBOUND_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        // A guard against a hung JVM, not a timing assertion.
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the launcher did not end: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
