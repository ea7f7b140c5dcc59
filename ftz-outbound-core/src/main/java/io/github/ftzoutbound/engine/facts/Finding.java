package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import org.kie.api.definition.rule.Rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An obligation or warning a rule adds to the decision. The clause is the inserting rule's metadata, and so are
 * its words: {@code @message} and {@code @messageZh}, written beside the law in DRL, with {@code {name}}
 * placeholders filled when the decision is assembled (the item's figures, or the {@code args} the consequence
 * hands over, such as a list id or a date). A consequence carries values, never text, so the English and Chinese
 * wording cannot drift apart in code. Findings of one code are merged into one obligation or warning, their
 * items, clauses and messages united.
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class Finding {
    public enum Kind { OBLIGATION, WARNING }

    private final Kind kind;
    private final String code;
    private final ExportItem item;
    private final Rule rule;
    private final Map<String, Object> args;
    private final NegativeListFact list;
    private final String clauseInstrument;
    private final Integer clauseCategory;
    private final DutyFact duty;

    private Finding(Kind kind, String code, ExportItem item, Rule rule, Map<String, ?> args, NegativeListFact list,
                    String clauseInstrument, Integer clauseCategory, DutyFact duty) {
        this.kind = kind;
        this.code = code;
        this.item = item;
        this.rule = rule;
        // LinkedHashMap, not Map.copyOf: a value may be null (shown as the placeholder itself), never a failure.
        this.args = args == null || args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
        this.list = list;
        this.clauseInstrument = clauseInstrument;
        this.clauseCategory = clauseCategory;
        this.duty = duty;
    }

    /** A duty the list imposes of its own: the obligation cites the list's wording of it, in both languages. */
    public static Finding listDuty(ExportItem item, Rule rule, DutyFact duty) {
        return new Finding(Kind.OBLIGATION, duty.getCode(), item, rule, null, duty.getList(), null, null, duty);
    }

    /**
     * A warning that also cites a category row of the FTZ classification reference rules (JS-RULES / ZJ-RULES
     * category N): which row depends on the item, so it cannot be the rule's own metadata. The row must be in
     * the citation catalog, or the evaluation fails.
     */
    public static Finding categoryWarning(String code, ExportItem item, Rule rule, String instrument, int category) {
        return new Finding(Kind.WARNING, code, item, rule, null, null, instrument, category, null);
    }

    public static Finding obligation(String code, ExportItem item, Rule rule) {
        return obligation(code, item, rule, null);
    }

    /** An obligation whose message names values only the consequence knows ({@code args}, by placeholder name). */
    public static Finding obligation(String code, ExportItem item, Rule rule, Map<String, ?> args) {
        return new Finding(Kind.OBLIGATION, code, item, rule, args, null, null, null, null);
    }

    public static Finding warning(String code, ExportItem item, Rule rule) {
        return warning(code, item, rule, null);
    }

    /** A warning whose message names values only the consequence knows ({@code args}, by placeholder name). */
    public static Finding warning(String code, ExportItem item, Rule rule, Map<String, ?> args) {
        return new Finding(Kind.WARNING, code, item, rule, args, null, null, null, null);
    }

    public Kind getKind() { return kind; }
    public String getCode() { return code; }
    /** The item concerned, or null for a request-wide finding. */
    public ExportItem getItem() { return item; }
    public Rule getRule() { return rule; }
    /** Values for the placeholders of the rule's {@code @message} / {@code @messageZh}, by name. */
    public Map<String, Object> getArgs() { return args; }
    public NegativeListFact getList() { return list; }
    /** The instrument of a category row this finding cites besides its rule's clause, or null. */
    public String getClauseInstrument() { return clauseInstrument; }
    /** The category row this finding cites besides its rule's clause, or null. */
    public Integer getClauseCategory() { return clauseCategory; }
    /** The list duty this obligation carries, or null. */
    public DutyFact getDuty() { return duty; }
}
