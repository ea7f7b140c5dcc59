package io.github.ftzoutbound.batch;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.InvalidRequestException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Evaluates a stream of requests, one JSON object per line, on several threads, writing one decision or error
 * record per line in input order. Memory stays constant whatever the input size: at most {@code window}
 * lines are in flight; the reader waits for the writer.
 */
public final class BatchEvaluator {
    /** What a batch did. */
    public record Summary(long lines, long decided, long errors, Map<String, Long> byPathway, long nanos) {
        public double perSecond() {
            return nanos == 0 ? 0 : (decided + errors) * 1e9 / nanos;
        }
    }

    /** Progress as the batch goes: lines done so far. */
    public interface Progress {
        void done(long lines, long nanosSoFar);
    }

    private final ExportDecisionService service;
    private final int threads;
    private final boolean withRequest;
    private final Function<ExportDecision, Object> shape;

    /**
     * @param shape how a decision is written (the full decision, or a leaner view); the same for every line
     */
    public BatchEvaluator(ExportDecisionService service, int threads, boolean withRequest,
                          Function<ExportDecision, Object> shape) {
        this.service = service;
        this.threads = Math.max(1, threads);
        this.withRequest = withRequest;
        this.shape = shape;
    }

    private record Result(String json, String pathway) {
    }

    public Summary run(BufferedReader in, Writer out, Progress progress) throws IOException {
        long start = System.nanoTime();
        int window = threads * 256;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ftz-batch");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Result>> inFlight = new ArrayDeque<>(window);
        long lineNo = 0;
        Tally tally = new Tally();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                final String text = line;
                final long n = lineNo;
                inFlight.add(pool.submit(() -> evaluate(text, n)));
                if (inFlight.size() >= window) {
                    tally.write(take(inFlight), out);
                    progress.done(tally.done(), System.nanoTime() - start);
                }
            }
            while (!inFlight.isEmpty()) {
                tally.write(take(inFlight), out);
                progress.done(tally.done(), System.nanoTime() - start);
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return new Summary(lineNo, tally.decided, tally.errors, tally.byPathway, System.nanoTime() - start);
    }

    /** Writes results in order and counts them. */
    private static final class Tally {
        long decided;
        long errors;
        final Map<String, Long> byPathway = new TreeMap<>();

        void write(Result r, Writer out) throws IOException {
            if (r.pathway == null) {
                errors++;
            } else {
                decided++;
                byPathway.merge(r.pathway, 1L, Long::sum);
            }
            out.write(r.json);
            out.write('\n');
        }

        long done() {
            return decided + errors;
        }
    }

    private static Result take(ArrayDeque<Future<Result>> inFlight) throws IOException {
        try {
            return inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private Result evaluate(String line, long lineNo) {
        try {
            ExportDecision d = service.evaluateJson(line, withRequest);
            return new Result(DecisionJson.toJson(shape.apply(d), false), d.pathway().name());
        } catch (InvalidRequestException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", lineNo);
            m.put("error", "invalid-input");
            m.put("problems", e.problems());
            return new Result(DecisionJson.toJson(m, false), null);
        } catch (RuntimeException e) {
            // One bad line never stops the batch; the record says what happened to it.
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", lineNo);
            m.put("error", e instanceof EvaluationException ? "failure" : "internal-error");
            m.put("message", e.getMessage());
            return new Result(DecisionJson.toJson(m, false), null);
        }
    }

    /** A progress reporter: a bar redrawn in place on a terminal, a plain line every few seconds otherwise. */
    public static Progress reporter(Consumer<String> sink, long total, boolean terminal) {
        return new Progress() {
            long lastNanos = -1;

            @Override
            public void done(long lines, long nanos) {
                long interval = terminal ? 200_000_000L : 5_000_000_000L;
                if (lastNanos >= 0 && nanos - lastNanos < interval && lines != total) {
                    return;
                }
                lastNanos = nanos;
                double rate = nanos == 0 ? 0 : lines * 1e9 / nanos;
                String eta = total > 0 && rate > 0 ? String.format("%.0fs", (total - lines) / rate) : "?";
                String counts = total > 0 ? lines + "/" + total : Long.toString(lines);
                if (terminal) {
                    int width = 30;
                    int filled = total > 0 ? (int) (width * Math.min(1.0, (double) lines / total)) : 0;
                    sink.accept("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + counts
                            + String.format(" %.0f/s ETA %s ", rate, eta));
                } else {
                    sink.accept("evaluate-batch: " + counts + String.format(" done, %.0f/s, ETA %s%n", rate, eta));
                }
            }
        };
    }
}
