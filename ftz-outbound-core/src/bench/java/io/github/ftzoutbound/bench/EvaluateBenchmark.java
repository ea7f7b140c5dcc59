package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.engine.EngineCounts;
import io.github.ftzoutbound.engine.SameRulesProbe;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.Pathway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * In-process latency of one evaluation (bundled rules and lists) for 1-, 10- and 100-item requests, beside
 * the plain-Java floor of the national rows on the same requests and a bare Drools session with the same rule,
 * fact and firing counts (BareDroolsProbe) and the project's own rule base fired alone on the engine's facts
 * (SameRulesProbe), all in the same run. SampleTime mode gives p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluateBenchmark {
    @Param({"1", "10", "100"})
    public int items;

    private ExportDecisionService service;
    private ExportRequest[] requests;
    private String[] json;
    private BareDroolsProbe bare;
    private SameRulesProbe same;
    private int next;

    @Setup
    public void setUp() {
        service = ExportDecisionService.bundled();
        requests = new ExportRequest[64];
        json = new String[64];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = Requests.zhejiangEcommerce(items, i);
            json[i] = Requests.zhejiangEcommerceJson(items, i);
        }
        // What the engine gives Drools per request (rules, facts, firings: the issue-14 counter), printed once,
        // and a bare Drools session with the same counts, measured in the same run.
        EngineCounts counts = new EngineCounts(service, requests);
        int firings = (int) Math.round(counts.firings);
        // The probe has one firing per rule at most: past that (100 items) it would not have the same counts.
        bare = firings <= counts.rules ? new BareDroolsProbe(counts.rules, counts.facts, firings) : null;
        same = new SameRulesProbe(service.ruleSet(), requests);
        System.out.printf("%d-item request: %s; bare probe %s; same-rules probe fires %.1f%n", items, counts,
                bare == null ? "not comparable (more firings than rules)" : "fires " + bare.evaluate(),
                same.meanFirings());
    }

    @Benchmark
    public ExportDecision engine() {
        return service.evaluate(requests[next++ & 63]);
    }

    @Benchmark
    public Pathway floor() {
        return NationalFloor.decide(requests[next++ & 63]);
    }

    /** A bare Drools 10 session with the engine's rule, fact and firing counts (BareDroolsProbe). */
    @Benchmark
    public int bareDrools() {
        return bare == null ? -1 : bare.evaluate();
    }

    /**
     * Drools alone on our rules: the project's rule base in a reused session with the facts the engine inserts for
     * the same requests, the collector as the only global; no validation, assembly or JSON (SameRulesProbe).
     */
    @Benchmark
    public int sameRules() {
        return same.evaluate();
    }

    /** JSON in, decision JSON out: what evaluate-batch does per line. */
    @Benchmark
    public String engineJsonInOut() {
        return DecisionJson.toJson(service.evaluateJson(json[next++ & 63]), false);
    }

    /** The same with a lean record out (issue 14): citation ids and labels, no analysis computed. */
    @Benchmark
    public String engineJsonInLeanOut() {
        return DecisionJson.toJson(service.evaluateJson(json[next++ & 63]), DecisionRecord.Detail.LEAN, false);
    }
}
