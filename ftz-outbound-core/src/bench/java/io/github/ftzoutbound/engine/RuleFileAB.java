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
 * beside it; a second copy of the full rule base shows the noise; the order of the variants is shuffled each round.
 * Groups of rules by shape (accumulate, not/exists) and by phase are measured the same way. Nothing here changes the rules the engine uses: each variant is a separate rule base.
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
        // A second copy of the full rule base: the spread between the two copies is the noise of the run.
        SameRulesProbe control = new SameRulesProbe(ruleSet, SameRulesProbe.freshBundledBase(), requests);
        variants.put("(all rules, control copy)", control);
        about.put("(all rules, control copy)", String.format("%.1f", control.meanFirings()) + " firings");
        for (String file : files) {
            int[] removed = new int[1];
            SameRulesProbe p = new SameRulesProbe(ruleSet, SameRulesProbe.without(ruleSet, file::equals, removed),
                    requests);
            variants.put(file, p);
            about.put(file, "-" + removed[0] + " rules, " + String.format("%.1f", p.meanFirings()) + " firings");
        }
        // Groups by shape and phase, read from the DRL text of each rule ("package/name" -> its when..then part).
        Map<String, String> lhs = new java.util.HashMap<>();
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile(
                "(?ms)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\".*?^\\s*salience\\s+(\\d+).*?^\\s*when\\s*$(.*?)^\\s*then\\s*$");
        for (SourceFile f : ClasspathFiles.under("rules", ".drl")) {
            java.util.regex.Matcher pm = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)").matcher(f.content());
            String pkg = pm.find() ? pm.group(1) : "";
            java.util.regex.Matcher m = rule.matcher(f.content());
            while (m.find()) {
                lhs.put(pkg + "/" + m.group(1), "salience " + m.group(2) + "\n" + m.group(3));
            }
        }
        System.out.println(lhs.size() + " rules read from the DRL text for the groups");
        Map<String, java.util.function.Predicate<String>> groups = new LinkedHashMap<>();
        groups.put("[shape] rules with an accumulate", t -> t.contains("accumulate("));
        groups.put("[shape] rules with not / exists, no accumulate",
                t -> !t.contains("accumulate(") && t.matches("(?s).*\\b(not|exists)\\b.*"));
        groups.put("[shape] rules with neither", t -> !t.contains("accumulate(")
                && !t.matches("(?s).*\\b(not|exists)\\b.*"));
        groups.put("[phase] annotate (salience 200)", t -> t.startsWith("salience 200\n"));
        groups.put("[phase] annotate, gathering with accumulate", t -> t.startsWith("salience 200\n")
                && t.contains("accumulate("));
        groups.put("[phase] classify (salience 500)", t -> t.startsWith("salience 500\n"));
        groups.put("[phase] propose (salience 400)", t -> t.startsWith("salience 400\n"));
        // Rules that never fire on these requests but stay in the rule base: what linking and evaluating them costs,
        // with the same firings (the other regimes' rules are never linked for a Zhejiang request).
        java.util.Set<String> fired = all.firedRules();
        Map<String, java.util.function.Predicate<String>> byKey = new LinkedHashMap<>();
        byKey.put("[silent] rules that never fire here", k -> !fired.contains(k));
        byKey.put("[silent] rules that never fire here, with an accumulate", k -> !fired.contains(k)
                && lhs.get(k).contains("accumulate("));
        byKey.put("[silent] rules that never fire here, without an accumulate", k -> !fired.contains(k)
                && !lhs.get(k).contains("accumulate("));
        byKey.put("[silent] rules of the Jiangsu regime", k -> lhs.get(k).contains("Regime.JIANGSU_FTZ"));
        for (Map.Entry<String, java.util.function.Predicate<String>> g : groups.entrySet()) {
            byKey.put(g.getKey(), k -> g.getValue().test(lhs.get(k)));
        }
        for (Map.Entry<String, java.util.function.Predicate<String>> g : byKey.entrySet()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            lhs.keySet().forEach(k -> {
                if (g.getValue().test(k)) {
                    names.add(k);
                }
            });
            SameRulesProbe p = new SameRulesProbe(ruleSet, SameRulesProbe.bundledBaseWithout(names::contains),
                    requests);
            variants.put(g.getKey(), p);
            about.put(g.getKey(), "-" + names.size() + " rules, " + String.format("%.1f", p.meanFirings()) + " firings");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        long sink = 0;
        List<Map.Entry<String, SameRulesProbe>> order = new ArrayList<>(variants.entrySet());
        java.util.Random random = new java.util.Random(14);
        for (int r = -Math.max(2, rounds / 4); r < rounds; r++) { // the first rounds warm up
            // A new order each round: no variant always runs first, or after the same one.
            java.util.Collections.shuffle(order, random);
            for (Map.Entry<String, SameRulesProbe> e : order) {
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
        double baseMin = min(times.get("(all rules)"));
        System.out.printf("%-66s %9s %9s %9s %9s  %s%n", "rule base", "median", "saved", "min", "saved",
                "rules, firings");
        for (String k : variants.keySet()) {
            List<Double> v = times.get(k);
            System.out.printf("%-66s %9.1f %9.1f %9.1f %9.1f  %s%n", k, median(v), base - median(v), min(v),
                    baseMin - min(v), about.get(k));
        }
        System.out.println(sink == 42 ? "" : "");
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
