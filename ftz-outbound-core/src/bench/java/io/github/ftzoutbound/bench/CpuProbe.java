package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.DecisionJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.*;
import java.util.*;

/** Thread CPU time per evaluation (immune to the machine's load, unlike wall time): lean (answer only) and full JSON out. */
public class CpuProbe {
    public static void main(String[] a) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(a[0]));
        ExportDecisionService s = ExportDecisionService.bundled();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = Integer.parseInt(a[1]);
        for (int i = 0; i < n; i++) { s.evaluateJson(lines.get(i % lines.size())).pathway(); } // warm-up
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) { s.evaluateJson(lines.get(i % lines.size())).pathway(); }
        long t1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) { DecisionJson.toJson(s.evaluateJson(lines.get(i % lines.size())), false); }
        long t2 = mx.getCurrentThreadCpuTime();
        long firings = 0;
        for (int i = 0; i < 200; i++) { firings += s.evaluateJson(lines.get(i % lines.size())).trace().size(); }
        System.out.printf("answer only: %.1f us CPU/eval; full JSON out: %.1f us CPU/eval; firings/request %.1f%n",
            (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, firings / 200.0);
    }
}
