package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.CreditCode;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases the ledger tests run on: H2 always (a file database in a fresh directory), and PostgreSQL when
 * {@code FTZ_PG_URL} names one (a JDBC URL with user and password; {@code .ci/run} starts one and sets it).
 * Without it the PostgreSQL cases are skipped through a JUnit assumption, so they show as skipped, never as passed,
 * and {@link PostgresSkipReport} prints a warning block at the end of the run saying so. With
 * {@code FTZ_PG_REQUIRED=true} (for a CI that must test PostgreSQL) a missing database fails the test instead.
 * Each PostgreSQL database gets a schema of its own, dropped by {@link #dropAll()}.
 */
final class LedgerDatabases {
    static final String PG_ENV = "FTZ_PG_URL";
    static final String PG_REQUIRED_ENV = "FTZ_PG_REQUIRED";

    enum Kind { H2, POSTGRESQL }

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** What each test class made, so that one class's clean-up never touches another's databases. */
    private static final Map<Class<?>, List<String>> SCHEMAS = new HashMap<>();
    private static final Map<Class<?>, List<Path>> H2_DIRS = new HashMap<>();

    private LedgerDatabases() {
    }

    /** A fresh, empty ledger database of this kind: its JDBC URL. Skips the test when PostgreSQL is not there. */
    static String fresh(Kind kind) throws Exception {
        if (kind == Kind.H2) {
            Path dir = Files.createTempDirectory("ftz-ledger-test");
            synchronized (H2_DIRS) {
                H2_DIRS.computeIfAbsent(CALLER.getCallerClass(), k -> new ArrayList<>()).add(dir);
            }
            return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        }
        String base = System.getenv(PG_ENV);
        if ("true".equalsIgnoreCase(System.getenv(PG_REQUIRED_ENV))) {
            Assertions.assertTrue(base != null && !base.isBlank(),
                    PG_REQUIRED_ENV + "=true but " + PG_ENV + " is not set: no PostgreSQL to test the ledger on");
        }
        Assumptions.assumeTrue(base != null && !base.isBlank(),
                PG_ENV + " is not set: the PostgreSQL ledger tests are skipped (.ci/run starts PostgreSQL and sets it)");
        String schema = "ftz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        synchronized (SCHEMAS) {
            SCHEMAS.computeIfAbsent(CALLER.getCallerClass(), k -> new ArrayList<>()).add(schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the PostgreSQL schemas and deletes the H2 databases the calling test class made. */
    static void dropAll() throws Exception {
        Class<?> owner = CALLER.getCallerClass();
        List<Path> dirs;
        synchronized (H2_DIRS) {
            dirs = H2_DIRS.getOrDefault(owner, List.of());
            H2_DIRS.remove(owner);
        }
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        String base = System.getenv(PG_ENV);
        List<String> schemas;
        synchronized (SCHEMAS) {
            schemas = SCHEMAS.getOrDefault(owner, List.of());
            SCHEMAS.remove(owner);
        }
        if (base == null || schemas.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            for (String s : schemas) {
                st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
            }
        }
    }

    /** A valid unified social credit code, different for each n. */
    static String creditCode(int n) {
        String digits = String.format(Locale.ROOT, "%09d", n);
        String first17 = "91320594" + digits;
        return first17 + CreditCode.checkCharacter(first17);
    }
}
