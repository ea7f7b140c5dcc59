package io.github.ftzoutbound.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No request content at INFO or above in the logs: names, free text, item ids and the counts tied to a processor
 * stay out. Logging is configured once per JVM (slf4j-simple reads its settings when the first logger is made),
 * so the check runs {@link LogProbe} in a JVM of its own with every logger writing INFO and above to a file, then
 * reads the file. The file must hold the engine's own INFO lines (else nothing was captured and the check would
 * prove nothing) and none of the canary's values.
 */
class LogHygieneTest {
    @Test
    void requestContentNeverReachesTheLogsAtInfoOrAbove(@TempDir Path dir) throws Exception {
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        Path log = dir.resolve("captured.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java,
                "-Dorg.slf4j.simpleLogger.logFile=" + log,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=false",
                "-cp", classpath, LogProbe.class.getName(), canary, dir.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("probe.out").toFile()).start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the log probe did not finish");
        }
        String out = Files.readString(dir.resolve("probe.out"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "log probe failed:\n" + out);
        assertTrue(out.contains("probe done"), out);

        String logged = Files.readString(log, StandardCharsets.UTF_8) + out;
        assertTrue(logged.contains("INFO io.github.ftzoutbound"), "nothing from the engine was captured at INFO, so "
                + "the check would prove nothing:\n" + logged);
        List<String> leaks = new ArrayList<>();
        for (String value : List.of(canary, "7654321", "7,654,321", "1234567", "1,234,567", "3456789", "3,456,789",
                "345678", "345,678")) {
            if (logged.contains(value)) {
                leaks.add(value);
            }
        }
        assertTrue(leaks.isEmpty(), "request content in the logs at INFO or above: " + leaks + "\n" + logged);
        assertFalse(new File(log.toString()).length() == 0);
    }
}
