package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.api.ExportDecisionService;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The bundled rule set, loaded on a second thread while the main thread builds picocli's model, parses the command
 * line and reads the request (docs/performance.md, Cold start). On a two-core machine the two halves of a cold start
 * overlap instead of following each other.
 *
 * <p>Only the bundled rule set with the bundled lists is loaded ahead, the service {@code
 * ExportDecisionService.builder().build()} returns: it depends on no option. A command takes it only when its parsed
 * options describe exactly that rule set ({@link #take}); with {@code --rules}, {@code --lists},
 * {@code --no-bundled-lists} or an allowlist of digests it builds its own, as before, and the preloaded one is
 * dropped. The arguments are only glanced at to decide whether to start (an argument file, {@code @FILE}, may still
 * name {@code --rules}: the parsed options decide, not the glance).
 *
 * <p>Off by default; {@code -Dftz.cli.preload=true} (in {@code JAVA_OPTS}) turns it on. With picocli's classes in
 * the AppCDS archive the main thread has little left to do before it needs the rule set, and on the shared two-core
 * machine it was measured no faster (docs/performance.md, Cold start); it stays, tested, for a quiet multi-core host.
 *
 * <p>Fail-closed exactly as before: a load that failed in the background throws its own exception, unchanged, at the
 * point where the command would have built the service, so its message and exit code are those of a load on the
 * main thread (3 for a {@code RuleSetException}, 1 for anything else). Nothing is decided from a half-loaded rule set:
 * the command waits for the whole load.
 */
final class RuleSetPreload {
    /** Commands that build the service from {@link Main.ListOptions} when they run. */
    static final Set<String> COMMANDS = Set.of("evaluate", "evaluate-batch", "explain", "replay", "test", "coverage");

    /** Options that describe another rule set, or that make the command print and stop before loading anything. */
    private static final List<String> NOT_BUNDLED = List.of("--rules", "--lists", "--no-bundled-lists",
            "--allowed-digests");
    private static final Set<String> STOPS_EARLY = Set.of("-h", "--help", "-V", "--version");

    /** The load under way, at most one per process (set by {@link Main#main}); taken once. */
    private static final AtomicReference<FutureTask<ExportDecisionService>> PENDING = new AtomicReference<>();

    private RuleSetPreload() {
    }

    /**
     * Starts loading the bundled rule set on a daemon thread when the arguments name a command that will need it and
     * nothing in them or in the environment asks for another one. Returns whether it started.
     */
    static boolean startFor(String[] args, String allowedDigestsEnv) {
        // Off unless asked for (-Dftz.cli.preload=true): measured on the shared two-core machine, with picocli in the
        // archive the overlap hid less than the third busy thread cost (docs/performance.md, Cold start).
        if (!"true".equals(System.getProperty("ftz.cli.preload")) || !wanted(args, allowedDigestsEnv)) {
            return false;
        }
        return start(() -> {
            // The preload thread builds every FTZ's rule base too: the command's request then finds its base built.
            ExportDecisionService s = ExportDecisionService.builder().build();
            s.ruleSet().buildAll();
            return s;
        });
    }

    /** Whether these arguments (and $FTZ_ALLOWED_DIGESTS) call for the bundled rule set: a guess, see the class. */
    static boolean wanted(String[] args, String allowedDigestsEnv) {
        if (allowedDigestsEnv != null && !allowedDigestsEnv.isEmpty()) {
            return false;
        }
        if (!COMMANDS.contains(String.valueOf(Main.commandName(args)))) {
            return false;
        }
        for (String arg : args) {
            if (STOPS_EARLY.contains(arg) || arg.startsWith("@")
                    || NOT_BUNDLED.stream().anyMatch(o -> arg.equals(o) || arg.startsWith(o + "="))) {
                return false;
            }
        }
        return true;
    }

    /** Starts this load on a daemon thread (package-private: tests give a load that fails). */
    static boolean start(Supplier<ExportDecisionService> load) {
        FutureTask<ExportDecisionService> task = new FutureTask<>(load::get);
        if (!PENDING.compareAndSet(null, task)) {
            return false;
        }
        Thread thread = new Thread(task, "ftz-rules-preload");
        // A command that stops before it needs the rules (bad input: exit 2) must not wait for them to exit.
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Drops a load nobody took (tests). */
    static void clear() {
        FutureTask<ExportDecisionService> task = PENDING.getAndSet(null);
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * The preloaded service when these options describe the bundled rule set and a load was started, waiting for
     * it to finish; null otherwise (the caller builds its own, as before). A failed load throws what it threw.
     */
    static ExportDecisionService take(Main.ListOptions options) {
        if (options.rules != null || !options.lists.isEmpty() || options.noBundledLists
                || options.allowedDigests != null) {
            clear();
            return null;
        }
        FutureTask<ExportDecisionService> task = PENDING.getAndSet(null);
        if (task == null) {
            return null;
        }
        long start = System.nanoTime();
        try {
            ExportDecisionService service = task.get();
            // How long the main thread waited for the second one: what the overlap did not hide (Cold start).
            // The logger is looked up here, not in a static field: slf4j starts on the preload thread, not on main.
            org.slf4j.LoggerFactory.getLogger(RuleSetPreload.class).debug("waited {} ms for the preloaded rule set", (System.nanoTime() - start) / 1_000_000);
            return service;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rule set was loading", e);
        } catch (CancellationException e) {
            return null;
        }
    }
}
