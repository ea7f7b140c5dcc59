package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.RuleSetException;
import io.github.ftzoutbound.api.RulesetInfo;
import io.github.ftzoutbound.engine.facts.ListEntryFact;
import io.github.ftzoutbound.engine.facts.NegativeListFact;
import io.github.ftzoutbound.lists.ListEntry;
import io.github.ftzoutbound.lists.NegativeList;
import io.github.ftzoutbound.lists.ListLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import io.github.ftzoutbound.model.Ftz;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A compiled, checked, immutable rule set: one rule base per FTZ ({@link #kieBase(Ftz)}, built at first use or by
 * {@link #buildAll}), the metadata of every rule, the citation catalog, the loaded negative lists, and the version
 * and digest that decisions carry. Built all or nothing: any compile error, any rule without citation metadata or
 * citing a clause the catalog lacks, throws {@link RuleSetException} and nothing is decided; a rule base that cannot
 * be built decides nothing for its FTZ (a {@link RuleSetException}, never another base).
 */
public final class RuleSet {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSet.class);
    private static final String PREFIX = "src/main/resources/";

    /** The packages an FTZ's rule base leaves out: the other FTZ's measures (docs/architecture.md, "Rule bases"). */
    public static final String JIANGSU_PACKAGE = "rules.jiangsu";
    public static final String ZHEJIANG_PACKAGE = "rules.zhejiang";

    /**
     * Builds a rule base of the compiled rules without some packages. A fresh network each call: Drools' bases do
     * not share packages safely, and removing rules from a built base can break its shared segments
     * (SameRulesProbe).
     */
    interface BaseBuilder {
        KieBase build(java.util.Set<String> leftOut);
    }

    private final BaseBuilder builder;
    /** Per FTZ (by ordinal): the built base, or the RuleSetException it failed with; null until first asked for. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Object> bases =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(Ftz.values().length);
    private final Object[] buildLocks = new Object[Ftz.values().length];
    /**
     * What a rule cites and the file it is written in, by rule object: the metadata view's rules and, once built, each
     * base's own (a firing names its base's rule object, not the view's). Replaced, never changed, when a base is
     * built, so readers need no lock.
     */
    private volatile Map<Rule, RuleInfo> infoByRule;
    /** The same, by package and name: what a base's rule object is given when its base is built (read at load once). */
    private final Map<String, RuleInfo> infoByKey = new HashMap<>();
    private final CitationCatalog catalog;
    private final LawInForce law;
    private final List<NegativeListFact> lists;
    private final ListFactIndex listFacts;
    private final ListLoader.Loaded loaded;
    private final io.github.ftzoutbound.lists.RequestReferences references;
    private final RulesetInfo info;
    private final Map<String, String> sources;
    private final List<Rule> rules;
    private final Map<io.github.ftzoutbound.model.Regime, List<Proposer>> proposersByRegime =
            new java.util.EnumMap<>(io.github.ftzoutbound.model.Regime.class);

    private record RuleInfo(java.util.Optional<io.github.ftzoutbound.api.Citation> citation, String source) {
    }

    /** A proposing rule with what the "why not" analysis needs, read once from its metadata. */
    public record Proposer(Rule rule, io.github.ftzoutbound.model.Pathway outcome, String explain, String explainZh,
                           String whyNot, String whyNotZh, java.util.Optional<io.github.ftzoutbound.api.Citation> citation) {
    }

    private RuleSet(BaseBuilder builder, CitationCatalog catalog, LawInForce law, List<NegativeListFact> lists,
                    ListFactIndex listFacts, ListLoader.Loaded loaded, RulesetInfo info, Map<String, String> sources,
                    List<Rule> rules) {
        this.loaded = loaded;
        this.references = new io.github.ftzoutbound.lists.RequestReferences(loaded);
        this.builder = builder;
        for (int i = 0; i < buildLocks.length; i++) {
            buildLocks[i] = new Object();
        }
        this.law = law;
        this.catalog = catalog;
        this.lists = lists;
        this.listFacts = listFacts;
        this.info = info;
        this.sources = sources;
        this.rules = rules;
        List<Rule> proposingRules = rules.stream().filter(r -> r.getMetaData().get("row") != null).toList();
        Map<Rule, RuleInfo> view = new java.util.IdentityHashMap<>();
        for (Rule r : rules) {
            RuleInfo i = new RuleInfo(Clauses.of(r, catalog), sources.getOrDefault(key(r), "?"));
            view.put(r, i);
            infoByKey.put(key(r), i);
        }
        this.infoByRule = view;
        for (io.github.ftzoutbound.model.Regime regime : io.github.ftzoutbound.model.Regime.values()) {
            proposersByRegime.put(regime, proposingRules.stream().filter(r -> appliesUnder(r, regime))
                    .map(r -> new Proposer(r, io.github.ftzoutbound.engine.facts.RuleMeta.outcome(r),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "explain"),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "explainZh"),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "whyNot"),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "whyNotZh"), view.get(r).citation()))
                    .toList());
        }
    }

    /** FTZ instruments speak only in their own FTZ; national instruments and uncited rules everywhere. */
    private static boolean appliesUnder(Rule rule, io.github.ftzoutbound.model.Regime regime) {
        Object instrument = rule.getMetaData().get("instrument");
        String i = instrument == null ? "" : instrument.toString();
        if (i.startsWith("JS-")) {
            return regime == io.github.ftzoutbound.model.Regime.JIANGSU_FTZ;
        }
        if (i.startsWith("ZJ-")) {
            return regime == io.github.ftzoutbound.model.Regime.ZHEJIANG_FTZ;
        }
        return true;
    }

    /** The clause a rule cites (label and text from the catalog), read once at load; empty for @noClause. */
    public java.util.Optional<io.github.ftzoutbound.api.Citation> citationOf(Rule rule) {
        RuleInfo i = infoByRule.get(rule);
        return i != null ? i.citation() : Clauses.of(rule, catalog);
    }

    /** The proposing rules that can apply under a regime, with their texts. */
    public List<Proposer> proposersUnder(io.github.ftzoutbound.model.Regime regime) {
        return proposersByRegime.get(regime);
    }

    /**
     * @param otherFiles the other files the set was loaded from (lists, version, catalog): digested with the DRL
     */
    public static RuleSet compile(String version, List<SourceFile> drl, ListLoader.Loaded loaded,
                                  List<SourceFile> otherFiles, CitationCatalog catalog, LawInForce law) {
        long start = System.nanoTime();
        if (drl.isEmpty()) {
            throw new RuleSetException(List.of("no DRL rule files found"));
        }
        // Before anything is compiled: Drools evaluates annotation values as MVEL while compiling.
        List<String> unsafe = DrlMetadataGuard.problems(drl);
        if (!unsafe.isEmpty()) {
            throw new RuleSetException(unsafe);
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("io.github.ftzoutbound", "ruleset-" + UUID.randomUUID(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        org.kie.api.builder.model.KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel(ALL_RULES).setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        for (SourceFile f : drl) {
            kfs.write(PREFIX + f.path(), f.content());
        }
        KieBuilder kieBuilder = ks.newKieBuilder(kfs).buildAll();
        List<String> problems = new ArrayList<>();
        for (Message m : kieBuilder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "?" : m.getPath().replace(PREFIX, "");
            problems.add(path + ":" + Math.max(m.getLine(), 0) + ": " + m.getText().strip());
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        // The compiled packages, without a rule network: the metadata view, and what each FTZ's base is built of.
        org.drools.compiler.kie.builder.impl.InternalKieModule kieModule =
                (org.drools.compiler.kie.builder.impl.InternalKieModule) kieBuilder.getKieModule();
        List<KiePackage> packages = List.copyOf(kieModule.getKnowledgePackagesForKieBase(ALL_RULES));
        ClassLoader loader = kieModule.getModuleClassLoader();
        ks.getRepository().removeKieModule(releaseId);
        BaseBuilder bases = leftOut -> {
            org.kie.api.KieBaseConfiguration conf =
                    org.drools.core.impl.RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader);
            org.drools.kiesession.rulebase.InternalKnowledgeBase base =
                    org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(conf);
            // Drools clones a package already in another base (KnowledgeBaseImpl: deepCloneIfAlreadyInUse), so no two
            // bases share a rule object; the first base built uses the metadata view's own packages.
            base.addPackages(packages.stream().filter(p -> !leftOut.contains(p.getName())).toList());
            return base;
        };
        return assemble(packages, bases, "compiled from DRL", start, version, drl, loaded, otherFiles, catalog, law);
    }

    /**
     * A rule set from Drools' executable model, compiled from the same DRL files at build time. The DRL files
     * still define the rule set: if the precompiled rules differ from them by a single rule (a stale build),
     * nothing is loaded.
     */
    public static RuleSet precompiled(List<org.drools.model.Model> models, String version, List<SourceFile> drl,
                                      ListLoader.Loaded loaded, List<SourceFile> otherFiles,
                                      CitationCatalog catalog, LawInForce law, long start) {
        // The packages alone (no network) are the metadata view; each FTZ's base is built from its own models.
        List<KiePackage> view;
        try {
            org.drools.modelcompiler.KiePackagesBuilder packages = new org.drools.modelcompiler.KiePackagesBuilder(
                    org.drools.core.impl.RuleBaseFactory.newKnowledgeBaseConfiguration());
            models.forEach(packages::addModel);
            view = List.copyOf(packages.build().getKiePackages());
        } catch (RuntimeException e) {
            // Fails closed like a model that cannot be loaded (RuleSetLoader): nothing is decided.
            throw new RuleSetException(List.of("the precompiled rules cannot be loaded: " + e));
        }
        BaseBuilder bases = leftOut -> org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(
                modelsWithout(models, leftOut));
        return assemble(view, bases, "precompiled executable model", start, version, drl, loaded, otherFiles,
                catalog, law);
    }

    /** The executable-model packages ({@link org.drools.model.Model}, one per DRL package) not in {@code leftOut}. */
    public static List<org.drools.model.Model> modelsWithout(List<org.drools.model.Model> models,
                                                             java.util.Set<String> leftOut) {
        return models.stream().filter(m -> !leftOut.contains(m.getPackageName())).toList();
    }

    /**
     * The DRL packages the rule base of a processor registered in {@code ftz} leaves out: the other FTZ's measures
     * (a Jiangsu processor is never decided by a Zhejiang rule: each FTZ rule states its FTZ or regime), both for a
     * processor in neither. Every other package is in every base.
     */
    public static java.util.Set<String> packagesLeftOut(Ftz ftz) {
        return switch (ftz) {
            case JIANGSU -> java.util.Set.of(ZHEJIANG_PACKAGE);
            case ZHEJIANG -> java.util.Set.of(JIANGSU_PACKAGE);
            case NONE -> java.util.Set.of(JIANGSU_PACKAGE, ZHEJIANG_PACKAGE);
        };
    }

    /** The name of the one kbase a DRL rule set is compiled as (never built: its packages are split per FTZ). */
    private static final String ALL_RULES = "ftz-outbound-all";

    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Which file each rule is written in, read from the DRL text: "package/name" to path. */
    static Map<String, String> ruleFiles(List<SourceFile> drl) {
        Map<String, String> out = new HashMap<>();
        for (SourceFile f : drl) {
            java.util.regex.Matcher pm = PACKAGE.matcher(f.content());
            String pkg = pm.find() ? pm.group(1) : "";
            java.util.regex.Matcher rm = RULE.matcher(f.content());
            while (rm.find()) {
                out.put(pkg + "/" + rm.group(1), f.path());
            }
        }
        return out;
    }

    private static RuleSet assemble(List<KiePackage> packages, BaseBuilder bases, String how, long start, String version, List<SourceFile> drl,
                                    ListLoader.Loaded loaded, List<SourceFile> otherFiles,
                                    CitationCatalog catalog, LawInForce law) {
        Map<String, String> files = ruleFiles(drl);
        Map<String, String> sources = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (KiePackage pkg : packages) {
            for (Rule rule : pkg.getRules()) {
                rules.add(rule);
                String source = files.get(key(rule));
                if (source == null) {
                    problems.add("rule \"" + rule.getName() + "\" (package " + rule.getPackageName()
                            + ") is not in any loaded DRL file: the precompiled rules are stale; rebuild");
                    continue;
                }
                sources.put(key(rule), source);
                String problem = Clauses.check(rule, catalog);
                if (problem != null) {
                    problems.add(source + ": " + problem);
                }
                if (Phase.of(rule).isEmpty()) {
                    // The DRL guard says this with a line for DRL compiled here; a precompiled model is checked too.
                    problems.add(source + ": rule \"" + rule.getName() + "\" states no phase: " + Phase.howToState()
                            + ", in no agenda or ruleflow group");
                }
            }
        }
        if (rules.size() != files.size()) {
            problems.add(files.size() + " rules in the DRL files but " + rules.size() + " in the rule base: "
                    + "the precompiled rules are stale; rebuild");
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        rules.sort((a, b) -> (sources.get(key(a)) + a.getName()).compareTo(sources.get(key(b)) + b.getName()));

        List<NegativeListFact> listFactsOnly = new ArrayList<>();
        ListFactIndex index = new ListFactIndex();
        for (NegativeList l : loaded.lists()) {
            NegativeListFact lf = new NegativeListFact(l);
            listFactsOnly.add(lf);
            index.always(lf);
            for (ListEntry e : l.entries()) {
                ListEntryFact ef = new ListEntryFact(lf, e);
                List<Object> row = new ArrayList<>();
                row.add(ef);
                for (io.github.ftzoutbound.lists.Band b : e.bands()) {
                    row.add(new io.github.ftzoutbound.engine.facts.ListBandFact(ef, b));
                }
                index.row(ef, row);
            }
            for (io.github.ftzoutbound.lists.ListDuty d : l.duties()) {
                index.always(new io.github.ftzoutbound.engine.facts.DutyFact(lf, d));
            }
            for (io.github.ftzoutbound.lists.Adoption a : loaded.adoptions()) {
                if (a.listId().equals(l.id()) && a.adoptsSector(l.sectors().get(0))) {
                    index.always(new io.github.ftzoutbound.engine.facts.AdoptionFact(a, lf));
                }
            }
        }
        List<SourceFile> all = new ArrayList<>(drl);
        all.addAll(otherFiles);
        List<String> paths = all.stream().map(SourceFile::path).sorted().toList();
        RulesetInfo info = new RulesetInfo(version, Digests.ruleSetDigest(all), paths);
        LOG.info("rule set {} loaded ({}): {} rules from {} files, {} negative lists, digest {} ({} ms)", version, how,
                rules.size(), drl.size(), loaded.lists().size(), info.digest(), (System.nanoTime() - start) / 1_000_000);
        return new RuleSet(bases, catalog, law, List.copyOf(listFactsOnly), index, loaded, info,
                Collections.unmodifiableMap(sources), List.copyOf(rules));
    }

    /**
     * The rule base a request of a processor registered in {@code ftz} fires in: every rule but the other FTZ's
     * ({@link #packagesLeftOut}). Built at the first request for that FTZ, once whatever the number of threads asking
     * ({@link #buildAll} builds them all before serving). Sessions of it are reused per thread and reset between
     * evaluations ({@link Sessions}): building one walks the whole rule network (docs/performance.md).
     *
     * @throws RuleSetException when the base cannot be built (then and at every later call): nothing is decided for
     *                          that FTZ, no other base stands in
     */
    public KieBase kieBase(Ftz ftz) {
        Object b = bases.get(ftz.ordinal());
        if (b == null) {
            synchronized (buildLocks[ftz.ordinal()]) {
                b = bases.get(ftz.ordinal());
                if (b == null) {
                    b = build(ftz);
                    bases.set(ftz.ordinal(), b);
                }
            }
        }
        if (b instanceof RuleSetException failed) {
            throw new RuleSetException(failed.problems());
        }
        return (KieBase) b;
    }

    /** Builds every FTZ's rule base now, so that one that cannot be built fails the start or reload, not a request. */
    public RuleSet buildAll() {
        List<String> problems = new ArrayList<>();
        for (Ftz ftz : Ftz.values()) {
            try {
                kieBase(ftz);
            } catch (RuleSetException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return this;
    }

    /** Whether the base of {@code ftz} has been built (or has failed to build): for tests of the lazy build. */
    boolean built(Ftz ftz) {
        return bases.get(ftz.ordinal()) != null;
    }

    /** The base of {@code ftz}, or the RuleSetException that says why it cannot be built (kept: it fails closed). */
    private Object build(Ftz ftz) {
        long start = System.nanoTime();
        KieBase base;
        try {
            base = builder.build(packagesLeftOut(ftz));
        } catch (RuleSetException e) {
            LOG.error("the rule base for {} processors cannot be built: {}", ftz, e.problems());
            return e;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("the rule base for {} processors cannot be built", ftz, e);
            return new RuleSetException(List.of("the rule base for " + ftz + " processors cannot be built: " + e));
        }
        // The base's rule objects get what their namesakes in the metadata view were given at load.
        Map<Rule, RuleInfo> own = new java.util.IdentityHashMap<>();
        int count = 0;
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                RuleInfo i = infoByKey.get(key(r));
                own.put(r, i != null ? i : new RuleInfo(Clauses.of(r, catalog), sources.getOrDefault(key(r), "?")));
                count++;
            }
        }
        synchronized (this) {
            Map<Rule, RuleInfo> all = new java.util.IdentityHashMap<>(infoByRule);
            all.putAll(own);
            infoByRule = all;
        }
        LOG.info("rule base for {} processors built: {} of {} rules ({} ms)", ftz, count, rules.size(),
                (System.nanoTime() - start) / 1_000_000);
        return base;
    }

    /** This rule set with another way to build its bases (tests: a base that cannot be built). */
    RuleSet withBaseBuilder(BaseBuilder other) {
        return new RuleSet(other, catalog, law, lists, listFacts, loaded, info, sources, rules);
    }

    public CitationCatalog catalog() { return catalog; }
    /** The dated parameter file of the law in force. */
    public LawInForce law() { return law; }
    public List<NegativeListFact> lists() { return lists; }
    /** The lists, adoptions and code catalog as loaded, for checking a request's codes, rows and conditions. */
    public ListLoader.Loaded loaded() { return loaded; }
    /** Checks the request's codes, list rows and conditions against these lists and catalogs. */
    public List<io.github.ftzoutbound.model.Problem> checkReferences(io.github.ftzoutbound.model.ExportRequest request) {
        return references.check(request);
    }
    /** Every list, row, band, duty and adoption fact of the loaded lists. */
    List<Object> listFacts() { return listFacts.all(); }
    /** The list facts one evaluation inserts: the rows its items can match (by field code or row id) and the rest. */
    List<Object> listFactsFor(java.util.Collection<io.github.ftzoutbound.engine.facts.ExportItem> items) {
        return listFacts.forItems(items);
    }
    public RulesetInfo info() { return info; }
    public String sourceOf(Rule rule) {
        RuleInfo i = infoByRule.get(rule);
        return i != null ? i.source() : sources.getOrDefault(key(rule), "?");
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }
    /**
     * Every rule of the set, whatever FTZ's base it is in, sorted by file and name (coverage reports, validate-rules):
     * read from the compiled packages, no rule base needs to be built for it.
     */
    public List<Rule> rules() { return rules; }
}
