package io.github.ftzoutbound.bench;

import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

import java.util.ArrayList;
import java.util.List;

/**
 * A bare Drools 10 session with the same counts as one evaluation of the project's engine: as many rules, as many
 * facts inserted and as many firings, built from generated DRL at set-up. Each rule joins the one case fact with a
 * fact of its own kind and records the match to a per-evaluation global (no insert), the shape of the project's
 * rules after issue 14 without their metadata, citations or decision assembly. Same session shape as the engine
 * (issue 14 step 3): rules spread over the five phase saliences, one stateful session reused and reset after each
 * evaluation, the direct API (global, inserts, {@code fireAllRules(limit)}). What the engine costs above this probe
 * is the project's; what this probe costs is Drools'.
 */
public final class BareDroolsProbe {
    /** A fact of one kind; the rules match on the kind. */
    public static final class Thing {
        private final int kind;

        public Thing(int kind) {
            this.kind = kind;
        }

        public int getKind() {
            return kind;
        }
    }

    /** The single case fact every rule joins. */
    public static final class Case {
    }

    private final KieSession session;
    private final List<Object> facts = new ArrayList<>();

    /**
     * {@code rules} rules of which {@code firings} match one fact each (firings &le; rules), over {@code facts}
     * facts (the case and {@code facts - 1} things).
     */
    BareDroolsProbe(int rules, int facts, int firings) {
        if (firings > rules || facts < 2) {
            throw new IllegalArgumentException("needs firings <= rules and at least 2 facts");
        }
        StringBuilder drl = new StringBuilder("package bare\nimport " + Thing.class.getCanonicalName() + ";\nimport "
                + Case.class.getCanonicalName() + ";\nglobal java.util.List sink;\n");
        for (int i = 0; i < rules; i++) {
            // The first `firings` rules each match one thing (several rules may share one); the others ask for a
            // kind no fact has.
            int kind = i < firings ? i % (facts - 1) : -1 - i;
            drl.append("rule \"r").append(i).append("\"\nsalience ").append(100 * (1 + i % 5))
                    .append("\nwhen\n  Case()\n  $t : Thing( kind == ").append(kind)
                    .append(" )\nthen\n  sink.add( $t );\nend\n");
        }
        KieContainer container = new KieHelper().addContent(drl.toString(), ResourceType.DRL).getKieContainer();
        org.kie.api.KieBase base = container.newKieBase(null);
        session = base.newKieSession();
        this.facts.add(new Case());
        for (int i = 0; i < facts - 1; i++) {
            this.facts.add(new Thing(i));
        }
    }

    /** One evaluation: a fresh sink, the facts inserted, every rule fired, the session reset; returns the firings. */
    int evaluate() {
        List<Object> sink = new ArrayList<>();
        session.setGlobal("sink", sink);
        for (Object f : facts) {
            session.insert(f);
        }
        session.fireAllRules(100_000);
        ((org.drools.kiesession.session.StatefulKnowledgeSessionImpl) session).reset();
        return sink.size();
    }
}
