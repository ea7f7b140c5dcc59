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
    private final DutyFact duty;

    private Finding(Kind kind, String code, ExportItem item, Rule rule, String message, NegativeListFact list) {
        this(kind, code, item, rule, message, list, null);
    }

    private Finding(Kind kind, String code, ExportItem item, Rule rule, String message, NegativeListFact list,
                    DutyFact duty) {
        this.kind = kind;
        this.code = code;
        this.item = item;
        this.rule = rule;
        this.message = message;
        this.list = list;
        this.duty = duty;
    }

    /** A duty the list imposes of its own: the obligation cites the list's wording of it. */
    public static Finding listDuty(ExportItem item, Rule rule, DutyFact duty) {
        return new Finding(Kind.OBLIGATION, duty.getCode(), item, rule, duty.getMessage(), duty.getList(), duty);
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
    /** The list duty this obligation carries, or null. */
    public DutyFact getDuty() { return duty; }
}
