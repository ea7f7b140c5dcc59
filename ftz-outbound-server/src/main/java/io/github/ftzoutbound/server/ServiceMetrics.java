package io.github.ftzoutbound.server;

import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.RulesetInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus metrics (Micrometer): decisions by pathway, regime and rule-set digest; decision latency as a
 * histogram; invalid and rejected requests; the serving rule set as an info gauge. No request content in labels.
 */
public final class ServiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<RulesetInfo> serving = new AtomicReference<>();
    private final Counter invalid;
    private final Counter rejected;

    ServiceMetrics() {
        invalid = Counter.builder("ftz.requests.invalid").description("Requests refused as invalid input")
                .register(registry);
        rejected = Counter.builder("ftz.requests.rejected").description("Requests refused at the concurrency limit")
                .register(registry);
    }

    void ruleset(RulesetInfo info) {
        RulesetInfo old = serving.getAndSet(info);
        if (old != null) {
            registry.find("ftz.ruleset.info").tag("digest", old.digest()).meters().forEach(registry::remove);
        }
        Gauge.builder("ftz.ruleset.info", () -> 1).description("The rule set serving (1), by version and digest")
                .tag("version", info.version()).tag("digest", info.digest()).register(registry);
    }

    void decided(ExportDecision d, long nanos) {
        decidedInBatch(d);
        Timer.builder("ftz.decision.latency").description("Time to validate and decide one request")
                .publishPercentileHistogram().tag("pathway", d.pathway().name()).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void decidedInBatch(ExportDecision d) {
        Counter.builder("ftz.decisions").description("Decisions made, by pathway, regime and rule-set digest")
                .tag("pathway", d.pathway().name())
                .tag("regime", d.regime() == null ? "NONE" : d.regime().name())
                .tag("ruleset_digest", d.ruleset().digest())
                .register(registry).increment();
    }

    void invalid() {
        invalid.increment();
    }

    void rejected() {
        rejected.increment();
    }

    String scrape() {
        return registry.scrape();
    }
}
