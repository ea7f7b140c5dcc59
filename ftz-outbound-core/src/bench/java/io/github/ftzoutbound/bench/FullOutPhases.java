package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.DecisionRecord;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.api.Obligation;
import io.github.ftzoutbound.api.Warning;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Thread CPU time of each phase of "JSON in, full record out" (docs/performance.md, "Full record path"): read and
 * evaluate, the request digest, the lazy texts (explanations, notChosen, messages, trace), building the record
 * ({@link DecisionRecord#of}) and writing its JSON. Each phase is timed on its own with {@code ThreadMXBean} around
 * one operation, so that a later phase never pays for what an earlier one left lazy; the sum is what
 * {@code FixedCostProbe}'s {@code jsonFull} measures in one piece. Only the public API is used, so the same class
 * runs against an older build's classes (put them first on the class path) for a before/after pair.
 * Arguments: items per request (default 10), rounds (default 30), requests per round (default 200).
 */
public final class FullOutPhases {
    static final String[] PHASES = {"evaluate", "digest", "texts", "record", "write", "total"};

    private FullOutPhases() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Arm arm = new Arm(items);
        double[][] perRoundUs = new double[PHASES.length][rounds];
        for (int r = -rounds / 3; r < rounds; r++) { // the first third warms up
            long[] sum = arm.round(perRound);
            if (r >= 0) {
                for (int p = 0; p < PHASES.length; p++) {
                    perRoundUs[p][r] = sum[p] / 1e3 / perRound;
                }
            }
        }
        System.out.printf("%d items, thread CPU time per request, median (min) of %d rounds of %d%n", items, rounds,
                perRound);
        print("", perRoundUs);
        System.out.println(arm.sink == 42 ? "" : "done");
    }

    /** One line per phase: median (minimum) of the rounds, µs per request. */
    static void print(String label, double[][] perRoundUs) {
        for (int p = 0; p < PHASES.length; p++) {
            double[] a = perRoundUs[p].clone();
            Arrays.sort(a);
            System.out.printf("%s%-9s %8.1f us (%.1f)%n", label, PHASES[p], a[a.length / 2], a[0]);
        }
    }

    /**
     * The measured loop on one build: {@link FullOutAB} makes one per class loader (main's classes, this branch's)
     * and alternates their rounds in one thread.
     */
    public static final class Arm {
        private final ExportDecisionService service = ExportDecisionService.bundled();
        private final String[] json = new String[64];
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private int next;
        long sink;

        public Arm(int items) {
            for (int i = 0; i < json.length; i++) {
                json[i] = Requests.zhejiangEcommerceJson(items, i);
            }
        }

        /** Thread CPU nanoseconds of each phase, summed over {@code perRound} requests. */
        public long[] round(int perRound) {
            long[] sum = new long[PHASES.length];
            for (int n = 0; n < perRound; n++) {
                long t0 = mx.getCurrentThreadCpuTime();
                ExportDecision d = service.evaluateJson(json[next++ & 63]);
                long t1 = mx.getCurrentThreadCpuTime();
                sink += d.requestDigest().length();
                long t2 = mx.getCurrentThreadCpuTime();
                sink += readTexts(d);
                long t3 = mx.getCurrentThreadCpuTime();
                DecisionRecord rec = DecisionRecord.of(d, DecisionRecord.Detail.FULL);
                long t4 = mx.getCurrentThreadCpuTime();
                sink += DecisionJson.toJson(rec, false).length();
                long t5 = mx.getCurrentThreadCpuTime();
                sum[0] += t1 - t0;
                sum[1] += t2 - t1;
                sum[2] += t3 - t2;
                sum[3] += t4 - t3;
                sum[4] += t5 - t4;
                sum[5] += t5 - t0;
            }
            return sum;
        }
    }

    /** Reads every lazy text of a decision, as a full record does, and returns a number so nothing is elided. */
    private static long readTexts(ExportDecision d) {
        long n = 0;
        for (ItemDecision i : d.items()) {
            n += length(i.explanation()) + length(i.explanationZh()) + i.notChosen().size();
        }
        for (Obligation o : d.obligations()) {
            n += length(o.message()) + length(o.messageZh());
        }
        for (Warning w : d.warnings()) {
            n += length(w.message()) + length(w.messageZh());
        }
        return n + d.trace().size();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
