package io.github.ftzoutbound.api;

import io.github.ftzoutbound.engine.DecisionEngine;
import io.github.ftzoutbound.engine.RuleSet;
import io.github.ftzoutbound.engine.RuleSetLoader;
import io.github.ftzoutbound.model.ExportRequest;
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

    private ExportDecisionService(DecisionEngine engine, Clock clock) {
        this.engine = new AtomicReference<>(engine);
        this.clock = clock;
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
        ExportRequest dated = request.evaluationDate() != null ? request
                : request.withEvaluationDate(LocalDate.now(clock.withZone(CHINA)));
        ExportDecision decision = engine.get().evaluate(dated, clock.instant());
        if (withRequest) {
            decision = decision.withRequest(dated);
        }
        // Ids and outcomes only: request content (names, counts) stays out of the logs.
        LOG.debug("decision {} for request {}: {}", decision.decisionId(), decision.requestId(), decision.pathway());
        return decision;
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

        /** Loads and compiles everything, or throws {@link RuleSetException}: never a half-loaded service. */
        public ExportDecisionService build() {
            return new ExportDecisionService(new DecisionEngine(loadRuleSet(), RuleSetLoader.engineVersion()), clock);
        }

        RuleSet loadRuleSet() {
            return RuleSetLoader.load(rulesDirectory, bundledLists, listDirectories);
        }
    }
}
