package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.api.Bilingual;
import io.github.ftzoutbound.api.Citation;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.Lazy;
import io.github.ftzoutbound.api.LazyList;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.TraceEntry;
import io.github.ftzoutbound.api.Warning;
import io.github.ftzoutbound.engine.facts.Candidate;
import io.github.ftzoutbound.engine.facts.ExportCase;
import io.github.ftzoutbound.engine.facts.ExportItem;
import io.github.ftzoutbound.engine.facts.Finding;
import io.github.ftzoutbound.engine.facts.ItemRuling;
import io.github.ftzoutbound.engine.facts.RequestRuling;
import io.github.ftzoutbound.engine.facts.RuleMeta;
import io.github.ftzoutbound.engine.facts.Supplement;
import io.github.ftzoutbound.api.NotChosen;
import io.github.ftzoutbound.engine.facts.ListApplies;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Pathway;
import org.kie.api.definition.rule.Rule;
import java.util.LinkedHashMap;
import io.github.ftzoutbound.engine.facts.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Runs one request through the rules and assembles the cited decision. Thread-safe: the {@link RuleSet} is
 * immutable and shared; each call has its own outcome collector and trace, and fires in a session no other thread
 * uses (one reused session per thread and rule base, reset between evaluations: {@link Sessions}).
 *
 * <p>The rules run in the phases of the legal reading, each a salience ({@link Phase}): {@code classify} (derived
 * facts: which lists apply, which entries match), {@code propose} (each applicable clause proposes a pathway for an
 * item), {@code resolve} (the first applicable row decides each item), {@code annotate} (obligations and
 * warnings that depend on how items were decided), {@code conclude} (the request's pathway).
 */
public final class DecisionEngine {
    /** The DRL global every consequence records to. */
    static final String OUTCOME = "outcome";
    /** Order in which instruments are listed in a decision: the most specific first. */
    private static final List<String> INSTRUMENT_ORDER = List.of("NEGATIVE-LIST", "JS-MEASURES", "JS-RULES",
            "ZJ-MEASURES", "ZJ-RULES", "CBDF", "SCC-MEASURES", "CERT-MEASURES", "NDSR", "DSL", "PIPL", "ECL", "FTL");
    private static final Map<String, Integer> INSTRUMENT_RANK = new HashMap<>();

    static {
        for (int i = 0; i < INSTRUMENT_ORDER.size(); i++) {
            INSTRUMENT_RANK.put(INSTRUMENT_ORDER.get(i), i);
        }
    }

    /**
     * Citation order in a decision: instrument (most specific first, unknown ones last), then list, entry, article,
     * paragraph, item, sub-item, rule and category, absent before present. Written out rather than chained from
     * {@code Comparator.comparing…}: every citation set of a decision is sorted with it, and the chain's boxed
     * keys and lambdas were a visible share of assembling a full record. Two citations comparing equal are one
     * clause (the sets keep the first).
     */
    static final Comparator<Citation> CITATION_ORDER = DecisionEngine::compareCitations;

    static int compareCitations(Citation a, Citation b) {
        if (a == b) {
            return 0;
        }
        int c = a.instrument().equals(b.instrument()) ? 0
                : Integer.compare(instrumentRank(a.instrument()), instrumentRank(b.instrument()));
        if (c == 0) {
            c = nullsFirst(a.listId(), b.listId());
        }
        if (c == 0) {
            c = nullsFirst(a.entryId(), b.entryId());
        }
        if (c == 0) {
            c = nullsFirst(a.article(), b.article());
        }
        if (c == 0) {
            c = nullsFirst(a.paragraph(), b.paragraph());
        }
        if (c == 0) {
            c = nullsFirst(a.item(), b.item());
        }
        if (c == 0) {
            c = nullsFirst(a.subItem(), b.subItem());
        }
        if (c == 0) {
            c = nullsFirst(a.rule(), b.rule());
        }
        if (c == 0) {
            c = nullsFirst(a.category(), b.category());
        }
        return c;
    }

    private static int instrumentRank(String instrument) {
        return INSTRUMENT_RANK.getOrDefault(instrument, INSTRUMENT_ORDER.size());
    }

    private static <T extends Comparable<T>> int nullsFirst(T a, T b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }

    /** Rule firings allowed per evaluation: this many, plus {@link #MAX_FIRINGS_PER_ITEM} per data item. */
    public static final int MAX_FIRINGS_BASE = 10_000;
    public static final int MAX_FIRINGS_PER_ITEM = 500;
    /** How long one evaluation may fire rules, by default; a decision takes well under a millisecond. */
    public static final java.time.Duration DEFAULT_DEADLINE = java.time.Duration.ofSeconds(10);

    private final RuleSet ruleSet;
    private final String engineVersion;
    private final java.time.Duration deadline;

    public DecisionEngine(RuleSet ruleSet, String engineVersion) {
        this(ruleSet, engineVersion, DEFAULT_DEADLINE);
    }

    /** An engine whose evaluations stop firing rules (and decide nothing) after {@code deadline}. */
    public DecisionEngine(RuleSet ruleSet, String engineVersion, java.time.Duration deadline) {
        this.ruleSet = ruleSet;
        this.engineVersion = engineVersion;
        this.deadline = java.util.Objects.requireNonNull(deadline);
    }

    /** The per-evaluation deadline. */
    public java.time.Duration deadline() {
        return deadline;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Decides a validated request whose evaluation date is set, stamping the decision with the given time. */
    public ExportDecision evaluate(ExportRequest request, java.time.Instant evaluatedAt) {
        return evaluate(request, evaluatedAt, null);
    }

    /**
     * Decides a validated request with what the annual ledger showed (null without a ledger): the request's
     * {@code exportedThisYear} already holds the ledger's totals; the snapshot adds the counting policy and the
     * splitting window to the case, and is carried by the decision.
     */
    public ExportDecision evaluate(ExportRequest request, java.time.Instant evaluatedAt, LedgerSnapshot ledger) {
        List<ExportItem> items = new ArrayList<>();
        for (int i = 0; i < request.dataItems().size(); i++) {
            items.add(new ExportItem(request.dataItems().get(i), i, request.basis()));
        }
        // Only the list rows these items can match, by field code or row id (an index built at load, not a
        // decision: the rules still decide each match).
        List<Object> facts = new ArrayList<>(ruleSet.listFactsFor(items));
        facts.addAll(items);
        LawInForce law = ruleSet.law();
        law.checkDate(request.evaluationDate());
        facts.addAll(law.facts(request.evaluationDate()));
        ExportCase exportCase = new ExportCase(request, ledger,
                law.regime(request.processor().ftz(), request.evaluationDate()));
        facts.add(exportCase);
        // The firing limit is the loop guard: one firing past it means the rule set is looping.
        int limit = MAX_FIRINGS_BASE + MAX_FIRINGS_PER_ITEM * items.size();
        // The base of the processor's FTZ: the other FTZ's rules are not in it (RuleSet#kieBase). One that cannot
        // be built throws RuleSetException here: nothing decided, no other base stands in.
        org.kie.api.KieBase base = ruleSet.kieBase(request.processor().ftz());
        Outcome outcome = new Outcome(System.nanoTime() + deadline.toNanos());
        int fired = run(base, facts, outcome, limit + 1);
        if (outcome.pastDeadline()) {
            throw new EvaluationException("rules still firing after the evaluation deadline of " + deadline
                    + " (" + fired + " matches fired); nothing decided");
        }
        if (fired > limit) {
            // The limit, not the count: Drools may fire one more activation before it checks the count.
            throw new EvaluationException("rules kept firing past " + limit
                    + " matches; the rule set is looping, nothing decided");
        }
        if (outcome.firings().size() != fired) {
            // The trace and the decision come from the collector: a consequence that bypasses it would be
            // missing from both.
            throw new EvaluationException((fired - outcome.firings().size()) + " of " + fired + " rule firings"
                    + " were not recorded to the outcome collector (every consequence must call outcome.…);"
                    + " nothing decided");
        }
        ExportDecision decision = assemble(request, exportCase, items, outcome, evaluatedAt);
        return ledger == null ? decision : decision.withLedger(ledger);
    }

    /**
     * Inserts the facts into this thread's reused session of {@code base} (the processor's FTZ's) and fires the
     * rules, phase by phase (saliences, {@link Phase}), up to {@code limit} firings. The session goes back to the thread, reset, only when
     * the run ended normally: one that threw, was halted at the deadline or reached the limit is discarded.
     */
    private int run(org.kie.api.KieBase base, List<Object> facts, Outcome outcome, int limit) {
        org.kie.api.runtime.KieSession session = Sessions.take(base);
        boolean reusable = false;
        try {
            session.setGlobal(OUTCOME, outcome);
            for (Object fact : facts) {
                session.insert(fact);
            }
            // The firing limit is the loop guard: a looping rule set stops there and nothing is decided.
            int fired = session.fireAllRules(limit);
            reusable = fired < limit && !outcome.pastDeadline();
            return fired;
        } catch (RuntimeException e) {
            // A rule whose consequence fails (a proposing rule without @row, say) means no decision at all.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new EvaluationException("the rules failed while deciding, nothing decided: " + root.getMessage(), e);
        } finally {
            if (reusable) {
                Sessions.giveBack(session);
            } else {
                Sessions.discard(session);
            }
        }
    }

    /**
     * For each pathway stricter than the item's, the conditions of the law that were not met, or that were met
     * but yield to the deciding row. Only rules that can apply under the request's regime are considered.
     */
    private List<NotChosen> notChosen(ExportCase c, Explanations.Figures figures, ItemRuling ruling,
                                      List<Candidate> proposed, WhyNotTexts whyNotTexts) {
        Map<Pathway, Map<String, NotChosenBuilder>> byPathway = new TreeMap<>();
        for (RuleSet.Proposer proposer : ruleSet.proposersUnder(c.getRegime())) {
            if (!proposer.outcome().stricterThan(ruling.getPathway())) {
                continue;
            }
            Rule rule = proposer.rule();
            Candidate fired = null;
            for (Candidate p : proposed) {
                if (p.getRule() == rule || p.getRule().equals(rule)) {
                    fired = p;
                    break;
                }
            }
            String en;
            String zh;
            if (fired != null) {
                en = Explanations.fill(proposer.explain(), figures, fired.getEntry())
                        + " But row " + ruling.getRow() + " of the reading, which decided, comes before row "
                        + fired.getRow() + ".";
                zh = Explanations.fill(proposer.explainZh(), figures, fired.getEntry(), Map.of(), true)
                        + "但作出决定的第" + ruling.getRow() + "行优先于第" + fired.getRow() + "行。";
            } else {
                en = whyNotTexts.fill(proposer.whyNot(), figures, false);
                zh = whyNotTexts.fill(proposer.whyNotZh(), figures, true);
            }
            NotChosenBuilder b = byPathway.computeIfAbsent(proposer.outcome(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(en, k -> new NotChosenBuilder(k));
            b.zh = zh;
            proposer.citation().ifPresent(b.citations::add);
        }
        List<NotChosen> out = new ArrayList<>();
        byPathway.forEach((pathway, conditions) -> out.add(new NotChosen(pathway, conditions.values().stream()
                .map(b -> new NotChosen.Condition(b.en, b.zh, new ArrayList<>(b.citations))).toList())));
        return out;
    }

    /**
     * The why-not texts of one decision that name no figure of the item (most of them: thresholds against the
     * year's totals, the CIIO status, the lists that apply), filled once and shared by every item's notChosen
     * instead of once per item; the same words, and the same String, so the record's conditions table also finds
     * them equal at once. Items' notChosen lists may be read from several threads, hence a concurrent map.
     */
    private static final class WhyNotTexts {
        private final Map<String, String> en = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, String> zh = new java.util.concurrent.ConcurrentHashMap<>();

        String fill(String template, Explanations.Figures figures, boolean chinese) {
            if (template == null || !Explanations.requestWide(template)) {
                return Explanations.fill(template, figures, null, Map.of(), chinese);
            }
            Map<String, String> filled = chinese ? zh : en;
            String text = filled.get(template);
            if (text == null) {
                text = Explanations.fill(template, figures, null, Map.of(), chinese);
                String earlier = filled.putIfAbsent(template, text);
                text = earlier == null ? text : earlier;
            }
            return text;
        }
    }

    private static final class NotChosenBuilder {
        final String en;
        String zh;
        final Set<Citation> citations = new TreeSet<>(CITATION_ORDER);

        NotChosenBuilder(String en) {
            this.en = en;
        }
    }

    private ExportDecision assemble(ExportRequest request, ExportCase exportCase, List<ExportItem> items,
                                    Outcome outcome, java.time.Instant evaluatedAt) {
        Map<ExportItem, ItemRuling> rulings = new HashMap<>();
        Map<ExportItem, List<Supplement>> supplements = new HashMap<>();
        List<Finding> findings = outcome.findings();
        List<RequestRuling> requestRulings = outcome.requestRulings();
        List<String> faults = new ArrayList<>();
        Map<ExportItem, List<Candidate>> candidates = new HashMap<>();
        Set<String> applicableLists = new TreeSet<>();
        for (Candidate c : outcome.candidates()) {
            candidates.computeIfAbsent(c.getItem(), k -> new ArrayList<>()).add(c);
        }
        for (ListApplies la : outcome.applicableLists()) {
            applicableLists.add(la.getList().getId());
        }
        for (ItemRuling r : outcome.rulings()) {
            if (rulings.put(r.getItem(), r) != null) {
                faults.add("item " + r.getItem().getId() + " was decided twice");
            }
        }
        for (Supplement sup : outcome.supplements()) {
            supplements.computeIfAbsent(sup.getItem(), k -> new ArrayList<>()).add(sup);
        }
        for (ExportItem item : items) {
            if (!rulings.containsKey(item)) {
                faults.add("no rule decided item " + item.getId());
            }
        }
        if (requestRulings.size() != 1) {
            faults.add("expected one request pathway, the rules produced " + requestRulings.size());
        }
        if (!faults.isEmpty()) {
            throw new EvaluationException("incomplete decision, nothing decided: " + String.join("; ", faults));
        }
        Set<Citation> allCitations = new TreeSet<>(CITATION_ORDER);

        List<ItemDecision> itemDecisions = new ArrayList<>();
        List<String> lists = List.copyOf(applicableLists);
        Map<ExportItem, Explanations.Figures> figuresByItem = new HashMap<>();
        WhyNotTexts whyNotTexts = new WhyNotTexts();
        for (ExportItem item : items) {
            ItemRuling ruling = rulings.get(item);
            Set<Citation> cites = new TreeSet<>(CITATION_ORDER);
            String reason = null;
            Candidate explaining = null;
            for (Candidate c : ruling.getDeciding()) {
                if (c.getEntry() != null) {
                    cites.add(Clauses.of(c.getEntry())); // every entry that put the item on the list is cited
                }
                if (c.getPathway() != ruling.getPathway()) {
                    continue; // a less strict tier of the same row did not decide: its clause is not the answer
                }
                ruleSet.citationOf(c.getRule()).ifPresent(cites::add);
                if (reason == null) {
                    reason = RuleMeta.reason(c.getRule());
                }
                if (explaining == null || explaining.getEntry() == null && c.getEntry() != null) {
                    explaining = c; // an entry-based candidate explains with its entry's figures
                }
            }
            Explanations.Figures figures = new Explanations.Figures(exportCase, item, lists);
            figuresByItem.put(item, figures);
            // Filled when first read (a full record, explain, the report), like notChosen below.
            Candidate explainedBy = explaining;
            Lazy<Bilingual> explanation = Lazy.of(() -> new Bilingual(
                    Explanations.fill(RuleMeta.text(explainedBy.getRule(), "explain"), figures,
                            explainedBy.getEntry()),
                    Explanations.fill(RuleMeta.text(explainedBy.getRule(), "explainZh"), figures,
                            explainedBy.getEntry(), Map.of(), true)));
            List<Candidate> proposed = candidates.getOrDefault(item, List.of());
            // Computed when first read (a full record, explain, the report): most callers never read it.
            List<NotChosen> notChosen = new LazyList<>(() -> notChosen(exportCase, figures, ruling, proposed,
                    whyNotTexts));
            for (Supplement s : supplements.getOrDefault(item, List.of())) {
                ruleSet.citationOf(s.getRule()).ifPresent(cites::add);
                if (s.getAdoption() != null) {
                    cites.add(Clauses.of(s.getAdoption()));
                }
            }
            allCitations.addAll(cites);
            // A list row routing outside the three pathways names its route (e.g. HUMAN_GENETIC_RESOURCES).
            String route = ruling.getDeciding().stream().filter(c -> c.getPathway() == ruling.getPathway())
                    .map(c -> c.getEntry() == null ? null : c.getEntry().getRoute())
                    .filter(java.util.Objects::nonNull).sorted().findFirst().orElse(null);
            itemDecisions.add(new ItemDecision(item.getId(), ruling.getPathway(), reason, ruling.getRow(),
                    new ArrayList<>(cites), explanation, notChosen, route));
        }

        List<Obligation> obligations = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        Map<String, List<Finding>> byCode = new TreeMap<>();
        for (Finding f : findings) {
            // Request-wide findings (no item) stay apart from item findings of the same code, so a warning
            // with no itemIds always means "the whole request".
            String scope = f.getItem() == null ? " request" : " items";
            byCode.computeIfAbsent(f.getKind() + " " + f.getCode() + scope, k -> new ArrayList<>()).add(f);
        }
        for (List<Finding> group : byCode.values()) {
            Finding first = group.get(0);
            Set<ExportItem> concerned = new TreeSet<>(Comparator.comparingInt(ExportItem::getPosition));
            Set<Citation> cites = new TreeSet<>(CITATION_ORDER);
            for (Finding f : group) {
                if (f.getItem() != null) {
                    concerned.add(f.getItem());
                }
                ruleSet.citationOf(f.getRule()).ifPresent(cites::add);
                if (f.getDuty() != null) {
                    cites.add(Clauses.of(f.getDuty()));
                }
                if (f.getClauseInstrument() != null) {
                    Citation ref = new Citation(f.getClauseInstrument(), null, null, null, null, null,
                            f.getClauseCategory(), null, null, null, null);
                    cites.add(ruleSet.catalog().find(ref).orElseThrow(() -> new EvaluationException(
                            "rule \"" + f.getRule().getName() + "\" cites " + ref.key()
                                    + ", which is not in the citation catalog; nothing decided")));
                }
                requireMessages(f); // refused now, not when the messages are first read
            }
            allCitations.addAll(cites);
            List<String> ids = concerned.stream().map(ExportItem::getId).toList();
            // Filled when first read (a full record, explain, the report): a lean record never reads them.
            Lazy<Bilingual> messages = Lazy.of(() -> messages(group, exportCase, lists, figuresByItem));
            if (first.getKind() == Finding.Kind.OBLIGATION) {
                obligations.add(new Obligation(first.getCode(), ids, new ArrayList<>(cites), messages));
            } else {
                warnings.add(new Warning(first.getCode(), ids, new ArrayList<>(cites), messages));
            }
        }

        List<TraceEntry> traceEntries = new LazyList<>(() -> Trace.entries(ruleSet, outcome.firings()));

        return new ExportDecision(request.requestId(), UUID.randomUUID().toString(), evaluatedAt,
                request.evaluationDate(), Lazy.of(() -> DecisionJson.requestDigest(request)),
                exportCase.getRegime(), requestRulings.get(0).getPathway(), itemDecisions,
                new ArrayList<>(allCitations), obligations, warnings, ruleSet.info(), engineVersion, traceEntries,
                null, null);
    }

    /**
     * A finding's message in English and Chinese: a list duty's own words, or its rule's {@code @message} and
     * {@code @messageZh} filled with the item's figures and the finding's args. A rule without both texts was
     * refused when the rule set loaded ({@link DrlMetadataGuard}); one that slipped through (a rule set built
     * another way) stops the decision rather than leave a message out.
     */
    private static void requireMessages(Finding f) {
        if (f.getDuty() == null && (RuleMeta.text(f.getRule(), "message") == null
                || RuleMeta.text(f.getRule(), "messageZh") == null)) {
            throw new EvaluationException("rule \"" + f.getRule().getName() + "\" adds " + f.getCode()
                    + " without @message and @messageZh; nothing decided");
        }
    }

    /**
     * The messages of one obligation or warning: each finding's text once, in English order (English text -> its
     * Chinese twin, one pair per text), joined.
     */
    private static Bilingual messages(List<Finding> group, ExportCase exportCase, List<String> lists,
                                      Map<ExportItem, Explanations.Figures> figuresByItem) {
        Map<String, String> messages = new TreeMap<>();
        for (Finding f : group) {
            String[] text = message(f, exportCase, lists, figuresByItem);
            messages.putIfAbsent(text[0], text[1]);
        }
        return new Bilingual(String.join(" ", messages.keySet()), String.join("", messages.values()));
    }

    private static String[] message(Finding f, ExportCase exportCase, List<String> lists,
                                    Map<ExportItem, Explanations.Figures> figuresByItem) {
        if (f.getDuty() != null) {
            return new String[]{f.getDuty().getMessage(), f.getDuty().getMessageZh()};
        }
        String en = RuleMeta.text(f.getRule(), "message");
        String zh = RuleMeta.text(f.getRule(), "messageZh");
        Explanations.Figures figures = f.getItem() == null ? null : figuresByItem.get(f.getItem());
        if (figures == null) {
            figures = new Explanations.Figures(exportCase, f.getItem(), lists);
        }
        return new String[]{Explanations.fill(en, figures, null, f.getArgs(), false),
                Explanations.fill(zh, figures, null, f.getArgs(), true)};
    }
}
