package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A/B of the rule files (issue 14 step 7, docs/performance.md "Issue 14: where the time goes"): the same-rules probe
 * ({@link SameRulesProbe}) on the full bundled rule base and, interleaved round by round in one thread, on a fresh
 * bundled rule base without the rules of one DRL file, for each file. Thread CPU time per evaluation, median of the
 * rounds. What a file costs is the full base's time minus the time without it; removing a file also removes what its
 * rules feed (no {@code ItemRuling} without resolution.drl, so no annotation fires), so the firings are printed
 * beside it. Nothing here changes the rules the engine uses: each variant is a separate rule base.
 * Arguments: items per request (default 10), rounds (default 12), evaluations per round (default 300).
 */
public final class RuleFileAB {
    private RuleFileAB() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        ExportDecisionService service = ExportDecisionService.bundled();
        RuleSet ruleSet = service.ruleSet();
        ExportRequest[] requests = new ExportRequest[64];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = Requests.zhejiangEcommerce(items, i);
        }
        TreeSet<String> files = new TreeSet<>();
        ruleSet.rules().forEach(r -> files.add(ruleSet.sourceOf(r)));
        Map<String, SameRulesProbe> variants = new LinkedHashMap<>();
        Map<String, String> about = new LinkedHashMap<>();
        SameRulesProbe all = new SameRulesProbe(ruleSet, SameRulesProbe.freshBundledBase(), requests);
        variants.put("(all rules)", all);
        about.put("(all rules)", ruleSet.rules().size() + " rules, " + String.format("%.1f", all.meanFirings())
                + " firings");
        for (String file : files) {
            int[] removed = new int[1];
            SameRulesProbe p = new SameRulesProbe(ruleSet, SameRulesProbe.without(ruleSet, file::equals, removed),
                    requests);
            variants.put(file, p);
            about.put(file, "-" + removed[0] + " rules, " + String.format("%.1f", p.meanFirings()) + " firings");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        long sink = 0;
        for (int r = -Math.max(2, rounds / 4); r < rounds; r++) { // the first rounds warm up
            for (Map.Entry<String, SameRulesProbe> e : variants.entrySet()) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    sink += e.getValue().evaluate();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (r >= 0) {
                    times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((t1 - t0) / 1e3 / perRound);
                }
            }
        }
        double base = median(times.get("(all rules)"));
        System.out.printf("%d-item requests, thread CPU time per evaluation, median of %d rounds of %d%n", items,
                rounds, perRound);
        System.out.printf("%-62s %9s %9s  %s%n", "rule base", "us", "saved", "rules, firings");
        times.forEach((k, v) -> System.out.printf("%-62s %9.1f %9.1f  %s%n", k, median(v), base - median(v),
                about.get(k)));
        System.out.println(sink == 42 ? "" : "");
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
