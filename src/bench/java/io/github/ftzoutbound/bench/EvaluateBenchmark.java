package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
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
 * the plain-Java floor of the national rows on the same requests. SampleTime mode gives p50 and p99.
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
    private int next;

    @Setup
    public void setUp() {
        service = ExportDecisionService.bundled();
        requests = new ExportRequest[64];
        json = new String[64];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = Requests.request(items, i);
            json[i] = Requests.json(items, i);
        }
        // Rule firings per request (one trace entry per firing), printed once: the issue-14 counter.
        long firings = 0;
        for (ExportRequest r : requests) {
            firings += service.evaluate(r).trace().size();
        }
        System.out.printf("firings per %d-item request: %.1f%n", items, firings / (double) requests.length);
    }

    @Benchmark
    public ExportDecision engine() {
        return service.evaluate(requests[next++ & 63]);
    }

    @Benchmark
    public Pathway floor() {
        return NationalFloor.decide(requests[next++ & 63]);
    }

    /** JSON in, decision JSON out: what evaluate-batch does per line. */
    @Benchmark
    public String engineJsonInOut() {
        return DecisionJson.toJson(service.evaluateJson(json[next++ & 63]), false);
    }
}
