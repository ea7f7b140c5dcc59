package io.github.ftzoutbound.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The phases of an evaluation, in the order of the legal reading, each a salience every rule of the phase states
 * ({@code salience 400 // phase: propose}). One agenda, ordered by salience: a rule of a later phase fires only when
 * no rule of an earlier phase has anything left to fire, so the facts the earlier phases insert (list applicability,
 * list membership, candidates, item rulings) are complete before any later rule reads them. Every rule inserts only
 * facts that its own or a later phase reads (checked by the scenario suites), so an earlier phase is never woken again.
 *
 * <p>Salience replaced the five ruleflow groups of earlier versions (issue 14 step 3): one agenda with no focus stack
 * to push per evaluation. Within one phase rules fire in the order Drools chooses (rule load order), as they did
 * within a group; nothing may depend on it (the trace is sorted).
 */
public enum Phase {
    /** Derived facts: which lists apply, which rows and bands an item reaches. */
    CLASSIFY(500),
    /** Each applicable clause proposes a pathway for an item. */
    PROPOSE(400),
    /** The first applicable row decides each item. */
    RESOLVE(300),
    /** Obligations and warnings that depend on how items were decided. */
    ANNOTATE(200),
    /** The request's pathway. */
    CONCLUDE(100);

    private final int salience;

    Phase(int salience) {
        this.salience = salience;
    }

    /** The salience every rule of this phase states. */
    public int salience() {
        return salience;
    }

    /** The phase's name as a rule's comment and the documentation write it ({@code propose}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The phase whose salience this is. */
    public static Optional<Phase> ofSalience(int salience) {
        for (Phase p : values()) {
            if (p.salience == salience) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The phase of a compiled rule: its salience names one and it is in no agenda or ruleflow group (a rule in a group
     * nothing gives the focus to would never fire). Empty otherwise.
     */
    public static Optional<Phase> of(Rule rule) {
        if (!(rule instanceof RuleImpl impl) || impl.getSalience() == null || impl.getSalience().isDynamic()) {
            return Optional.empty();
        }
        String group = impl.getAgendaGroup();
        if (group != null && !group.isEmpty() && !"MAIN".equals(group)) {
            return Optional.empty();
        }
        String flow = impl.getRuleFlowGroup();
        if (flow != null && !flow.isEmpty()) {
            return Optional.empty();
        }
        return ofSalience(impl.getSalience().getValue());
    }

    /**
     * What a rule without a phase must state, for the DRL guard (with a line) and the compiled-model check (without):
     * one wording, one pointer to the documentation.
     */
    public static String howToState() {
        return "every rule states one phase as its salience (" + table() + "; docs/rule-authoring.md, Phases)";
    }

    /** "classify 500, propose 400, …" for error messages and documentation. */
    public static String table() {
        return Arrays.stream(values()).map(p -> p.label() + " " + p.salience).collect(Collectors.joining(", "));
    }
}
