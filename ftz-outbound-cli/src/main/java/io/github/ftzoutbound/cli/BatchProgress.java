package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.batch.BatchEvaluator;
import io.github.ftzoutbound.model.Texts;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Progress of {@code evaluate-batch} on standard error, drawn by the progressbar library (me.tongfei.progressbar).
 *
 * <p>On a terminal, a bar redrawn in place about five times a second, with lines per second and an ETA. Anywhere
 * else (standard error redirected to a file or a pipe, CI logs) one plain line every
 * {@value #PLAIN_INTERVAL_SECONDS} seconds and one at the end, which the README quotes:
 * {@code evaluate-batch: 12000/100000 lines (12%), 2400 lines/s, ETA 37s}.
 *
 * <p>The ETA is the remaining lines divided by a smoothed rate ({@link SmoothedRate}), not by the average since
 * the start: the first seconds of a batch are slow while the JVM warms up, and a running average kept predicting
 * several times the real remaining time (437 s predicted, 88 s actual).
 */
final class BatchProgress implements BatchEvaluator.Progress, AutoCloseable {
    static final int PLAIN_INTERVAL_SECONDS = 5;
    private final ProgressBar bar;
    private final SmoothedRate rate = new SmoothedRate(Duration.ofSeconds(10));

    /** The language of the lines, taken once on the command's thread: the library renders on its own thread. */
    private final Locale locale;

    BatchProgress(PrintWriter err, long total, boolean terminal) {
        this.locale = Main.language();
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName("evaluate-batch")
                .setInitialMax(Math.max(total, 0))
                .setUnit(Texts.text(Main.CONSOLE_BUNDLE, consoleLocale(locale), "progress.unit"), 1)
                .showSpeed()
                .setEtaFunction(this::eta);
        if (terminal) {
            b.setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .setMaxRenderedLength(100)
                    .setConsumer(new DelegatingProgressBarConsumer(text -> {
                        err.print('\r' + text);
                        err.flush();
                    }, 100));
        } else {
            b.setUpdateIntervalMillis(PLAIN_INTERVAL_SECONDS * 1000)
                    .setRenderer((state, width) -> plainLine(state.getCurrent(), state.getMax(), speed(state),
                            eta(state), locale))
                    .setConsumer(new DelegatingProgressBarConsumer(new LineOnce(err), 200));
        }
        this.bar = b.build();
    }

    @Override
    public void done(long lines, long nanosSoFar) {
        rate.sample(nanosSoFar, lines);
        bar.stepTo(lines);
    }

    @Override
    public void close() {
        bar.close();
    }

    private Optional<Duration> eta(ProgressState state) {
        return rate.eta(state.getMax() - state.getCurrent());
    }

    private double speed(ProgressState state) {
        long elapsed = state.getElapsedAfterStart().toNanos();
        return elapsed <= 0 ? 0 : state.getCurrent() * 1e9 / elapsed;
    }

    /** The non-terminal line in English: {@code evaluate-batch: 12000/100000 lines (12%), 2400 lines/s, ETA 37s}. */
    static String plainLine(long done, long total, double perSecond, Optional<Duration> eta) {
        return plainLine(done, total, perSecond, eta, Locale.ENGLISH);
    }

    /**
     * The non-terminal line in {@code locale}'s language (Console.properties, Console_zh.properties): with Chinese,
     * {@code evaluate-batch：12000/100000 行（12%），每秒 2400 行，预计剩余 37 秒}. The figures are the same in both.
     */
    static String plainLine(long done, long total, double perSecond, Optional<Duration> eta, Locale locale) {
        Locale l = consoleLocale(locale);
        String counts = total > 0
                ? Texts.text(Main.CONSOLE_BUNDLE, l, "progress.counts", done, total, done * 100 / total)
                : Texts.text(Main.CONSOLE_BUNDLE, l, "progress.lines", done);
        return Texts.text(Main.CONSOLE_BUNDLE, l, "progress.line", counts,
                String.format(Locale.ROOT, "%.0f", perSecond), eta.map(d -> Texts.text(Main.CONSOLE_BUNDLE, l,
                        "progress.seconds", d.toSeconds())).orElse(Texts.text(Main.CONSOLE_BUNDLE, l,
                        "progress.unknown")));
    }

    /** ROOT (the base file, English) unless Chinese: the bundle is looked up without the JVM locale's fallback. */
    private static Locale consoleLocale(Locale locale) {
        return Texts.chinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
    }

    /** Prints each rendered line once: the library renders again on close, which would repeat the last line. */
    private static final class LineOnce implements java.util.function.Consumer<String> {
        private final PrintWriter err;
        private String last;

        LineOnce(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void accept(String line) {
            if (!line.equals(last)) {
                err.println(line);
                err.flush();
                last = line;
            }
        }
    }
}
