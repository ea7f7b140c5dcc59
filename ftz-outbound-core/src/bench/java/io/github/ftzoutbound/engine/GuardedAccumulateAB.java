package io.github.ftzoutbound.engine;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A/B of the guarded gathering accumulates (docs/performance.md, "Guarded gathering accumulates (2026-12-01)"): since
 * rule set 2026.11.30-7 each gathering accumulate of the bundled DRL,
 * {@code $items : List( size > 0 ) from accumulate( P, collectList( $i ) )}, has {@code exists P'} (P without its
 * bindings, or P's first pattern) right before it, so that the rule stays unlinked while nothing matches. This
 * compares the bundled DRL ("guarded") with a copy without those guard lines ("plain", the rule base before the
 * change). Both arms are compiled from DRL at run time (the executable model's code generator is not on the class
 * path, so this compares DRL-compiled bases with each other, not with the precompiled one); the same-rules probe checks
 * that both fire the same rules the same number of times on the benchmark's requests, then times them interleaved
 * (thread CPU time). Arguments: items (default 10), rounds (default 20), evaluations per round (default 200).
 */
public final class GuardedAccumulateAB {
    /** A guard line: an exists right before the line that starts a gathering accumulate. */
    private static final Pattern GUARD = Pattern.compile(
            "(?m)^[ \\t]*exists [^\\n]*\\n(?=[ \\t]*\\$\\w+ : List\\( size > 0 \\) from accumulate\\( )");

    private GuardedAccumulateAB() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        RuleSet ruleSet = ExportDecisionService.bundled().ruleSet();
        ExportRequest[] requests = new ExportRequest[64];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = Requests.zhejiangEcommerce(items, i);
        }
        KieHelper plain = new KieHelper();
        KieHelper guarded = new KieHelper();
        int removed = 0;
        for (SourceFile f : ClasspathFiles.under("rules", ".drl")) {
            guarded.addContent(f.content(), ResourceType.DRL);
            Matcher m = GUARD.matcher(f.content());
            while (m.find()) {
                removed++;
            }
            plain.addContent(m.replaceAll(""), ResourceType.DRL);
        }
        System.out.println(removed + " exists guards of gathering accumulates removed in the plain arm");
        KieBase a = plain.build();
        KieBase b = guarded.build();
        SameRulesProbe pa = new SameRulesProbe(ruleSet, a, requests);
        SameRulesProbe pb = new SameRulesProbe(ruleSet, b, requests);
        System.out.printf("firings per request: plain %.2f, guarded %.2f; same rules fired: %s%n", pa.meanFirings(),
                pb.meanFirings(), pa.firedRules().equals(pb.firedRules()));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Double> ta = new ArrayList<>();
        List<Double> tb = new ArrayList<>();
        long sink = 0;
        for (int r = -Math.max(2, rounds / 4); r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                boolean first = (r + k) % 2 == 0; // alternate which arm goes first
                SameRulesProbe p = first ? pa : pb;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    sink += p.evaluate();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (r >= 0) {
                    (p == pa ? ta : tb).add((t1 - t0) / 1e3 / perRound);
                }
            }
        }
        System.out.printf("%d-item requests, thread CPU time per evaluation, median (min) of %d rounds of %d:%n"
                + "plain %.1f us (%.1f), guarded %.1f us (%.1f)%n", items, rounds, perRound, median(ta), min(ta),
                median(tb), min(tb));
        System.out.println(sink == 42 ? "" : "");
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double median(List<Double> v) {
        double[] x = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(x);
        return x[x.length / 2];
    }
}
