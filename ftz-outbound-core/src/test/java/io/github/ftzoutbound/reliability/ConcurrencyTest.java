package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.model.ExportRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One service, many threads, mixed requests (Java and JSON entry points): every thread gets exactly the decision
 * and trace a single thread gets, and every decision has its own id. (Reloading rules while evaluating is not a
 * feature yet; when it is, it belongs here.)
 */
class ConcurrencyTest {
    static final int REQUESTS = 1_200;
    static final int THREADS = 8;
    static final int PER_THREAD = 600;

    @Test
    void manyThreadsGetExactlyTheSerialResults() throws Exception {
        ExportDecisionService service = TestServices.reliability();
        long seed = new Random().nextLong();
        List<ExportRequest> requests = RequestGen.sample(REQUESTS, seed);
        List<String> json = requests.stream().map(Json::requestJson).toList();
        List<String> serial = new ArrayList<>(REQUESTS);
        for (ExportRequest r : requests) {
            serial.add(Json.canonical(service.evaluate(r), true));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> decisionIds = ConcurrentHashMap.newKeySet();
        Map<Integer, String> mismatches = new ConcurrentHashMap<>();
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed + t);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, random);
                List<Integer> mine = order.subList(0, PER_THREAD);
                boolean viaJson = t % 2 == 1;
                done.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i : mine) {
                        try {
                            ExportDecision d = viaJson ? service.evaluateJson(json.get(i)) : service.evaluate(requests.get(i));
                            decisionIds.add(d.decisionId());
                            String got = Json.canonical(d, true);
                            if (!got.equals(serial.get(i))) {
                                mismatches.putIfAbsent(i, Json.diff(serial.get(i), got));
                            }
                        } catch (RuntimeException e) {
                            mismatches.putIfAbsent(i, "  threw " + e);
                        }
                        n++;
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            assertEquals(THREADS * PER_THREAD, total);
        } finally {
            pool.shutdownNow();
        }
        if (!mismatches.isEmpty()) {
            int i = mismatches.keySet().iterator().next();
            fail(mismatches.size() + " of " + REQUESTS + " requests were decided differently under concurrency "
                    + "(seed " + seed + "); the first:\n" + json.get(i) + "\nserial vs concurrent:\n" + mismatches.get(i));
        }
        assertEquals(THREADS * PER_THREAD, decisionIds.size(), "decision ids must be unique");
        System.out.println("[ConcurrencyTest] seed " + seed + ": " + THREADS * PER_THREAD + " concurrent evaluations of "
                + REQUESTS + " requests matched the serial decisions and traces");
        assertTrue(serial.stream().anyMatch(s -> s.contains("NEGATIVE-LIST")), "the mix should reach the lists");
    }
}
