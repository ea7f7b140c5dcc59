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

    private ExportDecisionService(DecisionEngine engine, Clock clock) {
        this(new AtomicReference<>(engine), clock, null);
    }

    private ExportDecisionService(AtomicReference<DecisionEngine> engine, Clock clock, ExportLedger ledger) {
        this.engine = engine;
        this.clock = clock;
        this.ledger = ledger;
    }

    /**
     * This service deciding through an annual ledger (or through none, with null): the same rules, lists and
     * clock, and the same rule set even after a {@link #reload} of either. The caller keeps and closes the ledger.
     */
    public ExportDecisionService withLedger(ExportLedger ledger) {
        return new ExportDecisionService(engine, clock, ledger);
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
            throw new InvalidRequestException(List.of(new Problem("$.processor.exportedThisYear",
                    "must be left out when processor.creditCode is given and a ledger is configured: the ledger "
                            + "counts the processor's exports of the year itself")));
        }
        DecisionEngine current = engine.get();
        ReservationRequest reservation = new ReservationRequest(p.creditCode(), dated.evaluationDate(),
                dated.requestId(), dated.requestPersons());
        try {
            return ledger.reserve(reservation, snapshot -> {
                ExportRequest evaluated = dated.withExportedThisYear(snapshot.totalsBefore());
                ExportDecision d = current.evaluate(evaluated, clock.instant(), snapshot);
                if (withRequest) {
                    d = d.withRequest(evaluated);
                }
                return new Reservation<>(d, d.decisionId(), d.pathway(), basisExempt(evaluated, d));
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
    public synchronized ReloadResult reload(Builder candidate, List<Path> scenarioDirs) {
        RuleSet next;
        try {
            next = candidate.loadRuleSet();
        } catch (RuleSetException e) {
            LOG.warn("reload refused: rules or lists failed to load ({} problems); the old rules keep serving",
                    e.problems().size());
            return new ReloadResult(false, e.problems(), ruleset());
        } catch (RuntimeException e) {
            LOG.warn("reload refused: {}", e.toString());
            return new ReloadResult(false, List.of(e.toString()), ruleset());
        }
        DecisionEngine nextEngine = new DecisionEngine(next, RuleSetLoader.engineVersion());
        ExportDecisionService probe = new ExportDecisionService(nextEngine, clock);
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (Path dir : scenarioDirs) {
            try {
                for (Scenario s : ScenarioSuites.load(dir)) {
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
        if (!failures.isEmpty()) {
            LOG.warn("reload refused: {} of {} scenarios failed against the candidate; the old rules keep serving",
                    failures.size(), run);
            return new ReloadResult(false, failures, ruleset());
        }
        RulesetInfo old = ruleset();
        engine.set(nextEngine);
        LOG.info("reloaded rule set {} ({}) in place of {} ({}); {} scenarios passed", next.info().version(),
                next.info().digest(), old.version(), old.digest(), run);
        return new ReloadResult(true, List.of(), next.info());
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
         * Keep the annual totals in this ledger (docs/ledger.md): a request naming {@code processor.creditCode}
         * is decided with the ledger's totals and reserved in it. The caller keeps and closes the ledger.
         */
        public Builder ledger(ExportLedger ledger) {
            this.ledger = ledger;
            return this;
        }

        /** Loads and compiles everything, or throws {@link RuleSetException}: never a half-loaded service. */
        public ExportDecisionService build() {
            return new ExportDecisionService(new AtomicReference<>(
                    new DecisionEngine(loadRuleSet(), RuleSetLoader.engineVersion())), clock, ledger);
        }

        RuleSet loadRuleSet() {
            return RuleSetLoader.load(rulesDirectory, bundledLists, listDirectories);
        }
    }
}
