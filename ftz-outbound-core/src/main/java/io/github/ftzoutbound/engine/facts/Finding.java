package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import org.kie.api.definition.rule.Rule;

/**
 * An obligation or warning a rule adds to the decision. The clause is the inserting rule's metadata; findings
 * of one code are merged into one obligation or warning, their items and clauses united.
 */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class Finding {
    public enum Kind { OBLIGATION, WARNING }

    private final Kind kind;
    private final String code;
    private final ExportItem item;
    private final Rule rule;
    private final String message;
    private final NegativeListFact list;
    private final String clauseInstrument;
    private final Integer clauseCategory;
    private final DutyFact duty;

    private Finding(Kind kind, String code, ExportItem item, Rule rule, String message, NegativeListFact list) {
        this(kind, code, item, rule, message, list, null, null, null);
    }

    private Finding(Kind kind, String code, ExportItem item, Rule rule, String message, NegativeListFact list,
                    String clauseInstrument, Integer clauseCategory, DutyFact duty) {
        this.kind = kind;
        this.code = code;
        this.item = item;
        this.rule = rule;
        this.message = message;
        this.list = list;
        this.clauseInstrument = clauseInstrument;
        this.clauseCategory = clauseCategory;
        this.duty = duty;
    }

    /** A duty the list imposes of its own: the obligation cites the list's wording of it. */
    public static Finding listDuty(ExportItem item, Rule rule, DutyFact duty) {
        return new Finding(Kind.OBLIGATION, duty.getCode(), item, rule, duty.getMessage(), duty.getList(), null, null,
                duty);
    }

    /**
     * A warning that also cites a category row of the FTZ classification reference rules (JS-RULES / ZJ-RULES
     * category N): which row depends on the item, so it cannot be the rule's own metadata. The row must be in
     * the citation catalog, or the evaluation fails.
     */
    public static Finding categoryWarning(String code, ExportItem item, Rule rule, String message,
                                          String instrument, int category) {
        return new Finding(Kind.WARNING, code, item, rule, message, null, instrument, category, null);
    }

    public static Finding obligation(String code, ExportItem item, Rule rule, String message) {
        return new Finding(Kind.OBLIGATION, code, item, rule, message, null);
    }

    public static Finding warning(String code, ExportItem item, Rule rule, String message) {
        return new Finding(Kind.WARNING, code, item, rule, message, null);
    }

    /** A warning about a negative list itself (ILLUSTRATIVE_LIST): the list is named in the message. */
    public static Finding listWarning(String code, ExportItem item, Rule rule, String message, NegativeListFact list) {
        return new Finding(Kind.WARNING, code, item, rule, message, list);
    }

    public Kind getKind() { return kind; }
    public String getCode() { return code; }
    /** The item concerned, or null for a request-wide finding. */
    public ExportItem getItem() { return item; }
    public Rule getRule() { return rule; }
    public String getMessage() { return message; }
    public NegativeListFact getList() { return list; }
    /** The instrument of a category row this finding cites besides its rule's clause, or null. */
    public String getClauseInstrument() { return clauseInstrument; }
    /** The category row this finding cites besides its rule's clause, or null. */
    public Integer getClauseCategory() { return clauseCategory; }
    /** The list duty this obligation carries, or null. */
    public DutyFact getDuty() { return duty; }
}
