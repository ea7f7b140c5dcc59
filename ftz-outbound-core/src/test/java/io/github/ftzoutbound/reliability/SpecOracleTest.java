package io.github.ftzoutbound.reliability;

import io.github.ftzoutbound.TestServices;
import io.github.ftzoutbound.api.ExportDecision;
import io.github.ftzoutbound.api.ExportDecisionService;
import io.github.ftzoutbound.api.ItemDecision;
import io.github.ftzoutbound.model.ExportRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against a second, independent implementation of legal-reading.md ({@link SpecOracle}) on more than
 * 100,000 generated requests. Each try draws a batch of requests and evaluates them on all cores (one evaluation
 * costs a fraction of a millisecond; CI has two cores). A disagreement fails the build; jqwik then shrinks the
 * batch, and the failure names the first disagreeing request (as contract JSON, minimal after shrinking) and
 * every point of disagreement. Decide from legal-reading.md which side is wrong before touching either.
 */
class SpecOracleTest {
    static final int BATCH = 10;
    static final int TRIES = 11_000;
    static final int REQUIRED = 100_000;
    static final ExportDecisionService SERVICE = TestServices.reliability();
    static final SpecOracle ORACLE = new SpecOracle(RequestGen.LISTS);
    static final OracleCheck CHECK = new OracleCheck();
    static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "oracle-eval");
                t.setDaemon(true);
                return t;
            });
    static final AtomicInteger COMPARED = new AtomicInteger();
    static final AtomicInteger EXCLUDED = new AtomicInteger();
    static final AtomicIntegerArray ROWS = new AtomicIntegerArray(17);
    static final Map<String, Integer> CODES = new TreeMap<>();
    static volatile boolean failed;

    @Provide
    Arbitrary<List<ExportRequest>> batches() {
        return RequestGen.requests().list().ofSize(BATCH);
    }

    @Property(tries = TRIES)
    void theEngineDecidesAsTheLegalReadingSays(@ForAll("batches") List<ExportRequest> batch) throws Exception {
        List<Future<String>> outcomes = new ArrayList<>(batch.size());
        for (ExportRequest request : batch) {
            outcomes.add(POOL.submit(() -> compare(request)));
        }
        for (Future<String> outcome : outcomes) {
            String problem;
            try {
                problem = outcome.get();
            } catch (ExecutionException e) {
                failed = true;
                throw new AssertionError(e.getCause().getMessage(), e.getCause());
            }
            if (problem != null) {
                failed = true;
                throw new AssertionError(problem);
            }
        }
    }

    /** Null when the engine decides as the reading says, else the request and the disagreements. */
    static String compare(ExportRequest request) {
        SpecOracle.Expectation expected = ORACLE.decide(request);
        if (knownDiscrepancy(request)) {
            EXCLUDED.incrementAndGet();
            return null;
        }
        ExportDecision decision;
        try {
            decision = SERVICE.evaluate(request);
        } catch (RuntimeException e) {
            return "the engine threw " + e + " on this valid request:\n" + Json.requestJson(request);
        }
        List<String> problems = CHECK.disagreements(expected, decision);
        COMPARED.incrementAndGet();
        for (ItemDecision i : decision.items()) {
            ROWS.incrementAndGet(i.row());
        }
        synchronized (CODES) {
            decision.obligations().forEach(o -> CODES.merge("obligation " + o.code(), 1, Integer::sum));
            decision.warnings().forEach(w -> CODES.merge("warning " + w.code(), 1, Integer::sum));
        }
        if (problems.isEmpty()) {
            return null;
        }
        return "the engine and legal-reading.md (SpecOracle) disagree on this request:\n"
                + Json.requestJson(request) + "\n" + String.join("\n", problems);
    }

    /**
     * Inputs on which the engine is known to depart from the reading, reported and left out here so that the
     * comparison keeps guarding everything else. Each names the discrepancy; remove it once fixed. None today:
     * the project's documented readings (docs/legal-reading.md, "Where this project reads the law differently":
     * NDSR 28 counting sensitive persons too, row 7a reported as row 7, JS 24 / ZJ 18 only where no list covers
     * the sector) are followed by the oracle.
     */
    static boolean knownDiscrepancy(ExportRequest r) {
        return false;
    }

    /** The comparison proves little unless it ran 100,000 times and reached every row and every code of the reading. */
    @AfterContainer
    static void enoughComparisonsReachingEveryRowAndCode() {
        StringBuilder report = new StringBuilder("rows decided:");
        for (int row = 1; row <= 16; row++) {
            report.append(' ').append(row).append('=').append(ROWS.get(row));
        }
        System.out.println("[SpecOracleTest] " + COMPARED.get() + " requests compared, " + EXCLUDED.get()
                + " left out as known discrepancies\n[SpecOracleTest] " + report + "\n[SpecOracleTest] codes: " + CODES
                + "\n[SpecOracleTest] codes the spec does not define (not judged): " + CHECK.unjudgedCodes);
        if (failed) {
            return; // the disagreement is the news; counts after shrinking mean nothing
        }
        assertTrue(COMPARED.get() >= REQUIRED, "only " + COMPARED.get() + " requests were compared; "
                + REQUIRED + " are required");
        for (int row = 1; row <= 16; row++) {
            assertTrue(ROWS.get(row) >= REQUIRED / 1000, "row " + row + " was reached too rarely: " + report);
        }
        for (String code : OracleCheck.OBLIGATIONS) {
            assertTrue(CODES.getOrDefault("obligation " + code, 0) >= REQUIRED / 1000, "obligation " + code
                    + " was reached too rarely: " + CODES);
        }
        for (String code : OracleCheck.WARNINGS) {
            assertTrue(CODES.getOrDefault("warning " + code, 0) >= REQUIRED / 1000, "warning " + code
                    + " was reached too rarely: " + CODES);
        }
    }
}
