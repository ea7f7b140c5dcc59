package io.github.ftzoutbound.ledger.jdbc;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Says loudly, once, at the end of the test run, that the PostgreSQL ledger tests were skipped and why. A JUnit
 * assumption alone shows them as "skipped" in a count nobody reads; a reader of {@code mvn -B verify} on a
 * developer machine would believe the ledger was tested on PostgreSQL. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener} in the test resources.
 */
public final class PostgresSkipReport implements TestExecutionListener {
    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED
                && result.getThrowable().map(t -> String.valueOf(t.getMessage()).contains(LedgerDatabases.PG_ENV))
                .orElse(false)) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int n = skipped.get();
        if (n > 0) {
            // Standard error, not a logger: this is a message to the person running the build, and the test
            // logging is set to hide noise.
            System.err.printf("%n[WARNING] ************************************************************%n"
                    + "[WARNING] %d PostgreSQL ledger tests were SKIPPED, not passed: %s is not set.%n"
                    + "[WARNING] The ledger was tested on H2 only. To test PostgreSQL, set %s to a JDBC URL%n"
                    + "[WARNING] with user and password (.ci/run starts one), or set %s=true to make%n"
                    + "[WARNING] a missing database fail the build.%n"
                    + "[WARNING] ************************************************************%n",
                    n, LedgerDatabases.PG_ENV, LedgerDatabases.PG_ENV, LedgerDatabases.PG_REQUIRED_ENV);
        }
    }
}
