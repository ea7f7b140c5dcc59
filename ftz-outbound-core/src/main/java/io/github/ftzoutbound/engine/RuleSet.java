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
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A compiled, checked, immutable rule set: the KieBase shared by every evaluation, the citation catalog, the
 * loaded negative lists, and the version and digest that decisions carry. Built all or nothing: any compile
 * error, any rule without citation metadata or citing a clause the catalog lacks, throws
 * {@link RuleSetException} and nothing is decided.
 */
public final class RuleSet {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSet.class);
    private static final String PREFIX = "src/main/resources/";

    private final KieBase kieBase;
    private final CitationCatalog catalog;
    private final LawInForce law;
    private final List<NegativeListFact> lists;
    private final ListFactIndex listFacts;
    private final ListLoader.Loaded loaded;
    private final io.github.ftzoutbound.lists.RequestReferences references;
    private final RulesetInfo info;
    private final Map<String, String> sources;
    private final List<Rule> rules;
    private final Map<Rule, java.util.Optional<io.github.ftzoutbound.api.Citation>> citations = new java.util.IdentityHashMap<>();
    private final Map<Rule, String> sourcesByRule = new java.util.IdentityHashMap<>();
    private final Map<io.github.ftzoutbound.model.Regime, List<Proposer>> proposersByRegime =
            new java.util.EnumMap<>(io.github.ftzoutbound.model.Regime.class);

    /** A proposing rule with what the "why not" analysis needs, read once from its metadata. */
    public record Proposer(Rule rule, io.github.ftzoutbound.model.Pathway outcome, String explain, String explainZh,
                           String whyNot, String whyNotZh, java.util.Optional<io.github.ftzoutbound.api.Citation> citation) {
    }

    private RuleSet(KieBase kieBase, CitationCatalog catalog, LawInForce law, List<NegativeListFact> lists,
                    ListFactIndex listFacts, ListLoader.Loaded loaded, RulesetInfo info, Map<String, String> sources,
                    List<Rule> rules) {
        this.loaded = loaded;
        this.references = new io.github.ftzoutbound.lists.RequestReferences(loaded);
        this.kieBase = kieBase;
        this.law = law;
        this.catalog = catalog;
        this.lists = lists;
        this.listFacts = listFacts;
        this.info = info;
        this.sources = sources;
        this.rules = rules;
        List<Rule> proposingRules = rules.stream().filter(r -> r.getMetaData().get("row") != null).toList();
        for (Rule r : rules) {
            citations.put(r, Clauses.of(r, catalog));
            sourcesByRule.put(r, sources.getOrDefault(key(r), "?"));
        }
        for (io.github.ftzoutbound.model.Regime regime : io.github.ftzoutbound.model.Regime.values()) {
            proposersByRegime.put(regime, proposingRules.stream().filter(r -> appliesUnder(r, regime))
                    .map(r -> new Proposer(r, io.github.ftzoutbound.engine.facts.RuleMeta.outcome(r),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "explain"),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "explainZh"),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "whyNot"),
                            io.github.ftzoutbound.engine.facts.RuleMeta.text(r, "whyNotZh"), citations.get(r)))
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
        java.util.Optional<io.github.ftzoutbound.api.Citation> c = citations.get(rule);
        return c != null ? c : Clauses.of(rule, catalog);
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
        for (SourceFile f : drl) {
            kfs.write(PREFIX + f.path(), f.content());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<String> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "?" : m.getPath().replace(PREFIX, "");
            problems.add(path + ":" + Math.max(m.getLine(), 0) + ": " + m.getText().strip());
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase base = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return assemble(base, "compiled from DRL", start, version, drl, loaded, otherFiles, catalog, law);
    }

    /**
     * A rule set from Drools' executable model, compiled from the same DRL files at build time. The DRL files
     * still define the rule set: if the precompiled rules differ from them by a single rule (a stale build),
     * nothing is loaded.
     */
    public static RuleSet precompiled(KieBase base, String version, List<SourceFile> drl,
                                      ListLoader.Loaded loaded, List<SourceFile> otherFiles,
                                      CitationCatalog catalog, LawInForce law, long start) {
        return assemble(base, "precompiled executable model", start, version, drl, loaded, otherFiles,
                catalog, law);
    }

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

    private static RuleSet assemble(KieBase base, String how, long start, String version, List<SourceFile> drl,
                                    ListLoader.Loaded loaded, List<SourceFile> otherFiles,
                                    CitationCatalog catalog, LawInForce law) {
        Map<String, String> files = ruleFiles(drl);
        Map<String, String> sources = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (KiePackage pkg : base.getKiePackages()) {
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
        return new RuleSet(base, catalog, law, List.copyOf(listFactsOnly), index, loaded, info,
                Collections.unmodifiableMap(sources), List.copyOf(rules));
    }

    /**
     * The rule base every evaluation fires in. Sessions of it are reused per thread and reset between evaluations
     * ({@link Sessions}): building one walks the whole rule network, which costs about as much as deciding a small
     * request (docs/performance.md).
     */
    public KieBase kieBase() { return kieBase; }
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
        String s = sourcesByRule.get(rule);
        return s != null ? s : sources.getOrDefault(key(rule), "?");
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }
    /** Every rule of the set, sorted by file and name (for coverage reports). */
    public List<Rule> rules() { return rules; }
}
