package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.cli.Main;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The command line's {@code evaluate-batch}, unchanged, in a child JVM that {@link BatchCrashCliTest} kills; only its
 * JDBC driver is wrapped, so that every transaction waits for the parent's permit right before it commits. Before
 * each {@code Connection.commit()} the child prints {@code GATE COMMIT n} and blocks until a line arrives on standard
 * input; after it prints {@code GATE COMMITTED n}. The parent thus knows, with no timing involved, where the kill
 * lands: inside an open transaction (written, not committed) or between two transactions.
 *
 * <p>Usage: {@code CrashCliBatchMain ARGS...} (the arguments of {@code ftz-outbound}).
 */
public final class CrashCliBatchMain {
    private CrashCliBatchMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream gate = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader permits = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // Replace every registered driver (H2, PostgreSQL) by a wrapper over it.
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            DriverManager.deregisterDriver(d);
            DriverManager.registerDriver(new Gated(d, gate, permits));
        }
        int exit = Main.run(args, new PrintWriter(System.err, true), new PrintWriter(System.err, true),
                InputStream.nullInputStream());
        gate.println("GATE EXIT " + exit);
        System.exit(exit);
    }

    private record Gated(Driver inner, PrintStream gate, BufferedReader permits) implements Driver {
        private static final java.util.concurrent.atomic.AtomicInteger COMMITS = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            Connection c = inner.connect(url, info);
            if (c == null) {
                return null;
            }
            // Only commits of transactions that wrote ledger rows are gated and counted: the schema tool's own
            // transactions when the ledger opens (Flyway checks its history table in transactions) pass through, so
            // "the 7th commit" is the 7th ledger transaction whatever the migration machinery does.
            boolean[] wroteLedger = {false};
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, a) -> {
                        if (method.getName().equals("prepareStatement") && a != null && a.length > 0
                                && a[0] instanceof String sql) {
                            String s = sql.strip().toLowerCase(java.util.Locale.ROOT);
                            if ((s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete")
                                    || s.startsWith("merge")) && s.contains("ledger_")) {
                                wroteLedger[0] = true;
                            }
                        }
                        if (method.getName().equals("rollback")) {
                            wroteLedger[0] = false;
                        }
                        boolean commit = method.getName().equals("commit") && (a == null || a.length == 0)
                                && wroteLedger[0];
                        if (method.getName().equals("commit")) {
                            wroteLedger[0] = false;
                        }
                        int n = 0;
                        if (commit) {
                            synchronized (Gated.class) {
                                n = COMMITS.incrementAndGet();
                                gate.println("GATE COMMIT " + n);
                                if (!"NEXT".equals(permits.readLine())) {
                                    throw new SQLException("no permit");
                                }
                            }
                        }
                        try {
                            Object r = method.invoke(c, a);
                            if (commit) {
                                gate.println("GATE COMMITTED " + n);
                            }
                            return r;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return inner.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return inner.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return inner.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return inner.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return inner.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return inner.getParentLogger();
        }
    }

}
