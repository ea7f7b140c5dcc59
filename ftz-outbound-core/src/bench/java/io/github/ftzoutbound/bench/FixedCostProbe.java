package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.engine.EngineCounts;
import io.github.ftzoutbound.engine.SameRulesProbe;
import io.github.ftzoutbound.model.ExportRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Thread CPU time per operation of the engine beside the bare-Drools probe with the engine's counts, interleaved
 * round by round in one thread (docs/performance.md, "The fixed part per evaluation"). On a machine other builds
 * load, wall-clock figures measure the scheduler; thread CPU time and interleaving keep the ratio between the
 * engine and the probe meaningful. "same" is the project's own rule base on the engine's facts ({@link SameRulesProbe}). Arguments: rounds (default 40) and operations per round (default 200).
 */
public final class FixedCostProbe {
    private FixedCostProbe() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ExportDecisionService service = ExportDecisionService.bundled();
        Map<String, IntSupplier> ops = new LinkedHashMap<>();
        for (int items : new int[]{1, 10}) {
            ExportRequest[] requests = new ExportRequest[64];
            String[] json = new String[64];
            for (int i = 0; i < 64; i++) {
                requests[i] = Requests.zhejiangEcommerce(items, i);
                json[i] = Requests.zhejiangEcommerceJson(items, i);
            }
            EngineCounts counts = new EngineCounts(service, requests);
            BareDroolsProbe bare = new BareDroolsProbe(counts.rules, counts.facts,
                    (int) Math.round(counts.firings));
            System.out.printf("%d-item request: %s; bare probe fires %d%n", items, counts, bare.evaluate());
            int[] next = new int[1];
            ops.put("engine " + items, () -> service.evaluate(requests[next[0]++ & 63]).pathway().ordinal());
            ops.put("bare " + items, bare::evaluate);
            SameRulesProbe same = new SameRulesProbe(service.ruleSet(), requests);
            ops.put("same " + items, same::evaluate);
            // The same facts in one base of all 155 rules, as before the split per FTZ: "same" over "sameAll" is
            // what leaving the other FTZ's rules out saves Drools (docs/performance.md, One rule base per FTZ).
            SameRulesProbe sameAll = new SameRulesProbe(service.ruleSet(), SameRulesProbe.freshBundledBase(), requests);
            ops.put("sameAll " + items, sameAll::evaluate);
            ops.put("floor " + items, () -> NationalFloor.decide(requests[next[0]++ & 63]).ordinal());
            ops.put("jsonLean " + items, () -> DecisionJson.toJson(service.evaluateJson(json[next[0]++ & 63]),
                    DecisionRecord.Detail.LEAN, false).length());
            ops.put("jsonFull " + items, () -> DecisionJson.toJson(service.evaluateJson(json[next[0]++ & 63]),
                    DecisionRecord.Detail.FULL, false).length());
        }
        Map<String, double[]> sorted = CpuRounds.interleaved(ops, rounds, perRound);
        System.out.println("thread CPU time per operation, median (min) of " + rounds + " rounds of " + perRound);
        Map<String, Double> median = new LinkedHashMap<>();
        sorted.forEach((k, a) -> {
            median.put(k, CpuRounds.median(a));
            System.out.printf("%-12s %8.1f us (%.1f)%n", k, a[a.length / 2], a[0]);
        });
        for (int items : new int[]{1, 10}) {
            System.out.printf("engine/bare %d items: %.2f; same-rules/bare %.2f; engine - same-rules %.1f us%n", items,
                    median.get("engine " + items) / median.get("bare " + items),
                    median.get("same " + items) / median.get("bare " + items),
                    median.get("engine " + items) - median.get("same " + items));
            System.out.printf("same-rules (FTZ base)/same-rules (all rules) %d items: %.3f%n", items,
                    median.get("same " + items) / median.get("sameAll " + items));
        }
    }
}
