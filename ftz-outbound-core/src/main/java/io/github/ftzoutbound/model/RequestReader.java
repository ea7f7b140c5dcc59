package io.github.ftzoutbound.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the contract's request JSON strictly. Every problem is collected with its JSON path, so a caller
 * fixes a request in one round: an unknown field (a misspelt {@code "cio": true} must not silently mean
 * "not a CIIO"), a wrong type, an unknown enum value, a missing required field, a duplicate key. Then the
 * {@link RequestValidator} checks run on what could be read.
 */
public final class RequestReader {
    private static final ObjectMapper MAPPER = strictMapper();

    private RequestReader() {
    }

    /** An ObjectMapper that refuses duplicate keys, trailing tokens, and deep or huge documents. */
    public static ObjectMapper strictMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Limits.MAX_NESTING)
                        .maxNumberLength(40)
                        .maxStringLength(Limits.MAX_REQUEST_BYTES)
                        .build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        return mapper;
    }

    public static ExportRequest read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    public static ExportRequest read(byte[] json) {
        if (json.length > Limits.MAX_REQUEST_BYTES) {
            throw new InvalidRequestException(List.of(Problem.of("$", "request.tooLarge", json.length,
                    Limits.MAX_REQUEST_BYTES)));
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(List.of(Problem.of("$", "request.notUtf8")));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(Problem.of("$", "request.malformedJson", e.getOriginalMessage()
                    + location(e))));
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(Problem.of("$", "request.unreadable", e.getMessage())));
        }
        return read(root);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** Reads an already parsed tree (used by batch input, where each line is parsed apart). */
    public static ExportRequest read(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(List.of(Problem.of("$", "request.notObject")));
        }
        // A JSON escape such as "\ud800" can carry a lone UTF-16 surrogate, which no UTF-8 output can encode:
        // echoed in a decision or an error record it would break the writer. Such text is not valid Unicode.
        unpairedSurrogates(root, "$", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Obj o = new Obj((ObjectNode) root, "$", problems);
        String requestId = o.string("requestId", true);
        LocalDate date = o.date("evaluationDate");
        Processor processor = o.object("processor", true, RequestReader::processor);
        String scenario = o.string("scenario", false);
        Basis basis = o.enumValue("basis", Basis.class, false);
        String treaty = o.string("treaty", false);
        Recipient recipient = o.object("recipient", false, r -> also(new Recipient(r.string("name", false),
                r.string("country", false)), r));
        PersonCounts totals = o.object("personalInformationTotals", false, RequestReader::counts);
        List<DataItem> items = o.array("dataItems", true, true, RequestReader::item);
        o.finish();

        ExportRequest request = new ExportRequest(requestId, date, processor, scenario, basis, treaty, recipient,
                totals, items == null ? List.of() : items.stream().filter(i -> i != null).toList());
        if (requestId == null && !problems.isEmpty()) {
            request = new ExportRequest("?", date, processor, scenario, basis, treaty, recipient, totals,
                    request.dataItems());
        }
        // Semantic checks on what could be read; a path that already has a structural problem is not
        // reported twice.
        Set<String> reported = new HashSet<>();
        problems.forEach(p -> reported.add(p.path()));
        for (Problem p : RequestValidator.problems(request)) {
            if (!reported.contains(p.path()) && !(p.path().equals("$.dataItems") && items == null)) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request;
    }

    private static void unpairedSurrogates(JsonNode node, String path, List<Problem> out) {
        if (out.size() >= 20) {
            return;
        }
        if (node.isTextual()) {
            if (hasUnpairedSurrogate(node.textValue())) {
                out.add(Problem.of(path, "value.unpairedSurrogate"));
            }
        } else if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (hasUnpairedSurrogate(f.getKey())) {
                    out.add(Problem.of(path, "field.unpairedSurrogate"));
                } else {
                    unpairedSurrogates(f.getValue(), path + "." + Obj.abbreviate(f.getKey()), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unpairedSurrogates(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Processor processor(Obj o) {
        String name = o.string("name", false);
        Ftz ftz = o.enumValue("ftz", Ftz.class, true);
        Zone zone = o.enumValue("zone", Zone.class, false);
        Boolean ciio = o.bool("ciio", true);
        String sector = o.string("sector", false);
        Holdings holdings = o.object("holdings", false, h -> also(new Holdings(h.count("individuals"),
                h.count("sensitiveIndividuals"), h.count("sensitiveAccountOrMedicalIndividuals")), h));
        PersonCounts exported = o.object("exportedThisYear", false, RequestReader::counts);
        // Checked by RequestValidator (18 characters, GB 32100-2015 check character) at $.processor.creditCode.
        String creditCode = o.string("creditCode", false);
        o.finish();
        // An unreadable ftz is reported already; NONE stands in so the other checks can still run.
        return new Processor(name, ftz == null ? (zone == null ? Ftz.NONE : zone.ftz()) : ftz, zone,
                Boolean.TRUE.equals(ciio), sector, holdings, exported, creditCode);
    }

    private static PersonCounts counts(Obj o) {
        PersonCounts c = new PersonCounts(o.count("individuals"), o.count("sensitiveIndividuals"));
        o.finish();
        return c;
    }

    private static DataItem item(Obj o) {
        String id = o.string("id", true);
        String name = o.string("name", false);
        Integer category = o.integer("category");
        List<String> fields = o.array("fields", false, false, Obj::asString);
        PersonCounts pi = o.object("personalInformation", false, RequestReader::counts);
        ImportantDataStatus status = o.enumValue("importantData", ImportantDataStatus.class, false);
        List<ImportantDataIndicator> indicators = o.array("importantDataIndicators", false, false,
                e -> e.asEnum(ImportantDataIndicator.class));
        boolean core = Boolean.TRUE.equals(o.bool("nationalCoreData", false));
        boolean secret = Boolean.TRUE.equals(o.bool("stateSecret", false));
        boolean controlled = Boolean.TRUE.equals(o.bool("exportControlled", false));
        boolean restricted = Boolean.TRUE.equals(o.bool("restrictedTechnology", false));
        List<String> listRows = o.array("listRows", false, false, Obj::asString);
        Map<String, Boolean> conditions = o.booleans("conditions");
        Basis basis = o.enumValue("basis", Basis.class, false);
        o.finish();
        return new DataItem(id == null ? "" : id, name, category,
                fields == null ? null : fields.stream().filter(f -> f != null).toList(), pi, status,
                indicators == null ? null : new ArrayList<>(new LinkedHashSet<>(
                        indicators.stream().filter(i -> i != null).toList())),
                core, secret, controlled, restricted, basis,
                listRows == null ? null : listRows.stream().filter(r -> r != null).toList(), conditions);
    }

    /** A cursor over one JSON object that remembers which keys were read, to report the rest as unknown. */
    static final class Obj {
        private final JsonNode node;
        private final String path;
        private final List<Problem> problems;
        private final Set<String> read = new HashSet<>();

        Obj(JsonNode node, String path, List<Problem> problems) {
            this.node = node;
            this.path = path;
            this.problems = problems;
        }

        private JsonNode get(String key, boolean required) {
            read.add(key);
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add(Problem.of(path + "." + key, "value.required"));
                }
                return null;
            }
            return v;
        }

        String string(String key, boolean required) {
            JsonNode v = get(key, required);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                problems.add(Problem.of(path + "." + key, "value.notString"));
                return null;
            }
            return v.textValue();
        }

        /** An optional object of list-condition answers: each key a code, each value true or false. */
        Map<String, Boolean> booleans(String key) {
            JsonNode v = get(key, false);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                problems.add(Problem.of(path + "." + key, "value.notConditions"));
                return null;
            }
            Map<String, Boolean> out = new java.util.TreeMap<>();
            var it = v.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().isBoolean()) {
                    problems.add(Problem.of(path + "." + key + "." + e.getKey(), "value.notBoolean"));
                } else {
                    out.put(e.getKey(), e.getValue().booleanValue());
                }
            }
            return out;
        }

        Boolean bool(String key, boolean required) {
            JsonNode v = get(key, required);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                problems.add(Problem.of(path + "." + key, "value.notBoolean"));
                return null;
            }
            return v.booleanValue();
        }

        long count(String key) {
            JsonNode v = get(key, false);
            if (v == null) {
                return 0;
            }
            if (!v.isIntegralNumber()) {
                problems.add(Problem.of(path + "." + key, "value.notPersons"));
                return 0;
            }
            if (!v.canConvertToLong() || v.longValue() > Limits.MAX_COUNT) {
                problems.add(Problem.of(path + "." + key, v.bigIntegerValue().signum() < 0
                        ? "count.negative" : "count.tooLarge"));
                return 0;
            }
            return v.longValue();
        }

        Integer integer(String key) {
            JsonNode v = get(key, false);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                problems.add(Problem.of(path + "." + key, "value.notWholeNumber"));
                return null;
            }
            return v.intValue();
        }

        LocalDate date(String key) {
            String s = string(key, false);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problems.add(Problem.of(path + "." + key, "value.notDate"));
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean required) {
            JsonNode v = get(key, required);
            return v == null ? null : new Obj(v, path + "." + key, problems).asEnum(type);
        }

        <E extends Enum<E>> E asEnum(Class<E> type) {
            if (!node.isTextual()) {
                problems.add(Problem.of(path, "enum.notString", Arrays.toString(type.getEnumConstants())));
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(node.textValue())) {
                    return e;
                }
            }
            problems.add(Problem.of(path, "enum.unknown", abbreviate(node.textValue()),
                    Arrays.toString(type.getEnumConstants())));
            return null;
        }

        String asString() {
            if (!node.isTextual()) {
                problems.add(Problem.of(path, "value.notString"));
                return null;
            }
            return node.textValue();
        }

        <T> T object(String key, boolean required, Function<Obj, T> reader) {
            JsonNode v = get(key, required);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                problems.add(Problem.of(path + "." + key, "value.notObject"));
                return null;
            }
            return reader.apply(new Obj(v, path + "." + key, problems));
        }

        <T> List<T> array(String key, boolean required, boolean ofObjects, Function<Obj, T> reader) {
            JsonNode v = get(key, required);
            if (v == null) {
                return null;
            }
            if (!v.isArray()) {
                problems.add(Problem.of(path + "." + key, "value.notArray"));
                return null;
            }
            if (v.size() > Limits.MAX_ITEMS) {
                problems.add(Problem.of(path + "." + key, "array.tooLong", v.size(), Limits.MAX_ITEMS));
                return null;
            }
            List<T> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                Obj element = new Obj(e, path + "." + key + "[" + i + "]", problems);
                if (e.isObject() || !ofObjects) {
                    out.add(reader.apply(element));
                } else {
                    problems.add(Problem.of(element.path, "value.notObject"));
                }
            }
            return out;
        }

        void finish() {
            if (!node.isObject()) {
                return;
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!read.contains(k)) {
                    problems.add(Problem.of(path + "." + abbreviate(k), "field.unknown"));
                }
            });
        }

        private static String abbreviate(String s) {
            return s.length() > 64 ? s.substring(0, 64) + "…" : s;
        }
    }

    // `also` lets a record constructor call report unknown keys of its object in one expression.
    private static <T> T also(T value, Obj o) {
        o.finish();
        return value;
    }
}
