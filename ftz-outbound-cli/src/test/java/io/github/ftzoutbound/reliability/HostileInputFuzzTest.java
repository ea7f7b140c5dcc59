package io.github.ftzoutbound.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.cli.Main;
import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;
import io.github.ftzoutbound.lists.ListLoader;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.RequestReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile input through every entry point that takes text from outside: the JSON reader and service, the command
 * line ({@code evaluate -} and {@code evaluate-batch}), and negative-list files. Mutated valid requests and random
 * bytes (deep nesting, huge strings and numbers, numbers as strings, duplicate keys, invalid UTF-8, bodies over
 * 4 MiB) may only be decided or refused as invalid: never an unexpected exception, a stack trace, exit code 1,
 * or a hang. List files may only load or fail closed with {@link RuleSetException}, and never build an object
 * from a YAML tag.
 */
class HostileInputFuzzTest {
    static final ExportDecisionService SERVICE = TestServices.reliability();
    static final long SEED = new Random().nextLong();
    static final int JSON_CASES = 2_500;
    static final int YAML_CASES = 3_000;
    static final long TIMEOUT_SECONDS = 20;
    static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-worker");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    enum Outcome { DECIDED, REFUSED }

    // ---- JSON: reader and service -----------------------------------------------------------------------------

    /** A mutation of a request, with what the contract demands of its outcome (null: decided or refused). */
    record Case(String label, byte[] body, Outcome required) {
    }

    @Test
    void theJsonEntryPointsOnlyDecideOrRefuse() throws Exception {
        Random random = new Random(SEED);
        List<ExportRequest> seeds = RequestGen.sample(60, SEED);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int n = 0; n < JSON_CASES; n++) {
            ObjectNode seed = Json.request(seeds.get(random.nextInt(seeds.size())));
            Case c = Mutator.mutate(seed, random);
            Outcome o = run(c.label(), () -> outcome(c.body()));
            outcomes.merge(c.label().replaceAll(" .*", "") + " " + o, 1, Integer::sum);
            if (c.required() != null && o != c.required()) {
                fail("seed " + SEED + ": " + c.label() + " must be " + c.required() + " but was " + o + ":\n"
                        + Mutator.abbreviate(c.body()));
            }
            // The String entry point: the same text, decoded leniently (a Java caller cannot pass invalid UTF-8).
            run(c.label(), () -> stringOutcome(new String(c.body(), StandardCharsets.UTF_8)));
        }
        System.out.println("[HostileInputFuzzTest] seed " + SEED + ", outcomes: " + outcomes);
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith("DECIDED")), "some mutants must still be decided");
    }

    /** Duplicate keys at every level of a request are refused, never resolved to either value. */
    @Test
    void duplicateKeysAreRejectedAtEveryLevel() throws Exception {
        for (ExportRequest r : RequestGen.sample(40, SEED)) {
            ObjectNode tree = Json.request(r);
            List<JsonNode> objects = new ArrayList<>();
            Mutator.collect(tree, objects, JsonNode::isObject);
            for (JsonNode obj : objects) {
                if (obj.size() == 0) {
                    continue;
                }
                byte[] body = Mutator.write(tree, null, null, obj).getBytes(StandardCharsets.UTF_8);
                InvalidRequestException e = assertRefused(body);
                assertTrue(e.problems().toString().contains("Duplicate field"), e.problems().toString());
            }
        }
        // The classic: a second "ciio" must not win (nor the first).
        String twice = "{\"requestId\":\"D\",\"processor\":{\"ftz\":\"NONE\",\"ciio\":true,\"ciio\":false},"
                + "\"dataItems\":[{\"id\":\"a\",\"personalInformation\":{\"individuals\":5}}]}";
        assertRefused(twice.getBytes(StandardCharsets.UTF_8));
    }

    static InvalidRequestException assertRefused(byte[] body) {
        try {
            RequestReader.read(body);
        } catch (InvalidRequestException e) {
            return e;
        }
        throw new AssertionError("accepted: " + Mutator.abbreviate(body));
    }

    static Outcome outcome(byte[] body) {
        ExportRequest request;
        try {
            request = RequestReader.read(body);
        } catch (InvalidRequestException e) {
            checkProblems(e);
            return Outcome.REFUSED;
        }
        ExportDecision d;
        try {
            d = SERVICE.evaluate(request);
        } catch (InvalidRequestException e) {
            // A code no catalog defines (a flipped byte in a field code) is refused after reading, never decided.
            checkProblems(e);
            return Outcome.REFUSED;
        }
        assertTrue(d.items().size() == request.dataItems().size());
        return Outcome.DECIDED;
    }

    static Outcome stringOutcome(String body) {
        try {
            SERVICE.evaluateJson(body);
            return Outcome.DECIDED;
        } catch (InvalidRequestException e) {
            checkProblems(e);
            return Outcome.REFUSED;
        }
    }

    /** A refusal names its problems by JSON path and does not echo megabytes of input back. */
    static void checkProblems(InvalidRequestException e) {
        assertFalse(e.problems().isEmpty(), "a refusal without problems");
        for (Problem p : e.problems()) {
            assertTrue(p.path().startsWith("$"), "problem path " + p.path());
            assertTrue(p.message().length() <= 2_000, "problem message of " + p.message().length() + " characters");
        }
    }

    /** Runs one case on the worker with a time limit: a hang fails the test instead of stalling the build. */
    static <T> T run(String label, Callable<T> action) throws Exception {
        Future<T> f = WORKER.submit(action);
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("seed " + SEED + ": no answer within " + TIMEOUT_SECONDS + " s on " + label);
        } catch (ExecutionException e) {
            throw new AssertionError("seed " + SEED + ": " + label + " threw " + e.getCause(), e.getCause());
        }
    }

    // ---- Command line ---------------------------------------------------------------------------------------

    record Run(int exit, String out, String err) {
    }

    static Run cli(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(stdin));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Each hostile body through {@code evaluate -}: exit 0 with a decision, or 2 with problems; nothing else. */
    @Test
    void theCommandLineOnlyDecidesOrRefuses() throws Exception {
        String valid = Json.requestJson(RequestGen.sample(1, SEED).get(0));
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("valid", utf8(valid));
        bodies.put("duplicate key", utf8(valid.replaceFirst("\\{", "{\"requestId\":\"X\",")));
        bodies.put("invalid UTF-8 in a name", Mutator.insertBytes(utf8(valid.replace("\"requestId\":\"", "\"requestId\":\"A")),
                valid.indexOf("\"requestId\":\"") + 14, new byte[]{(byte) 0xC3, 0x28}));
        bodies.put("deep nesting", utf8("{\"requestId\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}"));
        bodies.put("huge number", utf8(valid.replaceFirst("\"ciio\":(true|false)", "\"ciio\":false,\"holdings\":{\"individuals\":"
                + "9".repeat(5_000) + "}")));
        bodies.put("number as string", utf8(valid.replaceFirst("\"ciio\":(true|false)",
                "\"ciio\":false,\"exportedThisYear\":{\"individuals\":\"150000\"}")));
        bodies.put("over 4 MiB", utf8(valid + " ".repeat(Limits.MAX_REQUEST_BYTES)));
        bodies.put("5 MiB string", utf8(valid.replaceFirst("\"requestId\":\"[^\"]*\"",
                "\"requestId\":\"" + "x".repeat(5 * 1024 * 1024) + "\"")));
        bodies.put("10,001 items", utf8("{\"requestId\":\"M\",\"processor\":{\"ftz\":\"NONE\",\"ciio\":false},\"dataItems\":["
                + String.join(",", java.util.Collections.nCopies(10_001, "{\"id\":\"a\"}")) + "]}"));
        bodies.put("lone surrogate", utf8(valid.replace("\"id\":\"item-0\"", "\"id\":\"item-0\\ud800\"")));
        bodies.put("random bytes", Mutator.randomBytes(new Random(SEED), 4096));
        bodies.put("empty", new byte[0]);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Run>> runs = new LinkedHashMap<>();
            bodies.forEach((label, body) -> runs.put(label, two.submit(() -> cli(body, "evaluate", "-", "--compact"))));
            for (var e : runs.entrySet()) {
                Run r = e.getValue().get(120, TimeUnit.SECONDS);
                String what = e.getKey() + ": exit " + r.exit() + "\nstdout: " + Mutator.abbreviate(utf8(r.out()))
                        + "\nstderr: " + Mutator.abbreviate(utf8(r.err()));
                assertTrue(r.exit() == Main.DECIDED || r.exit() == Main.INVALID_INPUT, what);
                assertFalse(r.err().contains("\tat ") || r.out().contains("\tat ") || r.err().contains("Exception"),
                        "stack trace or exception name: " + what);
                if (r.exit() == Main.DECIDED) {
                    assertTrue(Json.MAPPER.readTree(r.out()).has("decisionId"), what);
                } else {
                    assertEquals("", r.out(), what);
                    assertEquals("invalid-input", Json.MAPPER.readTree(r.err()).get("error").asText(), what);
                }
            }
            assertEquals(Main.DECIDED, runs.get("valid").get().exit());
            for (String refused : List.of("duplicate key", "invalid UTF-8 in a name", "lone surrogate", "deep nesting", "huge number",
                    "number as string", "over 4 MiB", "5 MiB string", "10,001 items", "empty")) {
                assertEquals(Main.INVALID_INPUT, runs.get(refused).get().exit(), refused + ": " + runs.get(refused).get().err());
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** Mutated lines through {@code evaluate-batch}: one decision or invalid-input record per line, and exit 0. */
    @Test
    void theBatchCommandGoesOnPastEveryBadLine(@TempDir Path dir) throws Exception {
        Random random = new Random(SEED ^ 0x5DEECE66DL);
        List<ExportRequest> seeds = RequestGen.sample(30, SEED + 1);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        int lines = 0;
        for (int n = 0; n < 600; n++) {
            byte[] body = Mutator.mutate(Json.request(seeds.get(random.nextInt(seeds.size()))), random).body();
            if (body.length > 64 * 1024) {
                continue; // the batch is about many small lines; huge bodies are covered above
            }
            for (int i = 0; i < body.length; i++) {
                if (body[i] == '\n' || body[i] == '\r') {
                    body[i] = ' ';
                }
            }
            in.write(body);
            in.write('\n');
            lines++;
        }
        // Invalid UTF-8 on a line of its own; lone surrogates (valid JSON escapes, not Unicode) in an item id,
        // which a decision echoes, and in an enum value, which a refusal echoes; and a good line after them.
        String good = Json.requestJson(seeds.get(0));
        in.write(Mutator.insertBytes(utf8(good), 20, new byte[]{(byte) 0xFF, (byte) 0xFE}));
        in.write('\n');
        in.write(utf8(good.replace("\"id\":\"item-0\"", "\"id\":\"item-0\\ud800\"")));
        in.write('\n');
        in.write(utf8(good.replaceFirst("\"ftz\":\"[A-Z]+\"", "\"ftz\":\"\\udc00\"")));
        in.write('\n');
        in.write(utf8(good));
        in.write('\n');
        lines += 4;
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.write(input, in.toByteArray());
        Run r = run("evaluate-batch", () -> cli(new byte[0], "evaluate-batch", input.toString(), output.toString()));
        assertEquals(Main.DECIDED, r.exit(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        int blank = 0;
        for (String line : new String(in.toByteArray(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                blank++;
            }
        }
        List<String> records = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(lines - blank, records.size(), "one record per non-blank line");
        for (String record : records) {
            JsonNode node = Json.MAPPER.readTree(record);
            assertTrue(node.has("decisionId") || "invalid-input".equals(node.path("error").asText()),
                    "a record that is neither a decision nor invalid input: " + record);
        }
        for (int back = 4; back >= 2; back--) {
            assertEquals("invalid-input", Json.MAPPER.readTree(records.get(records.size() - back)).path("error").asText(),
                    "invalid UTF-8 / lone surrogate line: " + records.get(records.size() - back));
        }
        assertTrue(Json.MAPPER.readTree(records.get(records.size() - 1)).has("decisionId"), "the line after them");
    }

    // ---- Negative-list files ----------------------------------------------------------------------------------

    @Test
    void listFilesOnlyLoadOrFailClosed() throws Exception {
        Random random = new Random(SEED);
        List<SourceFile> seeds = ClasspathFiles.under("lists", ".list.yaml");
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> classics = YamlMutator.classics();
        for (int n = 0; n < YAML_CASES + classics.size(); n++) {
            String yaml = n < classics.size() ? classics.get(n)
                    : YamlMutator.mutate(seeds.get(random.nextInt(seeds.size())).content(), random);
            String label = "list file #" + n + ": " + Mutator.abbreviate(yaml.getBytes(StandardCharsets.UTF_8));
            String o = run(label, () -> {
                try {
                    ListLoader.parseAll(List.of(new SourceFile("lists/fuzz.list.yaml", yaml)));
                    return "loaded";
                } catch (RuleSetException e) {
                    assertFalse(e.problems().isEmpty());
                    for (String p : e.problems()) {
                        assertTrue(p.startsWith("lists/fuzz.list.yaml:"), "problem without file and line: " + p);
                        assertTrue(p.length() <= 5_000, "problem of " + p.length() + " characters");
                    }
                    return "refused";
                }
            });
            outcomes.merge(o, 1, Integer::sum);
            if (n < classics.size()) {
                assertEquals("refused", o, "must be refused: " + label);
            }
            assertFalse(YamlMutator.Canary.instantiated(), "a YAML tag built an object: " + label);
        }
        System.out.println("[HostileInputFuzzTest] seed " + SEED + ", list files: " + outcomes);
        assertTrue(outcomes.getOrDefault("loaded", 0) > 0 && outcomes.getOrDefault("refused", 0) > 0, outcomes.toString());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Mutations of a request's JSON: structure-aware ones on the tree, byte-level ones on the text. */
    static final class Mutator {
        private Mutator() {
        }

        static final String[] HOSTILE_VALUES = {
                "\"123\"", "\"-1\"", "\"1e3\"", "1e400", "-1", "1.5", "1E3", "-0", "0.0",
                "9".repeat(41), "1" + "0".repeat(39), "99999999999999999999", "-99999999999999999999",
                "10000000001", "2147483648", "NaN", "Infinity", "true", "null", "{}", "[]", "\"\"",
                "\"\\ud800\"", "\"\\u0000\"", "\"\\uFFFF\"", "\"DROP TABLE\"", "\"..\\/..\\/etc\\/passwd\"",
                "[".repeat(33) + "]".repeat(33), "{\"a\":".repeat(40) + "1" + "}".repeat(40),
                "[".repeat(50_000) + "]".repeat(50_000), "\"" + "长".repeat(2_000) + "\"",
                "\"" + "x".repeat(1024 * 1024) + "\"",
        };

        static Case mutate(ObjectNode tree, Random random) {
            List<JsonNode> nodes = new ArrayList<>();
            collect(tree, nodes, n -> true);
            List<JsonNode> objects = new ArrayList<>();
            collect(tree, objects, n -> n.isObject() && n.size() > 0);
            String text = tree.toString();
            switch (random.nextInt(15)) {
                case 0, 1, 2 -> {
                    JsonNode target = nodes.get(random.nextInt(nodes.size()));
                    String value = HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
                    boolean numberAsString = target.isNumber() && value.matches("\"-?[0-9e]+\"");
                    // A lone surrogate is not Unicode: it could not be written back out as UTF-8.
                    boolean loneSurrogate = value.contains("\\ud800");
                    return new Case("value " + abbreviate(utf8(value)), utf8(write(tree, target, value, null)),
                            numberAsString || loneSurrogate ? Outcome.REFUSED : null);
                }
                case 3 -> {
                    JsonNode obj = objects.get(random.nextInt(objects.size()));
                    return new Case("duplicate key", utf8(write(tree, null, null, obj)), Outcome.REFUSED);
                }
                case 4 -> {
                    ObjectNode copy = tree.deepCopy();
                    List<JsonNode> objs = new ArrayList<>();
                    collect(copy, objs, JsonNode::isObject);
                    ((ObjectNode) objs.get(random.nextInt(objs.size()))).put(random.nextBoolean() ? "cio" : "x", true);
                    return new Case("unknown field", utf8(copy.toString()), Outcome.REFUSED);
                }
                case 5 -> {
                    ObjectNode copy = tree.deepCopy();
                    List<JsonNode> objs = new ArrayList<>();
                    collect(copy, objs, n -> n.isObject() && n.size() > 0);
                    ObjectNode o = (ObjectNode) objs.get(random.nextInt(objs.size()));
                    Iterator<String> names = o.fieldNames();
                    List<String> keys = new ArrayList<>();
                    names.forEachRemaining(keys::add);
                    o.remove(keys.get(random.nextInt(keys.size())));
                    return new Case("missing field", utf8(copy.toString()), null);
                }
                case 6, 7 -> {
                    byte[] b = utf8(text);
                    int flips = 1 + random.nextInt(4);
                    for (int i = 0; i < flips; i++) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                    return new Case("byte flips", b, null);
                }
                case 8 -> {
                    byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                            {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
                    byte[] b = utf8(text);
                    return new Case("invalid UTF-8", insertBytes(b, random.nextInt(b.length + 1),
                            invalid[random.nextInt(invalid.length)]), Outcome.REFUSED);
                }
                case 9 -> {
                    byte[] b = utf8(text);
                    return new Case("truncated", java.util.Arrays.copyOf(b, random.nextInt(b.length)), Outcome.REFUSED);
                }
                case 10 -> {
                    String[] junk = {"{", "}", "[", "]", ",", ":", "\"", "\\", "/*x*/", "'", "\u0000", "\uFEFF", " ",
                            "true", "-", "e", "\n"};
                    StringBuilder sb = new StringBuilder(text);
                    int n = 1 + random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        sb.insert(random.nextInt(sb.length() + 1), junk[random.nextInt(junk.length)]);
                    }
                    return new Case("junk", utf8(sb.toString()), null);
                }
                case 11 -> {
                    int bytes = utf8(text).length;
                    int pad = Limits.MAX_REQUEST_BYTES - bytes + random.nextInt(2);
                    boolean over = bytes + pad > Limits.MAX_REQUEST_BYTES;
                    return new Case(over ? "4 MiB + 1" : "exactly 4 MiB", utf8(text + " ".repeat(pad)),
                            over ? Outcome.REFUSED : Outcome.DECIDED);
                }
                case 12 -> {
                    String prefix = random.nextBoolean() ? "\uFEFF" : "\u0000";
                    return new Case("prefix U+" + Integer.toHexString(prefix.charAt(0)), utf8(prefix + text), null);
                }
                case 13 -> {
                    return new Case("random bytes", randomBytes(random, random.nextInt(2_000)), Outcome.REFUSED);
                }
                default -> {
                    String[] tokens = {"{", "}", "[", "]", ",", ":", "\"requestId\"", "\"processor\"", "\"dataItems\"",
                            "\"id\"", "\"a\"", "1", "-1", "1e99", "true", "null", "\"NONE\"", "\"ftz\"", "\"ciio\""};
                    StringBuilder sb = new StringBuilder();
                    int n = random.nextInt(200);
                    for (int i = 0; i < n; i++) {
                        sb.append(tokens[random.nextInt(tokens.length)]);
                    }
                    return new Case("token soup", utf8(sb.toString()), null);
                }
            }
        }

        static void collect(JsonNode node, List<JsonNode> out, java.util.function.Predicate<JsonNode> which) {
            if (which.test(node)) {
                out.add(node);
            }
            node.elements().forEachRemaining(child -> collect(child, out, which));
        }

        /**
         * Writes the tree as JSON, with {@code target} (by identity) replaced by the raw text {@code value}, and the
         * first member of {@code duplicate} written twice.
         */
        static String write(JsonNode node, JsonNode target, String value, JsonNode duplicate) {
            StringBuilder sb = new StringBuilder();
            write(node, target, value, duplicate, sb);
            return sb.toString();
        }

        private static void write(JsonNode node, JsonNode target, String value, JsonNode duplicate, StringBuilder sb) {
            if (node == target) {
                sb.append(value);
            } else if (node.isObject()) {
                sb.append('{');
                boolean first = true;
                var fields = node.fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    int times = node == duplicate && first ? 2 : 1;
                    for (int t = 0; t < times; t++) {
                        if (!first || t > 0) {
                            sb.append(',');
                        }
                        sb.append(Json.MAPPER.getNodeFactory().textNode(f.getKey())).append(':');
                        write(f.getValue(), target, value, duplicate, sb);
                    }
                    first = false;
                }
                sb.append('}');
            } else if (node.isArray()) {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), target, value, duplicate, sb);
                }
                sb.append(']');
            } else {
                sb.append(node);
            }
        }

        static byte[] insertBytes(byte[] b, int at, byte[] insert) {
            byte[] out = new byte[b.length + insert.length];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(b, at, out, at + insert.length, b.length - at);
            return out;
        }

        static byte[] randomBytes(Random random, int n) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            return b;
        }

        static String abbreviate(byte[] b) {
            String s = new String(b, 0, Math.min(b.length, 300), StandardCharsets.UTF_8);
            return b.length > 300 ? s + "… (" + b.length + " bytes)" : s;
        }
    }
}
