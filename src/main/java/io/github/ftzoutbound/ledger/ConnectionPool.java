package io.github.ftzoutbound.ledger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's connections: a caller's {@link DataSource} (bring your own pool), or a small pool of its own over
 * a JDBC URL. Keeping connections open also keeps an embedded H2 database open between calls.
 */
final class ConnectionPool implements AutoCloseable {
    /** Prepares a new connection (session settings) before first use. */
    interface Setup {
        void apply(Connection c) throws SQLException;
    }

    private final String url;
    private final DataSource dataSource;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private Setup setup = c -> { };
    private boolean closed;

    ConnectionPool(String url, int maxConnections) {
        this.url = url;
        this.dataSource = null;
        this.permits = new Semaphore(maxConnections, true);
    }

    ConnectionPool(DataSource dataSource, int maxConnections) {
        this.url = null;
        this.dataSource = dataSource;
        this.permits = new Semaphore(maxConnections, true);
    }

    void setup(Setup setup) {
        this.setup = setup;
    }

    Connection borrow() throws SQLException {
        try {
            if (!permits.tryAcquire(5, TimeUnit.MINUTES)) {
                throw new SQLException("no ledger connection became free within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a ledger connection", e);
        }
        try {
            Connection c;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the ledger is closed");
                }
                c = idle.pollFirst();
            }
            if (c != null && !c.isClosed() && c.isValid(5)) {
                return c;
            }
            quietlyClose(c);
            c = dataSource != null ? dataSource.getConnection() : DriverManager.getConnection(url, new Properties());
            try {
                setup.apply(c);
            } catch (SQLException | RuntimeException e) {
                quietlyClose(c);
                throw e;
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection; a broken one (or any, with a caller's DataSource) is closed instead of kept. */
    void release(Connection c, boolean broken) {
        try {
            boolean keep;
            synchronized (this) {
                keep = !broken && !closed && dataSource == null;
                if (keep) {
                    idle.addFirst(c);
                }
            }
            if (!keep) {
                quietlyClose(c);
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(ConnectionPool::quietlyClose);
    }

    private static void quietlyClose(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do with a connection we are dropping
        }
    }
}
