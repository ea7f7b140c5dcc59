package io.github.ftzoutbound;

import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every legal case in src/test/resources/scenarios as its own test. */
class ScenarioSuiteTest {
    static final Path SCENARIOS = Path.of("../ftz-outbound-core/src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicTest> scenarios() {
        List<Scenario> all = ScenarioSuites.load(SCENARIOS);
        assertFalse(all.isEmpty(), "no scenarios found under " + SCENARIOS);
        return all.stream().map(s -> DynamicTest.dynamicTest(s.source(), () -> {
            ScenarioResult r = ScenarioSuites.run(TestServices.withExampleLists(), s);
            assertTrue(r.passed(), () -> s.source() + "\n  " + String.join("\n  ", r.failures()));
        }));
    }
}
