package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.RequestReader;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library user who adds only ftz-outbound-core gets no DRL compiler (drools-mvel, MVEL, ECJ are optional in
 * core, docs/architecture.md "Modules"). The bundled rules must still decide: they are loaded from the executable
 * model built at build time. A child JVM runs with this test's class path minus the compiler jars, decides the
 * README's example from the precompiled rules, and fails to compile a rule directory, as documented.
 */
class ExecutableModelWithoutCompilerTest {
    private static final List<String> COMPILER = List.of("drools-mvel", "drools-ecj", File.separator + "ecj-",
            "mvel2", "drools-wiring-dynamic");
    static final Path EXAMPLE = Path.of("../docs/examples/jiangsu-scc-cumulative.json");
    static final Path RULES = Path.of("../ftz-outbound-core/src/main/resources/rules");

    @Test
    void theBundledRulesDecideWithoutTheDrlCompiler() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(cp.split(File.pathSeparator));
        assertTrue(entries.stream().anyMatch(e -> e.contains("drools-mvel")),
                "the test class path has the DRL compiler, so leaving it out below is a real change: " + cp);
        String reduced = entries.stream().filter(e -> COMPILER.stream().noneMatch(e::contains))
                .collect(Collectors.joining(File.pathSeparator));
        Path out = Files.createTempFile("ftz-no-compiler", ".txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", reduced, Child.class.getName(), EXAMPLE.toAbsolutePath().toString(),
                RULES.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM finished");
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("decided STANDARD_CONTRACT_OR_CERTIFICATION"), output);
        assertTrue(output.contains("rule directory not compiled"), output);
    }

    /** Runs in the child JVM without the compiler jars. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try {
                Class.forName("org.drools.mvel.MVELDialectConfiguration");
                System.out.println("drools-mvel is on the class path: the test proves nothing");
                System.exit(3);
            } catch (ClassNotFoundException expected) {
                // as a library user who depends on core alone
            }
            ExportDecision d = ExportDecisionService.bundled()
                    .evaluate(RequestReader.read(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)));
            System.out.println("decided " + d.pathway());
            try {
                ExportDecisionService.builder().rulesDirectory(Path.of(args[1])).allowUnvalidatedRules().build();
                System.out.println("rule directory compiled");
            } catch (RuntimeException | LinkageError e) {
                System.out.println("rule directory not compiled: " + e);
            }
        }
    }
}
