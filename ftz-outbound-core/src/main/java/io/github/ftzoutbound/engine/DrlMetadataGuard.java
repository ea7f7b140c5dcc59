package io.github.ftzoutbound.engine;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses rule metadata that is not a plain literal, before any DRL is compiled (docs/security.md, "Rule sets").
 *
 * <p>Drools evaluates every annotation value ({@code @explain(…)}, {@code @article(…)}) as an MVEL expression
 * while it compiles a rule, so {@code @explain(java.lang.Runtime.getRuntime().exec("…"))} would run a command on
 * {@code validate-rules} alone, before any review of the rule's consequence. This guard parses the DRL (parsing
 * evaluates nothing) and accepts only what the project's metadata needs: one double-quoted string literal or a
 * whole number per annotation value. Anything else is an error naming the file, the line of the rule (or declared
 * type) that carries the annotation, the rule and the annotation, and nothing is compiled. The line is the rule's,
 * not the annotation's own: Drools 10's parser gives an annotation no line ({@code AnnotationDescr.getLine()} is
 * -1), so the rule's line is the nearest the guard can name.
 *
 * <p>It also refuses a rule whose consequence adds an obligation or a warning ({@code outcome.obligation},
 * {@code outcome.warning}, {@code outcome.categoryWarning}, {@code outcome.obligationFor}, {@code outcome.warningFor}) without its words in both languages: {@code @message}
 * and {@code @messageZh}, naming the same {@code {placeholders}} (issue 16: a Chinese legal team reads every
 * message without English). A list's own duty ({@code outcome.listDuty}) carries the list's wording instead.
 *
 * <p>And it refuses a rule that does not state its phase ({@link Phase}): exactly one of the phase saliences
 * ({@code salience 400 // phase: propose}) and no agenda, ruleflow or activation group and no auto-focus. A rule
 * without a salience would fire at salience 0, after the request's conclusion; a rule in a group would never fire,
 * since nothing gives a group the focus. Either way the rule would silently not take part in the decision.
 *
 * <p>And it refuses a rule in an FTZ's package ({@code rules.jiangsu}, {@code rules.zhejiang}) whose conditions do
 * not confine it to that FTZ: a top-level pattern with {@code regime == Regime.JIANGSU_FTZ} or
 * {@code ftz == Ftz.JIANGSU} (Zhejiang alike). Each FTZ's rule base leaves the other FTZ's package out
 * ({@link RuleSet#packagesLeftOut}); that changes no decision only while such a rule can fire for its own FTZ's
 * processors alone. A national rule written in an FTZ's package would otherwise silently stop applying to the other
 * FTZ's and to non-FTZ processors.
 */
public final class DrlMetadataGuard {
    /** A single Java/MVEL string literal: quotes, no quote inside unless escaped, nothing around it. */
    static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\[btnfr\"'\\\\]|\\\\u[0-9a-fA-F]{4})*\"");
    static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

    private DrlMetadataGuard() {
    }

    /** The problems of these DRL files' metadata, as {@code file:line: message}; empty when all are literals. */
    public static List<String> problems(List<SourceFile> drl) {
        List<String> problems = new ArrayList<>();
        for (SourceFile f : drl) {
            PackageDescr pkg;
            DrlParser parser = new DrlParser();
            try {
                pkg = parser.parse(false, f.content());
            } catch (DroolsParserException | RuntimeException e) {
                problems.add(f.path() + ":0: cannot be parsed: " + e.getMessage());
                continue;
            }
            if (pkg == null || parser.getErrors() != null && !parser.getErrors().isEmpty()) {
                continue; // syntax errors: the compiler reports them with their lines, and nothing is built
            }
            for (RuleDescr rule : pkg.getRules()) {
                check(f, rule.getLine(), "rule \"" + rule.getName() + "\"", rule.getAnnotations(), problems);
                checkMessages(f, rule, problems);
                checkPhase(f, rule, problems);
                checkFtzPackage(f, pkg.getName(), rule, problems);
            }
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                check(f, type.getLine(), "declare " + type.getTypeName(), type.getAnnotations(), problems);
            }
        }
        return problems;
    }

    private static void check(SourceFile f, int line, String where, java.util.Collection<AnnotationDescr> annotations,
                              List<String> problems) {
        for (AnnotationDescr a : annotations) {
            for (Map.Entry<String, Object> e : a.getValueMap().entrySet()) {
                if (!literal(e.getValue())) {
                    String shown = String.valueOf(e.getValue()).replaceAll("\\s+", " ");
                    // Drools 10's parser gives annotations no line (-1): this is the rule's (or type's) line,
                    // and would become the annotation's own if a later parser gave one.
                    problems.add(f.path() + ":" + Math.max(a.getLine(), line) + ": " + where + ": @" + a.getName()
                            + " must be a quoted string or a whole number, not " + (shown.length() > 60
                            ? shown.substring(0, 60) + "…" : shown) + " (Drools would evaluate it as code while "
                            + "compiling)");
                }
            }
        }
    }

    /** Consequence calls that add a finding whose words are the rule's own metadata. */
    static final Pattern ADDS_FINDING = Pattern.compile(
            "\\b(?:Finding|outcome)\\s*\\.\\s*(obligation|warning|categoryWarning|obligationFor|warningFor)\\s*\\(");

    private static void checkMessages(SourceFile f, RuleDescr rule, List<String> problems) {
        Object consequence = rule.getConsequence();
        if (consequence == null || !ADDS_FINDING.matcher(consequence.toString()).find()) {
            return;
        }
        String where = f.path() + ":" + rule.getLine() + ": rule \"" + rule.getName() + "\"";
        String en = text(rule, "message");
        String zh = text(rule, "messageZh");
        if (en == null || zh == null) {
            problems.add(where + " adds an obligation or warning but has no " + (en == null ? "@message" : "@messageZh")
                    + " (every message is written in English and Chinese beside the rule)");
            return;
        }
        // Word order differs between the languages, so the sets are compared, not the order.
        if (!new java.util.TreeSet<>(Explanations.placeholders(en))
                .equals(new java.util.TreeSet<>(Explanations.placeholders(zh)))) {
            problems.add(where + ": @message names " + Explanations.placeholders(en) + " but @messageZh names "
                    + Explanations.placeholders(zh) + " (both languages must say the same)");
        }
    }

    /** Attributes that would take a rule out of the phase order (groups nothing focuses, a focus of its own). */
    private static final List<String> NOT_A_PHASE = List.of("ruleflow-group", "agenda-group", "activation-group",
            "auto-focus");

    private static void checkPhase(SourceFile f, RuleDescr rule, List<String> problems) {
        String where = f.path() + ":" + rule.getLine() + ": rule \"" + rule.getName() + "\"";
        for (String attribute : NOT_A_PHASE) {
            if (rule.getAttributes().containsKey(attribute)) {
                problems.add(where + " uses " + attribute + ": phases are saliences (" + Phase.table()
                        + "); state the phase as salience, e.g. salience " + Phase.PROPOSE.salience()
                        + " // phase: propose (docs/rule-authoring.md, Phases)");
            }
        }
        org.drools.drl.ast.descr.AttributeDescr salience = rule.getAttributes().get("salience");
        String value = salience == null ? null : salience.getValue();
        Integer number = null;
        if (value != null && NUMBER.matcher(value.strip()).matches()) {
            number = Integer.valueOf(value.strip());
        }
        if (number == null || Phase.ofSalience(number).isEmpty()) {
            problems.add(where + (value == null ? " states no phase" : " has salience " + value.strip()
                    + ", which is not a phase") + ": " + Phase.howToState());
        }
    }

    private static void checkFtzPackage(SourceFile f, String pkg, RuleDescr rule, List<String> problems) {
        String ftz = RuleSet.JIANGSU_PACKAGE.equals(pkg) ? "JIANGSU" : RuleSet.ZHEJIANG_PACKAGE.equals(pkg)
                ? "ZHEJIANG" : null;
        if (ftz == null) {
            return;
        }
        java.util.Set<String> confining = java.util.Set.of("regime==Regime." + ftz + "_FTZ", "ftz==Ftz." + ftz);
        // Only patterns of the rule's top-level conjunction count: under not/or/exists the same words would not
        // confine the rule to the FTZ.
        if (rule.getLhs() != null) {
            for (org.drools.drl.ast.descr.BaseDescr d : rule.getLhs().getDescrs()) {
                if (d instanceof org.drools.drl.ast.descr.PatternDescr pattern) {
                    for (org.drools.drl.ast.descr.BaseDescr c : pattern.getDescrs()) {
                        if (c instanceof org.drools.drl.ast.descr.ExprConstraintDescr e && e.getExpression() != null
                                && confining.contains(e.getExpression().replaceAll("\\s+", ""))) {
                            return;
                        }
                    }
                }
            }
        }
        problems.add(f.path() + ":" + rule.getLine() + ": rule \"" + rule.getName() + "\" is in package " + pkg
                + " but its conditions do not confine it to " + ftz + " processors: add a pattern such as ExportCase( "
                + "regime == Regime." + ftz + "_FTZ ) or ExportCase( ftz == Ftz." + ftz + " ), or move the rule to a "
                + "package of its own (each FTZ's rule base leaves the other FTZ's package out; docs/rule-authoring.md, "
                + "Rule bases per FTZ)");
    }

    /** The unquoted text of a metadata value, or null when the rule does not carry it or it is not a string. */
    private static String text(RuleDescr rule, String key) {
        AnnotationDescr a = rule.getAnnotation(key);
        if (a == null || !(a.getValue() instanceof String v) || !STRING.matcher(v.strip()).matches()) {
            return null;
        }
        String t = v.strip();
        return t.substring(1, t.length() - 1);
    }

    static boolean literal(Object value) {
        if (!(value instanceof String s)) {
            return false;
        }
        String t = s.strip();
        return STRING.matcher(t).matches() || NUMBER.matcher(t).matches();
    }
}
