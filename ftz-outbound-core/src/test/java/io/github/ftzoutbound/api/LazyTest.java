package io.github.ftzoutbound.api;

import io.github.ftzoutbound.TestServices;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memo behind a decision's texts and request digest (issue 14, step 4): computed once, on first read, and the
 * same value for every reader, however many threads read first at once. The assertions hold for every
 * interleaving (no timing): a barrier only makes simultaneous first reads likely.
 */
class LazyTest {
    private static final int THREADS = 8;

    /** Every thread's value, all read after one barrier. */
    private static <T> List<T> readTogether(Function<Integer, T> read) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int n = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return read.apply(n);
                }));
            }
            List<T> values = new ArrayList<>();
            for (Future<T> f : futures) {
                values.add(f.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentFirstReadsComputeOnceAndSeeOneValue() throws Exception {
        for (int round = 0; round < 50; round++) {
            AtomicInteger computed = new AtomicInteger();
            Lazy<Object> lazy = Lazy.of(() -> {
                computed.incrementAndGet();
                return new Object();
            });
            assertFalse(lazy.computed());
            List<Object> values = readTogether(n -> lazy.get());
            assertEquals(1, computed.get(), "computed once");
            assertTrue(lazy.computed());
            for (Object v : values) {
                assertSame(values.get(0), v, "every reader sees the one value");
            }
        }
    }

    @Test
    void aFailedComputationIsNotMemoisedAndAKnownValueIsNeverComputed() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first read fails");
            }
            return "second";
        });
        assertThrows(IllegalStateException.class, lazy::get);
        assertFalse(lazy.computed(), "a failure leaves nothing memoised");
        assertEquals("second", lazy.get());
        assertEquals("second", lazy.get());
        assertEquals(2, calls.get());
        Lazy<String> known = Lazy.known(null);
        assertTrue(known.computed());
        assertEquals(null, known.get());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Lazy.known("a"), Lazy.of(() -> "a"));
        assertEquals(Lazy.known("a").hashCode(), Lazy.of(() -> "a").hashCode());
        assertFalse(Lazy.known("a").equals(Lazy.of(() -> "b")));
    }

    @Test
    void aDecisionReadFromManyThreadsAtOnceGivesOneDigestExplanationAndMessage() throws Exception {
        String json = Files.readString(Path.of("../docs/examples/jiangsu-scc-cumulative.json"));
        ExportDecision d = TestServices.bundled().evaluateJson(json);
        ExportDecision again = TestServices.bundled().evaluateJson(json);
        assertFalse(d.lazyRequestDigest().computed());
        List<String> digests = readTogether(n -> d.requestDigest());
        List<String> explanations = readTogether(n -> n % 2 == 0 ? d.items().get(0).explanation()
                : d.items().get(0).lazyExplanation().get().en());
        assertFalse(d.obligations().isEmpty() && d.warnings().isEmpty(), "the example has a duty or a warning");
        List<String> messages = readTogether(n -> d.obligations().isEmpty() ? d.warnings().get(0).messageZh()
                : d.obligations().get(0).messageZh());
        for (int t = 0; t < THREADS; t++) {
            assertSame(digests.get(0), digests.get(t));
            assertSame(explanations.get(0), explanations.get(t));
            assertSame(messages.get(0), messages.get(t));
        }
        assertNotNull(digests.get(0));
        assertNotNull(explanations.get(0));
        assertNotNull(messages.get(0));
        // The same values as a decision of the same request read from one thread: laziness changes no value.
        assertEquals(again.requestDigest(), digests.get(0));
        assertEquals(again.items().get(0).explanation(), explanations.get(0));
    }
}
