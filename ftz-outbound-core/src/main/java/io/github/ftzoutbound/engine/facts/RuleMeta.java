package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.rule.Rule;

/** Reads the metadata the legal reading puts on rules ({@code @row}, {@code @reason}). */
public final class RuleMeta {
    private RuleMeta() {
    }

    public static int row(Rule rule) {
        Object row = rule.getMetaData().get("row");
        if (row == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" proposes a pathway but has no @row");
        }
        return row instanceof Number n ? n.intValue() : Integer.parseInt(row.toString().trim());
    }

    /** The pathway a proposing rule gives ({@code @outcome}). */
    public static io.github.ftzoutbound.model.Pathway outcome(Rule rule) {
        Object o = rule.getMetaData().get("outcome");
        if (o == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" proposes a pathway but has no @outcome");
        }
        return io.github.ftzoutbound.model.Pathway.valueOf(o.toString().trim());
    }

    /** A text metadata value, or null. */
    public static String text(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        return v == null ? null : v.toString();
    }

    public static String reason(Rule rule) {
        Object reason = rule.getMetaData().get("reason");
        return reason == null ? null : reason.toString();
    }
}
