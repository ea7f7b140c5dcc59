package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.RequestReader;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The engine with one rule base per FTZ against the same engine with one base of every rule (as before issue 14
 * item 3), interleaved round by round in one thread, thread CPU time (docs/performance.md, "One rule base per FTZ").
 * Zhejiang requests (120 of 155 rules) and the same requests of a processor in no FTZ (84 of 155). In the engine's
 * package only to give a rule set another way to build its bases; bench sources only.
 * Arguments: rounds (default 40) and operations per round (default 200).
 */
public final class FtzBaseAB {
    private FtzBaseAB() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        RuleSet split = RuleSetLoader.load(null, true, List.of());
        RuleSet one = split.withBaseBuilder(leftOut -> SameRulesProbe.freshBundledBase());
        DecisionEngine perFtz = new DecisionEngine(split, "ab");
        DecisionEngine allRules = new DecisionEngine(one, "ab");
        Map<String, IntSupplier> ops = new LinkedHashMap<>();
        for (String ftz : new String[]{"ZHEJIANG", "NONE"}) {
            for (int items : new int[]{1, 10}) {
                ExportRequest[] requests = new ExportRequest[64];
                for (int i = 0; i < 64; i++) {
                    String json = Requests.zhejiangEcommerceJson(items, i);
                    requests[i] = RequestReader.read(ftz.equals("NONE")
                            ? json.replace("\"ftz\":\"ZHEJIANG\",\"zone\":\"NINGBO\",", "\"ftz\":\"NONE\",") : json);
                    // Same decision either way (the A/B compares cost only).
                    if (perFtz.evaluate(requests[i], Instant.EPOCH).pathway()
                            != allRules.evaluate(requests[i], Instant.EPOCH).pathway()) {
                        throw new IllegalStateException("decisions differ for " + ftz + " " + i);
                    }
                }
                int[] next = new int[1];
                ops.put("perFtz " + ftz + " " + items,
                        () -> perFtz.evaluate(requests[next[0]++ & 63], Instant.EPOCH).pathway().ordinal());
                ops.put("allRules " + ftz + " " + items,
                        () -> allRules.evaluate(requests[next[0]++ & 63], Instant.EPOCH).pathway().ordinal());
            }
        }
        Map<String, double[]> sorted = io.github.ftzoutbound.bench.CpuRounds.interleaved(ops, rounds, perRound);
        System.out.println("thread CPU time per evaluation, median (min) of " + rounds + " rounds of " + perRound);
        sorted.forEach((k, a) -> System.out.printf("%-22s %8.1f us (%.1f)%n", k, a[a.length / 2], a[0]));
        for (String ftz : new String[]{"ZHEJIANG", "NONE"}) {
            for (int items : new int[]{1, 10}) {
                double[] a = sorted.get("perFtz " + ftz + " " + items);
                double[] b = sorted.get("allRules " + ftz + " " + items);
                System.out.printf("perFtz/allRules %s %d items: median %.3f, min %.3f%n", ftz, items,
                        a[a.length / 2] / b[b.length / 2], a[0] / b[0]);
            }
        }
    }
}
