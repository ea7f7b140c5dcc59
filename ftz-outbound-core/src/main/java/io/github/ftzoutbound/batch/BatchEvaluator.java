package io.github.ftzoutbound.batch;

import io.github.ftzoutbound.api.DecisionJson;
import io.github.ftzoutbound.api.EvaluationException;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.InvalidRequestException;
import io.github.ftzoutbound.model.Limits;
import io.github.ftzoutbound.model.Problem;
import io.github.ftzoutbound.model.Texts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Evaluates a stream of requests, one JSON object per line, on several threads, writing one decision or error
 * record per line in input order. Memory stays constant whatever the input size: at most {@code window}
 * lines are in flight; the reader waits for the writer.
 */
public final class BatchEvaluator {
    /** What a batch did. */
    public record Summary(long lines, long decided, long errors, Map<String, Long> byPathway, long nanos,
                          long failures) {
        /** A summary without failures counted apart. */
        public Summary(long lines, long decided, long errors, Map<String, Long> byPathway, long nanos) {
            this(lines, decided, errors, byPathway, nanos, 0);
        }

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
    /** Chinese (zh) adds messageZh to each problem of an error record; anything else writes English only. */
    private final Locale language;

    /**
     * @param shape how a decision is written (the full decision, or a leaner view); the same for every line
     */
    public BatchEvaluator(ExportDecisionService service, int threads, boolean withRequest,
                          Function<ExportDecision, Object> shape) {
        this(service, threads, withRequest, shape, Locale.ROOT);
    }

    /**
     * @param shape    how a decision is written (the full decision, or a leaner view); the same for every line
     * @param language the language of error records: for Chinese each problem carries a {@code messageZh} beside
     *                 its English {@code message} (the path and the English text stay as they are, as in the
     *                 single {@code evaluate}'s error record); any other language writes English only
     */
    public BatchEvaluator(ExportDecisionService service, int threads, boolean withRequest,
                          Function<ExportDecision, Object> shape, Locale language) {
        this.service = service;
        this.threads = Math.max(1, threads);
        this.withRequest = withRequest;
        this.shape = shape;
        this.language = language == null ? Locale.ROOT : language;
    }

    /** Consecutive ledger failures (in output order) after which a batch stops: the ledger is down. */
    public static final int MAX_CONSECUTIVE_LEDGER_FAILURES = 10;
    /** Longest wait before the next line after ledger failures; it doubles from 50 ms with each failure (at most 1 s). */
    static final long MAX_BACKOFF_MILLIS = 1_000;

    /**
     * @param failure the line failed for a reason other than its input (the rules, the ledger): the batch exits 1
     * @param ledger  the failure was the ledger's
     */
    private record Result(String json, String pathway, boolean failure, boolean ledger) {
        Result(String json, String pathway) {
            this(json, pathway, false, false);
        }
    }

    /** Consecutive ledger failures seen by the workers, for the back-off. */
    private final java.util.concurrent.atomic.AtomicInteger ledgerFailures = new java.util.concurrent.atomic.AtomicInteger();

    /** The batch stopped after {@link #MAX_CONSECUTIVE_LEDGER_FAILURES} ledger failures in a row. */
    public static final class LedgerDownException extends IOException {
        private final long written;

        LedgerDownException(long written, String lastMessage) {
            super(MAX_CONSECUTIVE_LEDGER_FAILURES + " ledger failures in a row (last: " + lastMessage + ")");
            this.written = written;
        }

        /** Records written before the batch stopped. */
        public long written() {
            return written;
        }
    }

    /** Writing the output failed (disk full, closed pipe): the batch stops, as its output would be lost. */
    public static final class OutputFailedException extends IOException {
        private final long written;

        OutputFailedException(long written, IOException cause) {
            super("output failed after " + written + " records: " + cause.getMessage(), cause);
            this.written = written;
        }

        /** Records handed to the writer before it failed (some may still have been lost in its buffer). */
        public long written() {
            return written;
        }
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
        BoundedLineReader lines = new BoundedLineReader(in, io.github.ftzoutbound.model.Limits.MAX_REQUEST_BYTES);
        try {
            BoundedLineReader.Line line;
            while ((line = lines.next()) != null) {
                lineNo++;
                final long n = lineNo;
                if (line.tooLong()) {
                    // Refused as it streamed past, never held: a request is at most 4 MiB.
                    long length = line.length();
                    inFlight.add(java.util.concurrent.CompletableFuture.completedFuture(tooLong(n, length)));
                } else {
                    if (line.text().isBlank()) {
                        continue;
                    }
                    final String text = line.text();
                    inFlight.add(pool.submit(() -> evaluate(text, n)));
                }
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
        try {
            out.flush();
        } catch (IOException e) {
            throw new OutputFailedException(tally.done(), e);
        }
        return new Summary(lineNo, tally.decided, tally.errors, tally.byPathway, System.nanoTime() - start,
                tally.failures);
    }

    /** Writes results in order and counts them. */
    private static final class Tally {
        long decided;
        long errors;
        long failures;
        int ledgerFailuresInARow;
        final Map<String, Long> byPathway = new TreeMap<>();

        void write(Result r, Writer out) throws IOException {
            if (r.pathway == null) {
                errors++;
                if (r.failure) {
                    failures++;
                }
            } else {
                decided++;
                byPathway.merge(r.pathway, 1L, Long::sum);
            }
            try {
                out.write(r.json);
                out.write('\n');
            } catch (IOException e) {
                throw new OutputFailedException(done() - 1, e);
            }
            ledgerFailuresInARow = r.ledger ? ledgerFailuresInARow + 1 : 0;
            if (ledgerFailuresInARow >= MAX_CONSECUTIVE_LEDGER_FAILURES) {
                out.flush();
                throw new LedgerDownException(done(), r.json);
            }
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

    private Result tooLong(long lineNo, long length) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", lineNo);
        m.put("error", "invalid-input");
        m.put("problems", inLanguage(List.of(Problem.of("$", "batch.lineTooLong", length, Limits.MAX_REQUEST_BYTES))));
        return new Result(DecisionJson.toJson(m, false), null);
    }

    /** The problems as written in an error record: as they are in English, with messageZh beside for Chinese. */
    private List<?> inLanguage(List<Problem> problems) {
        if (!Texts.chinese(language)) {
            return problems;
        }
        return problems.stream().map(p -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("message", p.message());
            m.put("messageZh", p.message(language));
            return m;
        }).toList();
    }

    private Result evaluate(String line, long lineNo) {
        backOff();
        try {
            ExportDecision d = service.evaluateJson(line, withRequest);
            Result r = new Result(DecisionJson.toJson(shape.apply(d), false), d.pathway().name());
            ledgerFailures.set(0);
            return r;
        } catch (io.github.ftzoutbound.ledger.LedgerException e) {
            // The database, not the line: count it, so that the next lines wait, and the batch stops if it stays down.
            ledgerFailures.incrementAndGet();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", lineNo);
            m.put("error", "ledger-failed");
            m.put("message", e.getMessage());
            return new Result(DecisionJson.toJson(m, false), null, true, true);
        } catch (InvalidRequestException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", lineNo);
            m.put("error", "invalid-input");
            m.put("problems", inLanguage(e.problems()));
            return new Result(DecisionJson.toJson(m, false), null);
        } catch (RuntimeException e) {
            // One bad line never stops the batch; the record says what happened to it.
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", lineNo);
            m.put("error", e instanceof EvaluationException ? "failure" : "internal-error");
            m.put("message", e.getMessage());
            return new Result(DecisionJson.toJson(m, false), null, true, false);
        }
    }

    /** After ledger failures, wait before the next line: 50 ms, doubling with each failure, at most 1 s. */
    private void backOff() {
        int failures = ledgerFailures.get();
        if (failures == 0) {
            return;
        }
        long millis = Math.min(MAX_BACKOFF_MILLIS, 50L << Math.min(failures - 1, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
