package io.github.ftzoutbound.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Thread CPU time of several operations, interleaved round by round in the calling thread, so that every operation
 * sees the same load and the same JIT state (docs/performance.md: on a shared 2-core machine this, not wall time,
 * is the figure for ratios). Shared by the bench mains that compare operations side by side.
 */
public final class CpuRounds {
    private CpuRounds() {
    }

    /**
     * Runs each operation {@code perRound} times per round, the operations one after the other, for {@code rounds}
     * rounds after a quarter as many warm-up rounds; returns per operation (in the map's order) the microseconds per
     * call of each round, sorted ascending (index 0 the minimum, {@code length / 2} the median).
     */
    public static Map<String, double[]> interleaved(Map<String, IntSupplier> ops, int rounds, int perRound) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> perOp = new LinkedHashMap<>();
        long sink = 0;
        for (int r = -rounds / 4; r < rounds; r++) { // the first quarter warms up
            for (Map.Entry<String, IntSupplier> e : ops.entrySet()) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    sink += e.getValue().getAsInt();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (r >= 0) {
                    perOp.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((t1 - t0) / 1e3 / perRound);
                }
            }
        }
        if (sink == 42) { // keeps the results alive so that the JIT cannot drop the calls
            System.out.print("");
        }
        Map<String, double[]> sorted = new LinkedHashMap<>();
        perOp.forEach((k, v) -> sorted.put(k, v.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
        return sorted;
    }

    public static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }
}
