package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.engine.facts.ExportCase;
import io.github.ftzoutbound.engine.facts.Outcome;
import io.github.ftzoutbound.model.ExportRequest;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * "Drools alone on our rules" (issue 14 step 7): the project's own compiled rule base fired in one reused session
 * with exactly the facts the engine inserts for each request, and the outcome collector as the only global, but no
 * validation, no decision assembly, no JSON. The facts are made once, at set-up, the way
 * {@link DecisionEngine#evaluate} makes them (list rows for the items, the items, the law-in-force facts, the case;
 * no ledger), so an operation is what the engine's {@code run} does: insert, {@code fireAllRules(limit)}, reset.
 * Engine minus this probe is our Java; this probe minus the bare probe is the cost of our rule shapes.
 * In the engine's package only to read the rule set's list facts and its precompiled model; bench sources only.
 */
public final class SameRulesProbe {
    private final KieSession session;
    private final List<List<Object>> facts = new ArrayList<>();
    private final int limit;
    private int next;

    /** Fires the rule set's own rule base of the requests' FTZ (all of one FTZ, as the benchmark's are). */
    public SameRulesProbe(RuleSet ruleSet, ExportRequest[] requests) {
        this(ruleSet, ruleSet.kieBase(requests[0].processor().ftz()), requests);
    }

    /** Fires {@code base} (the rule set's, or a variant of it: {@link #without}) with the rule set's facts. */
    public SameRulesProbe(RuleSet ruleSet, KieBase base, ExportRequest[] requests) {
        int maxItems = 0;
        for (ExportRequest r : requests) {
            // As DecisionEngine.evaluate: only the list rows these items can match, the items, the law in force on
            // the evaluation date, the case (no ledger snapshot: the benchmark's service has no ledger).
            List<io.github.ftzoutbound.engine.facts.ExportItem> items = Requests.exportItems(r);
            List<Object> f = new ArrayList<>(ruleSet.listFactsFor(items));
            f.addAll(items);
            LawInForce law = ruleSet.law();
            f.addAll(law.facts(r.evaluationDate()));
            f.add(new ExportCase(r, null, law.regime(r.processor().ftz(), r.evaluationDate())));
            facts.add(f);
            maxItems = Math.max(maxItems, items.size());
        }
        limit = DecisionEngine.MAX_FIRINGS_BASE + DecisionEngine.MAX_FIRINGS_PER_ITEM * maxItems + 1;
        session = base.newKieSession();
    }

    /** One evaluation of the next request's facts: a fresh collector, insert, fire, reset; returns the firings. */
    public int evaluate() {
        Outcome outcome = new Outcome();
        session.setGlobal(DecisionEngine.OUTCOME, outcome);
        for (Object f : facts.get(next++ % facts.size())) {
            session.insert(f);
        }
        int fired = session.fireAllRules(limit);
        ((StatefulKnowledgeSessionImpl) session).reset();
        return fired;
    }

    /** The rules ("package/name") that fire for at least one of the requests (one pass). */
    public java.util.Set<String> firedRules() {
        java.util.Set<String> fired = new java.util.TreeSet<>();
        for (List<Object> f : facts) {
            Outcome outcome = new Outcome();
            session.setGlobal(DecisionEngine.OUTCOME, outcome);
            f.forEach(session::insert);
            session.fireAllRules(limit);
            ((StatefulKnowledgeSessionImpl) session).reset();
            outcome.firings().forEach(x -> fired.add(x.rule().getPackageName() + "/" + x.rule().getName()));
        }
        return fired;
    }

    /** Mean firings per request over every request (one pass). */
    public double meanFirings() {
        long sum = 0;
        for (int i = 0; i < facts.size(); i++) {
            sum += evaluate();
        }
        return sum / (double) facts.size();
    }

    /** A fresh rule base of every bundled rule: the one base all FTZs shared before issue 14 item 3. */
    public static KieBase freshBundledBase() {
        return bundledBaseWithout(key -> false);
    }

    /** A fresh rule base of the bundled models for {@code ftz}'s processors: the split {@link RuleSet#kieBase} makes. */
    public static KieBase freshBundledBase(io.github.ftzoutbound.model.Ftz ftz) {
        return KieBaseBuilder.createKieBaseFromModel(RuleSet.modelsWithout(RuleSetLoader.precompiledModels(),
                RuleSet.packagesLeftOut(ftz)));
    }

    /**
     * A fresh rule base from the bundled executable model without the rules whose "package/name" matches
     * {@code drop}: the rules are left out of the models before the network is built (removing many rules from a
     * built Drools 10.2 rule base can break its shared segments: an ArrayIndexOutOfBoundsException in
     * SegmentMemorySupportImpl.initializePathMemory at the first insert).
     */
    public static KieBase bundledBaseWithout(Predicate<String> drop) {
        ClassLoader cl = RuleSetLoader.class.getClassLoader();
        String index = RuleSetLoader.MODEL_INDEXES.stream().filter(i -> cl.getResource(i) != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no precompiled executable model on the class path"));
        List<Model> models = new ArrayList<>();
        try (java.io.InputStream in = cl.getResourceAsStream(index)) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                String name = line.strip();
                if (name.isEmpty() || name.contains(":")) {
                    continue; // the Drools-Model-Version header
                }
                Model m = (Model) Class.forName(name, true, cl).getDeclaredConstructor().newInstance();
                List<org.drools.model.Rule> kept = m.getRules().stream()
                        .filter(r -> !drop.test(r.getPackage() + "/" + r.getName())).toList();
                models.add(new Model() {
                    @Override public String getName() { return m.getName(); }
                    @Override public String getPackageName() { return m.getPackageName(); }
                    @Override public List<org.drools.model.Global> getGlobals() { return m.getGlobals(); }
                    @Override public List<org.drools.model.Rule> getRules() { return kept; }
                    @Override public List<org.drools.model.Query> getQueries() { return m.getQueries(); }
                    @Override public List<org.drools.model.TypeMetaData> getTypeMetaDatas() { return m.getTypeMetaDatas(); }
                    @Override public List<org.drools.model.EntryPoint> getEntryPoints() { return m.getEntryPoints(); }
                });
            }
        } catch (java.io.IOException | ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /**
     * A fresh bundled rule base without the rules of the DRL files (as {@link RuleSet#sourceOf} names them) that
     * match {@code drop}: the A/B of one file. {@code removed[0]} is set to the number of rules left out.
     */
    public static KieBase without(RuleSet ruleSet, Predicate<String> drop, int[] removed) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Rule r : ruleSet.rules()) {
            if (drop.test(ruleSet.sourceOf(r))) {
                keys.add(r.getPackageName() + "/" + r.getName());
            }
        }
        removed[0] = keys.size();
        return bundledBaseWithout(keys::contains);
    }
}
