package io.github.ftzoutbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ftzoutbound.cli.Main;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example requests in docs/examples are documentation that must stay true: each one is run through the
 * command line exactly as a reader would run it ({@code ftz-outbound evaluate docs/examples/FILE}) and its
 * decision is checked against docs/examples/expected.yaml, which uses the keys of a scenario's {@code expect}.
 */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("../docs/examples");
    static final Path EXPECTED = EXAMPLES.resolve("expected.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Run(int exit, String out, String err) {
    }

    static Run evaluate(String file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // The Jiangsu examples use the sample list of docs/examples/lists (the bundled Jiangsu list has no rows).
        int exit = Main.run(new String[]{"evaluate", EXAMPLES.resolve(file).toString().replace('\\', '/'),
                        "--lists", "../docs/examples/lists"},
                new PrintWriter(out), new PrintWriter(err), System.in);
        return new Run(exit, out.toString(), err.toString());
    }

    static JsonNode expected() throws IOException {
        JsonNode root = YAML.readTree(Files.readString(EXPECTED, StandardCharsets.UTF_8));
        assertTrue(root != null && root.isObject(), EXPECTED + " must map example file names to expect blocks");
        return root;
    }

    static Set<String> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            Set<String> names = new TreeSet<>();
            files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    @Test
    void everyExampleHasAnExpectationAndEveryExpectationAnExample() throws IOException {
        Set<String> files = exampleFiles();
        Set<String> entries = new TreeSet<>();
        expected().fieldNames().forEachRemaining(entries::add);
        Set<String> withoutEntry = new TreeSet<>(files);
        withoutEntry.removeAll(entries);
        Set<String> withoutFile = new TreeSet<>(entries);
        withoutFile.removeAll(files);
        assertTrue(withoutEntry.isEmpty(), () -> "examples without an entry in " + EXPECTED + ": " + withoutEntry);
        assertTrue(withoutFile.isEmpty(), () -> "entries in " + EXPECTED + " without an example file: " + withoutFile);
        assertTrue(files.size() >= 10, () -> "at least ten examples expected, found " + files.size());
    }

    @Test
    void examplesCoverEveryPathwayEveryRegimeAListAndAnInvalidRequest() throws IOException {
        Set<String> pathways = new TreeSet<>();
        Set<String> regimes = new TreeSet<>();
        boolean invalid = false;
        boolean listBased = false;
        Iterator<Map.Entry<String, JsonNode>> it = expected().fields();
        while (it.hasNext()) {
            JsonNode expect = it.next().getValue();
            if (expect.has("invalid")) {
                invalid = true;
                continue;
            }
            pathways.add(expect.path("pathway").asText());
            regimes.add(expect.path("regime").asText());
            for (JsonNode r : expect.path("reasons")) {
                listBased |= Set.of("ON_NEGATIVE_LIST", "OFF_NEGATIVE_LIST", "LISTED_IMPORTANT_DATA").contains(r.asText());
            }
        }
        assertTrue(pathways.containsAll(Set.of("EXEMPT", "STANDARD_CONTRACT_OR_CERTIFICATION", "SECURITY_ASSESSMENT",
                "STRICTER_REGIME")), () -> "examples cover pathways " + pathways);
        assertTrue(regimes.containsAll(Set.of("NATIONAL", "JIANGSU_FTZ", "ZHEJIANG_FTZ")), () -> "examples cover regimes " + regimes);
        assertTrue(invalid, "no invalid example");
        assertTrue(listBased, "no example decided on a negative list");
    }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        JsonNode expected = expected();
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
        }
        return tests.stream();
    }

    private static void check(String file, JsonNode expect) throws IOException {
        assertTrue(expect.isObject(), file + ": the expect block must be a mapping");
        Run run = evaluate(file);
        if (expect.has("invalid")) {
            assertEquals(Main.INVALID_INPUT, run.exit(), () -> file + ": exit code; stderr " + abbreviate(run.err()));
            assertTrue(run.out().isBlank(), () -> file + ": nothing may be printed on stdout, got " + run.out());
            JsonNode error = JSON.readTree(run.err());
            Set<String> paths = new TreeSet<>();
            error.path("problems").forEach(p -> paths.add(p.path("path").asText()));
            for (JsonNode path : expect.get("invalid")) {
                assertTrue(paths.contains(path.asText()),
                        () -> file + ": expected a problem at " + path.asText() + " on stderr, got " + run.err());
            }
        } else {
            assertEquals(Main.DECIDED, run.exit(), () -> file + ": exit code; stderr " + abbreviate(run.err()));
            JsonNode decision = JSON.readTree(run.out());
            assertFalse(decision.path("decisionId").asText().isEmpty(), () -> file + ": no decisionId in " + run.out());
            if (expect.has("pathway")) {
                assertEquals(expect.get("pathway").asText(), decision.path("pathway").asText(), file + ": pathway");
            }
            if (expect.has("regime")) {
                assertEquals(expect.get("regime").asText(), decision.path("regime").asText(), file + ": regime");
            }
            expect.path("items").fields().forEachRemaining(i -> assertEquals(i.getValue().asText(),
                    itemOf(decision, i.getKey(), file).path("pathway").asText(), file + ": pathway of item " + i.getKey()));
            expect.path("reasons").fields().forEachRemaining(i -> assertEquals(i.getValue().asText(),
                    itemOf(decision, i.getKey(), file).path("reason").asText(), file + ": reason of item " + i.getKey()));
        }
        // The same expectations through the scenario runner, which also checks citations, obligations and
        // warnings (and, for invalid examples, the problems' paths).
        JsonNode request = JSON.readTree(Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8));
        Scenario scenario = new Scenario(file, request, expect, EXAMPLES.resolve(file).toString());
        ScenarioResult result = ScenarioSuites.run(TestServices.withExampleLists(), scenario);
        assertTrue(result.passed(), () -> file + "\n  " + String.join("\n  ", result.failures()));
    }

    private static String abbreviate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    private static JsonNode itemOf(JsonNode decision, String id, String file) {
        for (JsonNode item : decision.path("items")) {
            if (id.equals(item.path("itemId").asText())) {
                return item;
            }
        }
        throw new AssertionError(file + ": no item " + id + " in the decision");
    }
}
