package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.Requests;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;

/**
 * A loop of evaluations to profile with JFR (docs/performance.md, "Profile of the fixed part"): {@code items} items
 * per request, {@code seconds} seconds after a warm-up of as many seconds, answer only (what {@code engine} of
 * {@link EvaluateBenchmark} measures). With a third argument, the measured phase is
 * recorded with JFR's profile settings (1 ms samples) to that file.
 */
public final class Prof {
    private Prof() {
    }

    public static void main(String[] args) {
        int items = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        ExportDecisionService service = ExportDecisionService.bundled();
        ExportRequest[] requests = new ExportRequest[64];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = Requests.zhejiangEcommerce(items, i);
        }
        long sink = 0;
        jdk.jfr.Recording recording = null;
        for (int phase = 0; phase < 2; phase++) {
            if (phase == 1 && args.length > 2) {
                // Only the measured phase is recorded: the warm-up's interpreter and JIT frames would blur it.
                try {
                    recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                } catch (java.io.IOException | java.text.ParseException e) {
                    throw new IllegalStateException(e);
                }
                recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
                recording.start();
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long n = 0;
            while (System.nanoTime() < end) {
                sink += service.evaluate(requests[(int) (n++ & 63)]).pathway().ordinal();
            }
            System.out.printf("%s: %d evaluations of %d items%n", phase == 0 ? "warm-up" : "profiled", n, items);
        }
        if (recording != null) {
            recording.stop();
            try {
                recording.dump(java.nio.file.Path.of(args[2]));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
