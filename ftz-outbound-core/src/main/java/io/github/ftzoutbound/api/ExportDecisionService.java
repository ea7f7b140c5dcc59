package io.github.ftzoutbound.api;

import io.github.ftzoutbound.engine.DecisionEngine;
import io.github.ftzoutbound.engine.RuleSet;
import io.github.ftzoutbound.engine.RuleSetLoader;
import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.DuplicateExportException;
import io.github.ftzoutbound.ledger.ExportLedger;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.ledger.Reservation;
import io.github.ftzoutbound.ledger.ReservationRequest;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.Processor;
import io.github.ftzoutbound.model.RequestReader;
import io.github.ftzoutbound.model.RequestValidator;
import io.github.ftzoutbound.scenarios.Scenario;
import io.github.ftzoutbound.scenarios.ScenarioResult;
import io.github.ftzoutbound.scenarios.ScenarioSuites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The library's entry point. Build once (compiling the rules takes a second or two), then call
 * {@link #evaluate(ExportRequest)} from any number of threads: the rule base is shared and immutable, each
 * call runs in its own stateless session.
 *
 * <pre>{@code
 * ExportDecisionService service = ExportDecisionService.builder()
 *         .addListDirectory(Path.of("/etc/ftz-outbound/lists"))
 *         .build();
 * ExportDecision decision = service.evaluate(request);
 * }</pre>
 *
 * Failure is loud and closed: {@link RuleSetException} from {@link Builder#build()} when rules or lists do
 * not load; {@link io.github.ftzoutbound.model.InvalidRequestException} for a bad request, listing every
 * problem by JSON path; {@link EvaluationException} if the rules cannot complete a decision. No call ever
 * returns a default answer.
 */
public final class ExportDecisionService {
    /** The evaluation date defaults to today where the law applies. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(ExportDecisionService.class);

    // Swapped whole by reload(); each evaluation reads it once, so it finishes on the rules it started with.
    private final AtomicReference<DecisionEngine> engine;
    private final Clock clock;
    /** The annual ledger (docs/ledger.md), or null: then the caller's exportedThisYear is taken as given. */
    private final ExportLedger ledger;
    /** The operator's reason to accept evaluation dates other than the ledger's today, or null (EvaluationDates). */
    private final String dateOverride;

    /** Digests of reviewed rule sets a rules directory or a reload must match, or null for no allowlist. */
    private final java.util.Set<String> allowedDigests;

    private ExportDecisionService(DecisionEngine engine, Clock clock) {
        this(new AtomicReference<>(engine), clock, null, null, null);
    }

    private ExportDecisionService(AtomicReference<DecisionEngine> engine, Clock clock, ExportLedger ledger,
                                  String dateOverride, java.util.Set<String> allowedDigests) {
        this.engine = engine;
        this.clock = clock;
        this.ledger = ledger;
        this.dateOverride = dateOverride;
        this.allowedDigests = allowedDigests;
    }

    /**
     * This service deciding through an annual ledger (or through none, with null): the same rules, lists and
     * clock, and the same rule set even after a {@link #reload} of either. The caller keeps and closes the ledger.
     */
    public ExportDecisionService withLedger(ExportLedger ledger) {
        return new ExportDecisionService(engine, clock, ledger, dateOverride, allowedDigests);
    }

    /**
     * This service accepting, through its ledger, evaluation dates other than the ledger's today (entering the
     * exports of past months, say), for the stated reason: it is stored with each ledger row and named in each
     * decision's {@code ledger.evaluationDateOverride}. Dates stay within {@link EvaluationDates#outOfRange}.
     * With null, the override is dropped.
     */
    public ExportDecisionService withEvaluationDateOverride(String reason) {
        return new ExportDecisionService(engine, clock, ledger,
                reason == null ? null : EvaluationDates.checkOverrideReason(reason), allowedDigests);
    }

    /** The annual ledger this service decides through, if any. */
    public Optional<ExportLedger> ledger() {
        return Optional.ofNullable(ledger);
    }

    /** The bundled rules and bundled lists. */
    public static ExportDecisionService bundled() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validates and decides a request. */
    public ExportDecision evaluate(ExportRequest request) {
        return evaluate(request, false);
    }

    /**
     * Validates and decides a request; with {@code withRequest} the decision embeds the request as evaluated
     * (evaluation date filled in), making it a replayable decision record.
     */
    public ExportDecision evaluate(ExportRequest request, boolean withRequest) {
        RequestValidator.validate(request);
        checkReferences(request);
        ExportRequest dated = dated(request);
        // The legal lower bound of the date (law/instruments.yaml): refused before any ledger reservation.
        engine.get().ruleSet().law().checkDate(dated.evaluationDate());
        EvaluationDates.outOfRange(dated.evaluationDate(), LocalDate.now(clock.withZone(CHINA)))
                .ifPresent(p -> {
                    throw new InvalidRequestException(List.of(p));
                });
        ExportDecision decision;
        if (ledger != null && dated.processor().creditCode() != null) {
            decision = evaluateThroughLedger(dated, withRequest);
        } else {
            decision = engine.get().evaluate(dated, clock.instant());
            if (withRequest) {
                decision = decision.withRequest(dated);
            }
        }
        // Ids and outcomes only: request content (names, counts) stays out of the logs.
        LOG.debug("decision {} for request {}: {}", decision.decisionId(), decision.requestId(), decision.pathway());
        return decision;
    }

    /**
     * Decides a request whose annual totals the ledger keeps: under the lock of the processor's year, the ledger's
     * totals become the request's {@code exportedThisYear}, the rules decide, and the decision's persons are
     * reserved in the same transaction (docs/ledger.md). The embedded request, with {@code withRequest}, is the
     * request as evaluated, totals filled in.
     */
    private ExportDecision evaluateThroughLedger(ExportRequest dated, boolean withRequest) {
        Processor p = dated.processor();
        if (p.exportedThisYearGiven()) {
            throw new InvalidRequestException(List.of(Problem.of("$.processor.exportedThisYear", "exportedThisYear.withLedger")));
        }
        // The ledger counts the year of the evaluation date: a date far from the ledger's today would open an
        // empty year (or an old one) and reset the totals. Only an operator's stated override allows another day.
        String override = null;
        if (dateOverride == null) {
            EvaluationDates.notLedgerToday(dated.evaluationDate(), LocalDate.now(ledger.clock().withZone(CHINA)))
                    .ifPresent(problem -> {
                        throw new InvalidRequestException(List.of(problem));
                    });
        } else if (EvaluationDates.notLedgerToday(dated.evaluationDate(),
                LocalDate.now(ledger.clock().withZone(CHINA))).isPresent()) {
            override = dateOverride;
        }
        DecisionEngine current = engine.get();
        ReservationRequest reservation = new ReservationRequest(p.creditCode(), dated.evaluationDate(),
                dated.requestId(), dated.requestPersons(), override);
        try {
            return ledger.reserve(reservation, snapshot -> {
                ExportRequest evaluated = dated.withExportedThisYear(snapshot.totalsBefore());
                ExportDecision d = current.evaluate(evaluated, clock.instant(), snapshot);
                // The record, request embedded, is stored with the reservation in the same transaction: a
                // committed export always has its decision, even if the caller's output is lost.
                ExportDecision full = d.withRequest(evaluated);
                return new Reservation<>(withRequest ? full : d, d.decisionId(), d.pathway(),
                        basisExempt(evaluated, d), DecisionJson.toJson(full, false));
            });
        } catch (DuplicateExportException e) {
            throw new InvalidRequestException(List.of(new Problem("$.requestId", e.getMessage())));
        }
    }

    /**
     * Whether the export counts as exempt for {@link CountingPolicy#COUNT_NON_EXEMPT}: it holds personal
     * information, and every item holding some was decided EXEMPT for its basis (the reasons of
     * {@link CountingPolicy#BASIS_EXEMPTION_REASONS}), which holds whatever the volume.
     */
    private static boolean basisExempt(ExportRequest request, ExportDecision decision) {
        boolean any = false;
        for (int i = 0; i < request.dataItems().size(); i++) {
            if (!request.dataItems().get(i).personalInformation().any()) {
                continue;
            }
            any = true;
            ItemDecision item = decision.items().get(i);
            if (item.pathway() != Pathway.EXEMPT || !CountingPolicy.BASIS_EXEMPTION_REASONS.contains(item.reason())) {
                return false;
            }
        }
        return any;
    }

    /**
     * Decides a request as it was decided with the ledger, from the snapshot its decision carries, without any
     * ledger: for {@code replay}. {@code evaluated} is the request as evaluated (totals filled in).
     */
    public ExportDecision evaluateWithLedgerSnapshot(ExportRequest evaluated, LedgerSnapshot snapshot,
                                                     boolean withRequest) {
        RequestValidator.validate(evaluated);
        checkReferences(evaluated);
        ExportRequest dated = dated(evaluated);
        ExportDecision decision = engine.get().evaluate(dated, clock.instant(), Objects.requireNonNull(snapshot));
        return withRequest ? decision.withRequest(dated) : decision;
    }

    /** Codes, list rows and conditions the loaded lists and catalogs do not know are invalid input. */
    private void checkReferences(ExportRequest request) {
        List<Problem> problems = engine.get().ruleSet().checkReferences(request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /**
     * Re-decides an archived request (replay): its evaluation date is historical, so it is not checked against
     * today, and no ledger is consulted or written.
     */
    public ExportDecision reevaluate(ExportRequest archived, boolean withRequest) {
        RequestValidator.validate(archived);
        checkReferences(archived);
        ExportRequest dated = dated(archived);
        ExportDecision decision = engine.get().evaluate(dated, clock.instant());
        return withRequest ? decision.withRequest(dated) : decision;
    }

    /** The request with its evaluation date, today in Asia/Shanghai when the caller gave none. */
    private ExportRequest dated(ExportRequest request) {
        return request.evaluationDate() != null ? request
                : request.withEvaluationDate(LocalDate.now(clock.withZone(CHINA)));
    }

    /** Reads the contract's JSON strictly, then decides. */
    public ExportDecision evaluateJson(String json) {
        return evaluate(RequestReader.read(json));
    }

    /** Reads the contract's JSON strictly, then decides, embedding the request when asked. */
    public ExportDecision evaluateJson(String json, boolean withRequest) {
        return evaluate(RequestReader.read(json), withRequest);
    }

    /** The loaded rule set's version, digest and files. */
    public RulesetInfo ruleset() {
        return engine.get().ruleSet().info();
    }

    /** The compiled rule set (rule names and sources, loaded lists), for tooling such as coverage reports. */
    public RuleSet ruleSet() {
        return engine.get().ruleSet();
    }

    /**
     * Replaces the rules and lists of this running service, safely: the candidate is compiled and checked,
     * then every scenario of the given suites is run against it; only if all of that succeeds is it swapped in,
     * atomically. On any failure the old rules keep answering and the result carries the errors. Evaluations
     * in flight finish on the rules they started with.
     *
     * @param candidate    how to load the candidate (rules directory, list directories)
     * @param scenarioDirs directories of {@code *.scenario.yaml} suites the candidate must pass
     */
    public ReloadResult reload(Builder candidate, List<Path> scenarioDirs) {
        return reload(candidate, scenarioDirs, DEFAULT_RELOAD_TIMEOUT);
    }

    /** How long a reload may take to compile and test its candidate, by default. */
    public static final java.time.Duration DEFAULT_RELOAD_TIMEOUT = java.time.Duration.ofMinutes(5);

    /**
     * {@link #reload(Builder, List)} that gives up after {@code timeout}: the candidate is compiled and tested on a
     * thread of its own, and if that has not finished in time the reload is refused and the old rules keep serving.
     * No lock is held while a candidate is prepared, so a reload that hangs (a rule set that loops while its
     * scenarios run, say) never blocks later reloads; a candidate that timed out is never swapped in. Its thread
     * is interrupted and left to die as a daemon (a consequence that never returns cannot be stopped in the JVM).
     */
    public ReloadResult reload(Builder candidate, List<Path> scenarioDirs, java.time.Duration timeout) {
        java.util.concurrent.FutureTask<Object> task = new java.util.concurrent.FutureTask<>(
                () -> prepare(candidate, scenarioDirs));
        Thread worker = new Thread(task, "ftz-reload");
        worker.setDaemon(true);
        worker.start();
        Object prepared;
        try {
            prepared = task.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            LOG.warn("reload refused: the candidate was not compiled and tested within {}; the old rules keep serving",
                    timeout);
            return new ReloadResult(false, List.of("reload timed out after " + timeout + " (compiling the candidate "
                    + "and running its scenarios); the old rules keep serving"), ruleset());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return new ReloadResult(false, List.of("reload interrupted"), ruleset());
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("reload refused: {}", e.getCause().toString());
            return new ReloadResult(false, List.of(e.getCause().toString()), ruleset());
        }
        if (prepared instanceof ReloadResult refused) {
            return refused;
        }
        DecisionEngine nextEngine = (DecisionEngine) prepared;
        synchronized (this) {
            RulesetInfo old = ruleset();
            engine.set(nextEngine);
            LOG.info("reloaded rule set {} ({}) in place of {} ({})", nextEngine.ruleSet().info().version(),
                    nextEngine.ruleSet().info().digest(), old.version(), old.digest());
        }
        return new ReloadResult(true, List.of(), nextEngine.ruleSet().info());
    }

    /** Why a rule set is not allowed (its digest is not on the allowlist), or null when it is or there is none. */
    static String notAllowed(RuleSet rs, java.util.Set<String> allowed) {
        if (allowed == null || allowed.contains(rs.info().digest())) {
            return null;
        }
        return "rule set " + rs.info().version() + " (" + rs.info().digest() + ") is not on the allowlist of "
                + allowed.size() + " reviewed rule-set digest(s): review it, then add its digest";
    }

    /** Compiles and tests a candidate: its engine, or the ReloadResult that refuses it. */
    private Object prepare(Builder candidate, List<Path> scenarioDirs) {
        if (scenarioDirs.isEmpty() && candidate.needsSuites()) {
            // Checked first, before compiling: an empty list of suites would otherwise pass vacuously.
            LOG.warn("reload refused: no scenario suite for a non-bundled rule set; the old rules keep serving");
            return new ReloadResult(false, List.of(candidate.rulesDirectory + ": " + NO_SUITE), ruleset());
        }
        RuleSet next;
        try {
            // Every FTZ's rule base is built before the candidate can serve: one that cannot be built refuses the
            // reload here, instead of failing that FTZ's first request after the swap.
            next = candidate.loadRuleSet().buildAll();
        } catch (RuleSetException e) {
            LOG.warn("reload refused: rules or lists failed to load ({} problems); the old rules keep serving",
                    e.problems().size());
            return new ReloadResult(false, e.problems(), ruleset());
        } catch (RuntimeException e) {
            LOG.warn("reload refused: {}", e.toString());
            return new ReloadResult(false, List.of(e.toString()), ruleset());
        }
        String notAllowed = notAllowed(next, allowedDigests);
        if (notAllowed != null) {
            LOG.warn("reload refused: the candidate's digest is not on the allowlist of reviewed rule sets");
            return new ReloadResult(false, List.of(notAllowed), ruleset());
        }
        DecisionEngine nextEngine = new DecisionEngine(next, RuleSetLoader.engineVersion(), engine.get().deadline());
        SuiteRun suites = runSuites(nextEngine, clock, scenarioDirs);
        if (suites.abandoned()) {
            return new ReloadResult(false, List.of("reload abandoned"), ruleset());
        }
        if (!suites.failures().isEmpty()) {
            LOG.warn("reload refused: {} of {} scenarios failed against the candidate; the old rules keep serving",
                    suites.failures().size(), suites.run());
            return new ReloadResult(false, suites.failures(), ruleset());
        }
        LOG.info("reload candidate {} passed {} scenarios", next.info().digest(), suites.run());
        return nextEngine;
    }

    /** Why a non-bundled rule set without scenario suites is refused (build and reload). */
    static final String NO_SUITE = "no scenario suite given: a rule set that is not the bundled one must pass "
            + "scenario suites before it serves (on the command line: --scenarios DIR, or a scenarios/ folder in the "
            + "rules directory; in Java: Builder.scenarioSuites, or Builder.allowUnvalidatedRules() for a rule set "
            + "that is checked, not served)";

    /** What running a candidate's scenario suites found: how many ran, what failed, whether it was interrupted. */
    record SuiteRun(int run, List<String> failures, boolean abandoned) {
    }

    /**
     * The scenario gate a rule set that is not the bundled one passes before it serves, shared by {@link #reload}
     * and {@link Builder#build()} (with {@link Builder#scenarioSuites}): every scenario of every suite is decided
     * by the candidate engine and compared with its expectation. A suite folder that is malformed, missing or
     * holds no scenario is a failure too: a gate with nothing in it would let any rule set through.
     */
    static SuiteRun runSuites(DecisionEngine candidate, Clock clock, List<Path> scenarioDirs) {
        ExportDecisionService probe = new ExportDecisionService(candidate, clock);
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (Path dir : scenarioDirs) {
            try {
                List<Scenario> scenarios = ScenarioSuites.load(dir);
                if (scenarios.isEmpty()) {
                    failures.add(dir + ": no scenario in this folder (a rule set must pass scenarios to serve)");
                }
                for (Scenario s : scenarios) {
                    if (Thread.currentThread().isInterrupted()) {
                        return new SuiteRun(run, failures, true);
                    }
                    run++;
                    ScenarioResult r = ScenarioSuites.run(probe, s);
                    if (!r.passed()) {
                        failures.add(s.source() + ": " + String.join("; ", r.failures()));
                    }
                }
            } catch (RuntimeException e) {
                failures.add(dir + ": " + e.getMessage());
            }
        }
        return new SuiteRun(run, List.copyOf(failures), false);
    }

    /** What a reload did: whether the candidate went live, why not, and the rule set now serving. */
    public record ReloadResult(boolean reloaded, List<String> errors, RulesetInfo serving) {
        public ReloadResult {
            errors = List.copyOf(errors);
        }
    }

    /** Configures which rules and lists a service loads. */
    public static final class Builder {
        private Path rulesDirectory;
        private boolean bundledLists = true;
        private final List<Path> listDirectories = new ArrayList<>();
        private Clock clock = Clock.system(CHINA);
        private ExportLedger ledger;
        private String dateOverride;
        private java.time.Duration deadline = DecisionEngine.DEFAULT_DEADLINE;
        private java.util.Set<String> allowedDigests;
        private List<Path> scenarioSuites;
        private boolean unvalidatedRulesAllowed;

        /**
         * Scenario suites (folders of {@code *.scenario.yaml}) a rule set from a {@link #rulesDirectory} must pass
         * before {@link #build()} returns a service that serves it: the same gate as {@link #reload}. A failing
         * scenario, a malformed or empty suite folder makes {@code build()} throw {@link RuleSetException}. The
         * bundled rules are tested with the release and are not gated. A {@link #rulesDirectory} with neither
         * suites nor {@link #allowUnvalidatedRules()} is refused by {@code build()} (docs/security.md, "Rule sets").
         */
        public Builder scenarioSuites(java.util.Collection<Path> dirs) {
            this.scenarioSuites = dirs == null ? null : List.copyOf(dirs);
            return this;
        }

        /**
         * Lets a {@link #rulesDirectory} rule set be built (or reloaded) without passing scenario suites. For tools
         * that check a rule set rather than serve it (running its suites, coverage, replay, an admin's trial of a
         * candidate) and for tests; {@code build()} logs a warning each time. Named so that a reviewer sees it:
         * issue 13, a non-bundled rule set must pass scenario suites before it serves.
         */
        public Builder allowUnvalidatedRules() {
            this.unvalidatedRulesAllowed = true;
            return this;
        }

        /**
         * Only rule sets whose digest ({@code ruleset.digest} in every decision: rules, version file, catalog and
         * lists) is in this set may be loaded from a {@link #rulesDirectory} or swapped in by {@link #reload}; the
         * bundled rules are reviewed with the release. Null (the default) means no allowlist.
         */
        public Builder allowedRuleSetDigests(java.util.Collection<String> digests) {
            this.allowedDigests = digests == null ? null : java.util.Set.copyOf(digests);
            return this;
        }

        private Builder() {
        }

        /** Also load every {@code *.list.yaml} under this directory. */
        public Builder addListDirectory(Path dir) {
            listDirectories.add(Objects.requireNonNull(dir));
            return this;
        }

        /** Do not load the bundled (illustrative) lists; only the directories added. */
        public Builder withoutBundledLists() {
            bundledLists = false;
            return this;
        }

        /** Load DRL rules (and {@code ruleset.properties}) from this directory in place of the bundled ones. */
        public Builder rulesDirectory(Path dir) {
            rulesDirectory = dir;
            return this;
        }

        /** The clock that supplies the default evaluation date. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * How long one evaluation may fire rules before it is stopped and refused with {@link EvaluationException}
         * (default 10 s; a decision takes well under a millisecond). Checked before every rule firing; a firing
         * limit (10,000 + 500 per item) stops a looping rule set sooner. A single consequence that never returns
         * is not interruptible in the JVM: see docs/security.md.
         */
        public Builder evaluationDeadline(java.time.Duration deadline) {
            if (deadline.isNegative()) {
                throw new IllegalArgumentException("the evaluation deadline cannot be negative");
            }
            this.deadline = deadline;
            return this;
        }

        /**
         * Accept, through the ledger, evaluation dates other than the ledger's today for this stated reason, which
         * each ledger row and decision records (see {@link ExportDecisionService#withEvaluationDateOverride}).
         */
        public Builder evaluationDateOverride(String reason) {
            this.dateOverride = reason == null ? null : EvaluationDates.checkOverrideReason(reason);
            return this;
        }

        /**
         * Keep the annual totals in this ledger (docs/ledger.md): a request naming {@code processor.creditCode}
         * is decided with the ledger's totals and reserved in it. The caller keeps and closes the ledger.
         */
        public Builder ledger(ExportLedger ledger) {
            this.ledger = ledger;
            return this;
        }

        /** Loads and compiles everything, or throws {@link RuleSetException}: never a half-loaded service. */
        public ExportDecisionService build() {
            if (rulesDirectory != null && scenarioSuites == null) {
                if (!unvalidatedRulesAllowed) {
                    throw new RuleSetException(List.of(rulesDirectory + ": " + NO_SUITE));
                }
                LOG.warn("rule set from {} built WITHOUT scenario suites (allowUnvalidatedRules): it has not been "
                        + "checked against any scenario", rulesDirectory);
            }
            if (rulesDirectory != null && scenarioSuites != null) {
                checkSuitesBeforeCompiling();
            }
            RuleSet rs = loadRuleSet();
            if (rulesDirectory != null) {
                String notAllowed = notAllowed(rs, allowedDigests);
                if (notAllowed != null) {
                    throw new RuleSetException(List.of(rulesDirectory + ": " + notAllowed));
                }
            }
            DecisionEngine built = new DecisionEngine(rs, RuleSetLoader.engineVersion(), deadline);
            if (rulesDirectory != null && scenarioSuites != null) {
                SuiteRun suites = runSuites(built, clock, scenarioSuites);
                if (!suites.failures().isEmpty() || suites.abandoned()) {
                    List<String> problems = new ArrayList<>();
                    problems.add(rulesDirectory + ": refused: " + suites.failures().size() + " problem(s) in the "
                            + "scenario suites (" + suites.run() + " scenario(s) run); a rule set that is not the "
                            + "bundled one must pass them before it serves");
                    problems.addAll(suites.failures());
                    throw new RuleSetException(problems);
                }
                LOG.info("rule set {} from {} passed {} scenarios", rs.info().digest(), rulesDirectory, suites.run());
            }
            return new ExportDecisionService(new AtomicReference<>(built), clock, ledger,
                    dateOverride, allowedDigests);
        }

        /**
         * The cheap half of the scenario gate, before the rules are compiled: no suite at all, a suite folder that
         * is missing, malformed or holds no scenario refuses the rule set at once.
         */
        private void checkSuitesBeforeCompiling() {
            if (scenarioSuites.isEmpty()) {
                throw new RuleSetException(List.of(rulesDirectory + ": " + NO_SUITE));
            }
            List<String> problems = new ArrayList<>();
            for (Path dir : scenarioSuites) {
                try {
                    if (ScenarioSuites.load(dir).isEmpty()) {
                        problems.add(dir + ": no scenario in this folder (a rule set must pass scenarios to serve)");
                    }
                } catch (RuntimeException e) {
                    problems.add(dir + ": " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new RuleSetException(problems);
            }
        }

        /** Whether this candidate is a non-bundled rule set that must pass scenario suites before it serves. */
        boolean needsSuites() {
            return rulesDirectory != null && !unvalidatedRulesAllowed;
        }

        RuleSet loadRuleSet() {
            return RuleSetLoader.load(rulesDirectory, bundledLists, listDirectories);
        }
    }
}
