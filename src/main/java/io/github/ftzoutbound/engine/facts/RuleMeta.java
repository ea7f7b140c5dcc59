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

    public static String reason(Rule rule) {
        Object reason = rule.getMetaData().get("reason");
        return reason == null ? null : reason.toString();
    }
}
