package io.github.ftzoutbound.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.RequestReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scenario suites ({@code *.scenario.yaml}): the legal team's tests, readable without Java. Each file is a
 * list of scenarios:
 *
 * <pre>
 * - name: Jiangsu processor below the national exemption
 *   request: { …contract request… }
 *   expect:
 *     pathway: EXEMPT
 *     regime: JIANGSU_FTZ
 *     items: { orders: EXEMPT }
 *     reasons: { orders: NATIONAL_EXEMPTION }
 *     citations: [ { instrument: CBDF, article: 5, item: 4 } ]   # each must appear
 *     itemCitations: { orders: [ { instrument: CBDF, article: 5, item: 4 } ] }
 *     absentCitations: [ { instrument: CBDF, article: 8 } ]
 *     obligations: [ PI_PROTECTION_DUTIES ]                        # each must appear
 *     absentObligations: [ ]
 *     warnings: [ ]                                                # each must appear
 *     absentWarnings: [ IMPORTANT_DATA_CANDIDATE ]
 *     fired: [ "CBDF 5(1)(4): …" ]                                  # rule names that must fire
 *     invalid: [ "$.processor.cio" ]                                # the request must be refused, naming these paths
 * </pre>
 *
 * An expected citation matches an actual one when every key it gives is equal; keys it omits are not checked.
 */
public final class ScenarioSuites {
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "request", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("pathway", "regime", "items", "reasons", "citations",
            "itemCitations", "absentCitations", "obligations", "absentObligations", "warnings", "absentWarnings",
            "fired", "invalid");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioSuites() {
    }

    /** A suite file that cannot be read as scenarios. */
    public static final class MalformedSuiteException extends RuntimeException {
        public MalformedSuiteException(String message) {
            super(message);
        }
    }

    /** Reads every {@code *.scenario.yaml} under dir, sorted by path. */
    public static List<Scenario> load(Path dir) {
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".scenario.yaml")).sorted().toList()) {
                out.addAll(parse(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static List<Scenario> parse(String file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new MalformedSuiteException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new MalformedSuiteException(file + ": a suite is a YAML list of scenarios");
        }
        List<Scenario> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : root) {
            i++;
            String where = file + " scenario " + i;
            if (!s.isObject()) {
                throw new MalformedSuiteException(where + ": must be a mapping with name, request and expect");
            }
            unknownKeys(s, SCENARIO_KEYS, where);
            if (!s.path("name").isTextual() || !s.path("request").isObject() || !s.path("expect").isObject()) {
                throw new MalformedSuiteException(where + ": needs name (text), request (mapping), expect (mapping)");
            }
            unknownKeys(s.get("expect"), EXPECT_KEYS, where + " expect");
            out.add(new Scenario(s.get("name").textValue(), s.get("request"), s.get("expect"),
                    file + " #" + i + " \"" + s.get("name").textValue() + "\""));
        }
        return out;
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                throw new MalformedSuiteException(where + ": unknown key \"" + k + "\"; expected " + allowed);
            }
        }
    }

    /** Runs one scenario against a service. */
    public static ScenarioResult run(ExportDecisionService service, Scenario scenario) {
        List<String> failures = new ArrayList<>();
        JsonNode expect = scenario.expect();
        ExportDecision decision;
        try {
            decision = service.evaluate(RequestReader.read(JSON.writeValueAsString(scenario.request())));
        } catch (InvalidRequestException e) {
            if (!expect.has("invalid")) {
                failures.add("request refused, expected a decision: " + e.problems());
            } else {
                for (JsonNode path : expect.get("invalid")) {
                    if (e.problems().stream().map(Problem::path).noneMatch(path.asText()::equals)) {
                        failures.add("expected a problem at " + path.asText() + ", got " + e.problems());
                    }
                }
            }
            return new ScenarioResult(scenario, null, failures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (expect.has("invalid")) {
            failures.add("expected the request to be refused, got pathway " + decision.pathway());
            return new ScenarioResult(scenario, decision, failures);
        }
        check(failures, "pathway", expect.path("pathway"), decision.pathway().name());
        check(failures, "regime", expect.path("regime"), decision.regime().name());
        expect.path("items").fields().forEachRemaining(e -> item(decision, e.getKey(), failures)
                .ifPresent(it -> check(failures, "items." + e.getKey(), e.getValue(), it.pathway().name())));
        expect.path("reasons").fields().forEachRemaining(e -> item(decision, e.getKey(), failures)
                .ifPresent(it -> check(failures, "reasons." + e.getKey(), e.getValue(), it.reason())));
        for (JsonNode c : expect.path("citations")) {
            if (decision.citations().stream().noneMatch(a -> matches(c, a))) {
                failures.add("citation " + c + " missing; decision cites " + decision.citations());
            }
        }
        expect.path("itemCitations").fields().forEachRemaining(e -> item(decision, e.getKey(), failures)
                .ifPresent(it -> {
                    for (JsonNode c : e.getValue()) {
                        if (it.citations().stream().noneMatch(a -> matches(c, a))) {
                            failures.add("item " + e.getKey() + ": citation " + c + " missing; item cites "
                                    + it.citations());
                        }
                    }
                }));
        for (JsonNode c : expect.path("absentCitations")) {
            decision.citations().stream().filter(a -> matches(c, a)).findFirst()
                    .ifPresent(a -> failures.add("citation " + a + " present, expected absent (" + c + ")"));
        }
        List<String> obligations = decision.obligations().stream().map(Obligation::code).toList();
        List<String> warnings = decision.warnings().stream().map(Warning::code).toList();
        present(failures, "obligation", expect.path("obligations"), obligations);
        absent(failures, "obligation", expect.path("absentObligations"), obligations);
        present(failures, "warning", expect.path("warnings"), warnings);
        absent(failures, "warning", expect.path("absentWarnings"), warnings);
        List<String> fired = decision.trace().stream().map(t -> t.rule()).toList();
        present(failures, "fired rule", expect.path("fired"), fired);
        return new ScenarioResult(scenario, decision, failures);
    }

    private static java.util.Optional<ItemDecision> item(ExportDecision d, String id, List<String> failures) {
        java.util.Optional<ItemDecision> it = d.items().stream().filter(i -> i.itemId().equals(id)).findFirst();
        if (it.isEmpty()) {
            failures.add("no item " + id + " in the decision");
        }
        return it;
    }

    private static void check(List<String> failures, String what, JsonNode expected, String actual) {
        if (!expected.isMissingNode() && !expected.asText().equals(actual)) {
            failures.add(what + ": expected " + expected.asText() + ", actual " + actual);
        }
    }

    private static void present(List<String> failures, String what, JsonNode expected, List<String> actual) {
        for (JsonNode e : expected) {
            if (!actual.contains(e.asText())) {
                failures.add(what + " " + e.asText() + " missing; actual " + actual);
            }
        }
    }

    private static void absent(List<String> failures, String what, JsonNode expected, List<String> actual) {
        for (JsonNode e : expected) {
            if (actual.contains(e.asText())) {
                failures.add(what + " " + e.asText() + " present, expected absent");
            }
        }
    }

    /** Every key the expected citation gives must equal the actual citation's. */
    static boolean matches(JsonNode expected, Citation actual) {
        Map<String, Object> a = new java.util.HashMap<>();
        a.put("instrument", actual.instrument());
        a.put("article", actual.article());
        a.put("paragraph", actual.paragraph());
        a.put("item", actual.item());
        a.put("subItem", actual.subItem());
        a.put("rule", actual.rule());
        a.put("category", actual.category());
        a.put("listId", actual.listId());
        a.put("entryId", actual.entryId());
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Object v = a.get(e.getKey());
            if (v == null || !v.toString().equals(e.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
