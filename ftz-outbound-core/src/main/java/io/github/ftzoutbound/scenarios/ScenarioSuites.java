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
import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.InMemoryExportLedger;
import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.RequestReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.LocalDate;
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
 *     ledger: { policy: COUNT_ALL, year: 2026, totalsBefore: { individuals: 60000 } }   # the decision's ledger object
 * </pre>
 *
 * A scenario may give the processor's annual ledger (docs/ledger.md): the request is then decided through a fresh
 * in-memory ledger holding these exports, as a service configured with a ledger decides it.
 *
 * <pre>
 * - name: …
 *   ledger:
 *     policy: COUNT_ALL            # or COUNT_NON_EXEMPT; default COUNT_ALL
 *     windowDays: 30               # the splitting window; default 30
 *     exports:                     # exports recorded before the request
 *       - { date: 2026-03-02, individuals: 60000, sensitiveIndividuals: 0, pathway: EXEMPT,
 *           basisExempt: false, status: COMMITTED, creditCode: …, requestId: … }
 *   request: { …processor.creditCode set… }
 *   expect: { … }
 * </pre>
 *
 * In an export only {@code date} and {@code individuals} or {@code sensitiveIndividuals} are needed:
 * {@code creditCode} defaults to the request's, {@code pathway} to EXEMPT, {@code basisExempt} to false,
 * {@code status} to COMMITTED (also RESERVED, EXPIRED, CANCELLED), {@code requestId} to a generated one.
 *
 * An expected citation matches an actual one when every key it gives is equal; keys it omits are not checked.
 */
public final class ScenarioSuites {
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "request", "expect", "ledger");
    private static final Set<String> EXPECT_KEYS = Set.of("pathway", "regime", "items", "reasons", "citations",
            "itemCitations", "absentCitations", "obligations", "absentObligations", "warnings", "absentWarnings",
            "fired", "invalid", "ledger");
    private static final Set<String> LEDGER_KEYS = Set.of("policy", "windowDays", "exports");
    private static final Set<String> EXPORT_KEYS = Set.of("date", "individuals", "sensitiveIndividuals", "pathway",
            "basisExempt", "status", "creditCode", "requestId");
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
            JsonNode ledger = s.get("ledger");
            if (ledger != null) {
                checkLedger(ledger, where + " ledger");
            }
            out.add(new Scenario(s.get("name").textValue(), s.get("request"), s.get("expect"),
                    file + " #" + i + " \"" + s.get("name").textValue() + "\"", ledger));
        }
        return out;
    }

    private static void checkLedger(JsonNode ledger, String where) {
        if (!ledger.isObject()) {
            throw new MalformedSuiteException(where + ": must be a mapping with policy, windowDays and exports");
        }
        unknownKeys(ledger, LEDGER_KEYS, where);
        try {
            if (ledger.has("policy")) {
                CountingPolicy.valueOf(ledger.get("policy").asText());
            }
            if (ledger.has("windowDays") && !ledger.get("windowDays").canConvertToInt()) {
                throw new IllegalArgumentException("windowDays must be a whole number");
            }
            int n = 0;
            for (JsonNode e : ledger.path("exports")) {
                n++;
                if (!e.isObject() || !e.has("date")) {
                    throw new IllegalArgumentException("export " + n + " needs a date");
                }
                unknownKeys(e, EXPORT_KEYS, where + " export " + n);
                LocalDate.parse(e.get("date").asText());
                Pathway.valueOf(e.path("pathway").asText("EXEMPT"));
                LedgerRecord.Status.valueOf(e.path("status").asText("COMMITTED"));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedSuiteException(where + ": " + e.getMessage());
        }
    }

    /**
     * A fresh in-memory ledger holding the scenario's exports. Its clock stands at noon (Asia/Shanghai) of the
     * request's evaluation date, so the scenario is decided on "its" day, as a ledger requires (EvaluationDates).
     * Reservations given as RESERVED hold for a day after that moment, EXPIRED ones lapsed a second before.
     */
    private static InMemoryExportLedger ledgerFor(Scenario scenario) {
        JsonNode spec = scenario.ledger();
        String date = scenario.request().path("evaluationDate").asText(null);
        Clock clock = date == null ? Clock.systemUTC() : Clock.fixed(LocalDate.parse(date).atTime(12, 0)
                .atZone(ExportDecisionService.CHINA).toInstant(), ZoneOffset.UTC);
        InMemoryExportLedger.Builder b = InMemoryExportLedger.builder()
                .countingPolicy(CountingPolicy.valueOf(spec.path("policy").asText("COUNT_ALL")))
                .clock(clock);
        if (spec.has("windowDays")) {
            b.splittingWindowDays(spec.get("windowDays").intValue());
        }
        InMemoryExportLedger ledger = b.open();
        try {
            String defaultCode = scenario.request().path("processor").path("creditCode").asText(null);
            int n = 0;
            for (JsonNode e : spec.path("exports")) {
                n++;
                LedgerRecord.Status status = LedgerRecord.Status.valueOf(e.path("status").asText("COMMITTED"));
                ledger.importRecord("scenario-export-" + n, e.path("requestId").asText("SCENARIO-EXPORT-" + n),
                        e.path("creditCode").asText(defaultCode), LocalDate.parse(e.get("date").asText()),
                        new PersonCounts(e.path("individuals").asLong(0), e.path("sensitiveIndividuals").asLong(0)),
                        Pathway.valueOf(e.path("pathway").asText("EXEMPT")), e.path("basisExempt").asBoolean(false),
                        status, status == LedgerRecord.Status.RESERVED ? clock.instant().plus(Duration.ofDays(1)) : null);
            }
            return ledger;
        } catch (RuntimeException e) {
            ledger.close();
            throw new MalformedSuiteException(scenario.source() + ": ledger: " + e.getMessage());
        }
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
        InMemoryExportLedger ledger = scenario.ledger() == null ? null : ledgerFor(scenario);
        try {
            ExportDecisionService deciding = ledger == null ? service : service.withLedger(ledger);
            decision = deciding.evaluate(RequestReader.read(JSON.writeValueAsString(scenario.request())));
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
        } finally {
            if (ledger != null) {
                ledger.close();
            }
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
        if (expect.has("ledger")) {
            if (decision.ledger() == null) {
                failures.add("ledger: expected the decision to use the ledger, it did not");
            } else {
                subset(failures, "ledger", expect.get("ledger"),
                        io.github.ftzoutbound.api.DecisionJson.mapper().valueToTree(decision.ledger()));
            }
        }
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

    /** Every value the expected tree gives must equal the actual tree's at the same place. */
    private static void subset(List<String> failures, String at, JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            expected.fields().forEachRemaining(e -> subset(failures, at + "." + e.getKey(), e.getValue(),
                    actual == null ? null : actual.get(e.getKey())));
        } else if (actual == null || !expected.asText().equals(actual.asText())) {
            failures.add(at + ": expected " + expected.asText() + ", actual " + (actual == null ? "none" : actual));
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
