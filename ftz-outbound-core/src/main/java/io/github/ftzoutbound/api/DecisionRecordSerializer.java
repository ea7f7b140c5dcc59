package io.github.ftzoutbound.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link DecisionRecord} field by field, byte for byte what Jackson's bean serialization of the annotated
 * records wrote before (issue 14, "Full record path"): the same key order ({@code @JsonPropertyOrder}), the same
 * omissions ({@code @JsonInclude}: NON_NULL on the record, its items, conditions, codes and citations; NON_EMPTY on
 * rules and a trace entry's citations; none on a trace entry's rule and items or a notChosen reference), the
 * clauses table in key order as {@code ORDER_MAP_ENTRIES_BY_KEYS} sorts it, and the generator's pretty printer
 * when one is set. Records are audited and replayed, so any difference would be a different record: the
 * byte-identical tests compare this writer with the bean serializer over generated requests and every scenario.
 *
 * <p>Why by hand: a full 10-item record holds some 300 small objects, and the bean serializer reaches each
 * property through reflection and an inclusion check; that was about a third of writing the record. The embedded
 * request, the ledger snapshot and the dates are left to the mapper (their own annotations and the JavaTime
 * module), so their form stays defined in one place.
 */
final class DecisionRecordSerializer extends StdSerializer<DecisionRecord> {
    DecisionRecordSerializer() {
        super(DecisionRecord.class);
    }

    @Override
    public void serialize(DecisionRecord r, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(r);
        if (r.recordFormat() != null) {
            gen.writeNumberField("recordFormat", r.recordFormat());
        }
        if (r.detail() != null) {
            gen.writeStringField("detail", r.detail().code());
        }
        stringField(gen, "requestId", r.requestId());
        stringField(gen, "decisionId", r.decisionId());
        if (r.evaluatedAt() != null) {
            provider.defaultSerializeField("evaluatedAt", r.evaluatedAt(), gen);
        }
        if (r.evaluationDate() != null) {
            provider.defaultSerializeField("evaluationDate", r.evaluationDate(), gen);
        }
        stringField(gen, "requestDigest", r.requestDigest());
        if (r.regime() != null) {
            gen.writeStringField("regime", r.regime().name());
        }
        if (r.pathway() != null) {
            gen.writeStringField("pathway", r.pathway().name());
        }
        if (r.items() != null) {
            gen.writeArrayFieldStart("items");
            for (DecisionRecord.Item i : r.items()) {
                item(gen, i);
            }
            gen.writeEndArray();
        }
        if (r.citations() != null) {
            strings(gen, "citations", r.citations());
        }
        coded(gen, "obligations", r.obligations());
        coded(gen, "warnings", r.warnings());
        if (r.ledger() != null) {
            provider.defaultSerializeField("ledger", r.ledger(), gen);
        }
        if (r.ruleset() != null) {
            ruleset(gen, r.ruleset());
        }
        stringField(gen, "engineVersion", r.engineVersion());
        if (r.trace() != null) {
            gen.writeArrayFieldStart("trace");
            for (DecisionRecord.Trace t : r.trace()) {
                trace(gen, t);
            }
            gen.writeEndArray();
        }
        if (r.rules() != null) {
            gen.writeArrayFieldStart("rules");
            for (DecisionRecord.Rule rule : r.rules()) {
                rule(gen, rule);
            }
            gen.writeEndArray();
        }
        if (r.conditions() != null) {
            gen.writeArrayFieldStart("conditions");
            for (DecisionRecord.Condition c : r.conditions()) {
                condition(gen, c);
            }
            gen.writeEndArray();
        }
        if (r.clauses() != null) {
            clauses(gen, r.clauses());
        }
        if (r.request() != null) {
            provider.defaultSerializeField("request", r.request(), gen);
        }
        gen.writeEndObject();
    }

    private static void item(JsonGenerator gen, DecisionRecord.Item i) throws IOException {
        if (i == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        stringField(gen, "itemId", i.itemId());
        if (i.pathway() != null) {
            gen.writeStringField("pathway", i.pathway().name());
        }
        stringField(gen, "route", i.route());
        stringField(gen, "reason", i.reason());
        if (i.row() != null) {
            gen.writeNumberField("row", i.row());
        }
        if (i.citations() != null) {
            strings(gen, "citations", i.citations());
        }
        stringField(gen, "explanation", i.explanation());
        stringField(gen, "explanationZh", i.explanationZh());
        if (i.notChosen() != null) {
            gen.writeArrayFieldStart("notChosen");
            for (DecisionRecord.NotChosenRefs nc : i.notChosen()) {
                notChosen(gen, nc);
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    /** NotChosenRefs has no inclusion rule: both members are written, null or not. */
    private static void notChosen(JsonGenerator gen, DecisionRecord.NotChosenRefs nc) throws IOException {
        if (nc == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        gen.writeFieldName("pathway");
        if (nc.pathway() == null) {
            gen.writeNull();
        } else {
            gen.writeString(nc.pathway().name());
        }
        gen.writeFieldName("conditions");
        integers(gen, nc.conditions());
        gen.writeEndObject();
    }

    private static void condition(JsonGenerator gen, DecisionRecord.Condition c) throws IOException {
        if (c == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        stringField(gen, "condition", c.condition());
        stringField(gen, "conditionZh", c.conditionZh());
        if (c.citations() != null) {
            strings(gen, "citations", c.citations());
        }
        gen.writeEndObject();
    }

    private static void coded(JsonGenerator gen, String name, List<DecisionRecord.Coded> list) throws IOException {
        if (list == null) {
            return;
        }
        gen.writeArrayFieldStart(name);
        for (DecisionRecord.Coded c : list) {
            if (c == null) {
                gen.writeNull();
                continue;
            }
            gen.writeStartObject();
            stringField(gen, "code", c.code());
            if (c.itemIds() != null) {
                strings(gen, "itemIds", c.itemIds());
            }
            if (c.citations() != null) {
                strings(gen, "citations", c.citations());
            }
            stringField(gen, "message", c.message());
            stringField(gen, "messageZh", c.messageZh());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    /** RulesetInfo: version and digest always (no inclusion rule), files only when there are some. */
    private static void ruleset(JsonGenerator gen, RulesetInfo info) throws IOException {
        gen.writeObjectFieldStart("ruleset");
        nullableStringField(gen, "version", info.version());
        nullableStringField(gen, "digest", info.digest());
        if (info.files() != null && !info.files().isEmpty()) {
            strings(gen, "files", info.files());
        }
        gen.writeEndObject();
    }

    /** A trace entry: rule and itemIds always (no inclusion rule), citations only when there are some. */
    private static void trace(JsonGenerator gen, DecisionRecord.Trace t) throws IOException {
        if (t == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        gen.writeFieldName("rule");
        if (t.rule() == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(t.rule());
        }
        gen.writeFieldName("itemIds");
        stringArray(gen, t.itemIds());
        if (!isEmpty(t.citations())) {
            strings(gen, "citations", t.citations());
        }
        gen.writeEndObject();
    }

    /** A rule is NON_EMPTY: an empty string or list is left out like null. */
    private static void rule(JsonGenerator gen, DecisionRecord.Rule rule) throws IOException {
        if (rule == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        if (rule.name() != null && !rule.name().isEmpty()) {
            gen.writeStringField("name", rule.name());
        }
        if (rule.source() != null && !rule.source().isEmpty()) {
            gen.writeStringField("source", rule.source());
        }
        if (!isEmpty(rule.citations())) {
            strings(gen, "citations", rule.citations());
        }
        gen.writeEndObject();
    }

    /** The clauses table in key order (the mapper's ORDER_MAP_ENTRIES_BY_KEYS), each clause NON_NULL. */
    private static void clauses(JsonGenerator gen, Map<String, Citation> clauses) throws IOException {
        gen.writeObjectFieldStart("clauses");
        Map<String, Citation> sorted = clauses instanceof java.util.SortedMap<String, Citation> s
                && s.comparator() == null ? s : new TreeMap<>(clauses);
        for (Map.Entry<String, Citation> e : sorted.entrySet()) {
            gen.writeFieldName(e.getKey());
            citation(gen, e.getValue());
        }
        gen.writeEndObject();
    }

    static void citation(JsonGenerator gen, Citation c) throws IOException {
        if (c == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        gen.writeStringField("instrument", c.instrument());
        intField(gen, "article", c.article());
        intField(gen, "paragraph", c.paragraph());
        intField(gen, "item", c.item());
        intField(gen, "subItem", c.subItem());
        intField(gen, "rule", c.rule());
        intField(gen, "category", c.category());
        stringField(gen, "listId", c.listId());
        stringField(gen, "entryId", c.entryId());
        stringField(gen, "label", c.label());
        stringField(gen, "text", c.text());
        gen.writeEndObject();
    }

    private static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }

    private static void stringField(JsonGenerator gen, String name, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(name, value);
        }
    }

    private static void nullableStringField(JsonGenerator gen, String name, String value) throws IOException {
        gen.writeFieldName(name);
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(value);
        }
    }

    private static void intField(JsonGenerator gen, String name, Integer value) throws IOException {
        if (value != null) {
            gen.writeNumberField(name, value.intValue());
        }
    }

    private static void strings(JsonGenerator gen, String name, List<String> values) throws IOException {
        gen.writeFieldName(name);
        stringArray(gen, values);
    }

    private static void stringArray(JsonGenerator gen, List<String> values) throws IOException {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray(values, values.size());
        for (int n = 0; n < values.size(); n++) {
            String v = values.get(n);
            if (v == null) {
                gen.writeNull();
            } else {
                gen.writeString(v);
            }
        }
        gen.writeEndArray();
    }

    private static void integers(JsonGenerator gen, List<Integer> values) throws IOException {
        if (values == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartArray(values, values.size());
        for (int n = 0; n < values.size(); n++) {
            Integer v = values.get(n);
            if (v == null) {
                gen.writeNull();
            } else {
                gen.writeNumber(v.intValue());
            }
        }
        gen.writeEndArray();
    }
}
