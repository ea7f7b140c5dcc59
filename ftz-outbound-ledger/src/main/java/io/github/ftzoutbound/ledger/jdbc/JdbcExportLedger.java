package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.CountingPolicy;
import io.github.ftzoutbound.ledger.RulesBackedLedger;
import io.github.ftzoutbound.ledger.LedgerException;
import io.github.ftzoutbound.ledger.LedgerRecord;
import io.github.ftzoutbound.ledger.LedgerRules;
import io.github.ftzoutbound.ledger.LedgerSnapshot;
import io.github.ftzoutbound.ledger.Reservation;
import io.github.ftzoutbound.ledger.ReservationRequest;
import io.github.ftzoutbound.ledger.UnknownDecisionException;
import io.github.ftzoutbound.ledger.YearTotals;

import io.github.ftzoutbound.ledger.LedgerRecord.Status;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.ftzoutbound.ledger.jdbc.LedgerSchema.Dialect;
import io.github.ftzoutbound.model.Pathway;
import io.github.ftzoutbound.model.PersonCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The ledger on a relational database through plain JDBC: H2 (embedded, file mode; the default for one process)
 * or PostgreSQL (several service instances sharing one ledger), through a HikariCP pool. The schema is created and
 * migrated by Flyway on {@link Builder#open()} from the checked-in scripts under {@code ledger/migrations/}; a
 * ledger made by the pre-Flyway migrator is adopted once ({@link LedgerSchema}).
 *
 * <p>Correctness under concurrency rests on one row lock: every decision, commit and cancel of a processor's year
 * first locks that processor-year's row ({@code SELECT … FOR UPDATE} on {@code ledger_processor_year}), then
 * reads and writes in the same transaction. Decisions of one processor and year are therefore made one after the
 * other, each seeing every reservation made before it, on one database however many instances share it.
 *
 * <pre>{@code
 * try (ExportLedger ledger = JdbcExportLedger.builder("jdbc:h2:file:/var/lib/ftz-outbound/ledger").open()) {
 *     ExportDecisionService service = ExportDecisionService.builder().ledger(ledger).build();
 *     ExportDecision d = service.evaluate(request);     // request.processor().creditCode() set
 *     // … the export happens …
 *     ledger.commit(d.decisionId());
 * }
 * }</pre>
 */
public final class JdbcExportLedger extends RulesBackedLedger {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcExportLedger.class);
    /** SQLSTATE of a unique-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ACTIVE = "(status = 'COMMITTED' OR (status = 'RESERVED' AND expires_at > ?))";
    private static final String COLUMNS = "decision_id, request_id, credit_code, ledger_year, export_date, individuals,"
            + " sensitive_individuals, pathway, basis_exempt, status, reserved_at, expires_at, committed_at,"
            + " cancelled_at, policy, totals_before_individuals, totals_before_sensitive, superseded_by,"
            + " evaluation_date_override, decision_record IS NOT NULL";
    /** The columns written by an insert: {@link #COLUMNS} without the computed last one, with the record. */
    private static final String INSERT_COLUMNS = COLUMNS.substring(0, COLUMNS.lastIndexOf(", decision_record"))
            + ", decision_record";

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;

    private JdbcExportLedger(Builder b, LedgerRules rules, HikariDataSource pool, Dialect dialect) {
        super(rules);
        this.pool = pool;
        this.dialect = dialect;
        this.description = b.description;
    }

    /** A ledger over a JDBC URL ({@code jdbc:h2:file:…}, {@code jdbc:postgresql://…}), with a pool of its own. */
    public static Builder builder(String jdbcUrl) {
        return new Builder(Objects.requireNonNull(jdbcUrl), null);
    }

    /** A ledger over the caller's data source (for example a connection pool the application already has). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(null, Objects.requireNonNull(dataSource));
    }

    /**
     * The JDBC URL for a ledger location as the command line takes it: a JDBC URL as it is, or a file path, which
     * names an embedded H2 database ({@code ./ledger} is {@code jdbc:h2:file:/abs/path/ledger}).
     */
    public static String jdbcUrl(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        return "jdbc:h2:file:" + Path.of(location).toAbsolutePath().normalize();
    }

    /**
     * Configures a ledger: the settings every ledger takes ({@link LedgerRules.Builder}: counting policy,
     * reservation time, splitting window, clock) and the database's own.
     */
    public static final class Builder extends LedgerRules.Builder<Builder> {
        private final String url;
        private final DataSource dataSource;
        private int maxConnections = 16;
        private Duration lockTimeout = Duration.ofSeconds(60);
        private String description;

        private Builder(String url, DataSource dataSource) {
            this.url = url;
            this.dataSource = dataSource;
            this.description = url != null ? redact(url) : "data source " + dataSource.getClass().getName();
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Connections the ledger's own pool opens at most (default 16); requests beyond wait. */
        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("at least one connection");
            }
            this.maxConnections = n;
            return this;
        }

        /** How long a decision waits for its processor-year's lock before failing (default 60 s). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Connects, creates or migrates the schema, and returns the ledger; {@link LedgerException} if it cannot. */
        public JdbcExportLedger open() {
            Dialect dialect;
            try {
                dialect = dialect();
            } catch (SQLException e) {
                throw new LedgerException("cannot open the ledger at " + description + ": " + e.getMessage(), e);
            }
            HikariConfig config = new HikariConfig();
            if (url != null) {
                config.setJdbcUrl(url);
            } else {
                config.setDataSource(dataSource);
            }
            config.setPoolName("ftz-ledger");
            config.setMaximumPoolSize(maxConnections);
            config.setMinimumIdle(1); // keeps an embedded H2 database open between calls
            config.setAutoCommit(true);
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            // A decision waits this long for its processor-year's row lock, then fails with LedgerException.
            long timeoutMs = lockTimeout.toMillis();
            config.setConnectionInitSql(dialect == Dialect.H2 ? "SET LOCK_TIMEOUT " + timeoutMs
                    : "SET lock_timeout = " + timeoutMs);
            config.setConnectionTimeout(Duration.ofMinutes(5).toMillis());
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new LedgerException("cannot open the ledger at " + description + ": " + e.getMessage(), e);
            }
            try {
                String version = LedgerSchema.migrate(pool, dialect);
                if (dialect == Dialect.H2) {
                    // Write each commit through before it returns, so a committed export survives the process
                    // being killed (H2 otherwise writes up to WRITE_DELAY ms later). Persistent, database-wide.
                    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                        st.execute("SET WRITE_DELAY 0");
                    } catch (SQLException e) {
                        LOG.warn("could not SET WRITE_DELAY 0 on the H2 ledger ({}): commits may be written up to"
                                + " half a second late, and lost if the process is killed", e.getMessage());
                    }
                }
                if (url != null && url.startsWith("jdbc:h2:mem:")) {
                    LOG.debug("export ledger open in memory ({}, policy {})", description, rules().policy());
                } else {
                    LOG.info("export ledger open on {} ({}, schema version {}, policy {})", description, dialect,
                            version, rules().policy());
                }
                return new JdbcExportLedger(this, rules(), pool, dialect);
            } catch (SQLException e) {
                pool.close();
                throw new LedgerException("cannot open the ledger at " + description + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }

        /** Which database: from the URL, or asked of one connection of the caller's data source. */
        private Dialect dialect() throws SQLException {
            if (url != null && url.startsWith("jdbc:h2:")) {
                return Dialect.H2;
            }
            if (url != null && url.startsWith("jdbc:postgresql:")) {
                return Dialect.POSTGRESQL;
            }
            try (Connection c = url != null ? java.sql.DriverManager.getConnection(url) : dataSource.getConnection()) {
                return Dialect.of(c);
            }
        }

        /** The URL without a password, for logs and messages. */
        private static String redact(String url) {
            return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }
    }

    /** The database the ledger runs on: {@code H2} or {@code POSTGRESQL}. */
    public String databaseKind() {
        return dialect.name();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Deciding and reserving

    @Override
    public <D> D reserve(ReservationRequest request, Function<LedgerSnapshot, Reservation<D>> decide) {
        LedgerRules.checkCreditCode(request.creditCode());
        int year = request.exportDate().getYear();
        return inTransaction(request.creditCode(), year, c -> {
            Instant now = rules.now();
            String supersedes = supersedeEarlier(c, request, year, now);
            LedgerRules.Tally tally = rules.tally();
            yearTotals(c, request.creditCode(), year, now, tally);
            tally.window(window(c, request.creditCode(), request.exportDate(), now));
            LedgerSnapshot snapshot = tally.snapshot(request, now, supersedes);
            Reservation<D> r = decide.apply(snapshot);
            insert(c, rules.reserved(request, r, snapshot, now), r.record());
            if (supersedes != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE ledger_export SET superseded_by = ? WHERE decision_id = ?")) {
                    ps.setString(1, r.decisionId());
                    ps.setString(2, supersedes);
                    ps.executeUpdate();
                }
            }
            return r.decision();
        });
    }

    /**
     * The same request id already in the ledger: committed means already exported (refused, or it would count
     * twice); an open reservation is superseded by this new evaluation, so that it counts once ({@link LedgerRules}).
     */
    private String supersedeEarlier(Connection c, ReservationRequest request, int year, Instant now)
            throws SQLException {
        String superseded = null;
        for (LedgerRecord r : rules.superseded(select(c, "WHERE credit_code = ? AND ledger_year = ?"
                + " AND request_id = ? AND status IN ('RESERVED', 'COMMITTED')", request.creditCode(), year,
                request.requestId()), now)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_export SET status = 'SUPERSEDED',"
                    + " cancelled_at = ? WHERE decision_id = ? AND status = 'RESERVED'")) {
                ps.setObject(1, utc(now));
                ps.setString(2, r.decisionId());
                ps.executeUpdate();
            }
            superseded = r.decisionId();
        }
        return superseded;
    }

    /** Adds a processor-year's committed and unexpired reserved persons, summed in SQL, to the tally. */
    private void yearTotals(Connection c, String creditCode, int year, Instant now, LedgerRules.Tally tally)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT basis_exempt, COALESCE(SUM(individuals), 0),"
                + " COALESCE(SUM(sensitive_individuals), 0) FROM ledger_export"
                + " WHERE credit_code = ? AND ledger_year = ? AND " + ACTIVE + " GROUP BY basis_exempt")) {
            ps.setString(1, creditCode);
            ps.setInt(2, year);
            ps.setObject(3, utc(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tally.year(rs.getBoolean(1), new PersonCounts(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
    }

    /** The processor's other active exports dated within the window either side of this one, as the policy counts. */
    private LedgerSnapshot.Window window(Connection c, String creditCode, LocalDate date, Instant now)
            throws SQLException {
        String sql = "SELECT COUNT(*), COALESCE(SUM(individuals), 0), COALESCE(SUM(sensitive_individuals), 0),"
                + " COALESCE(MAX(individuals), 0), COALESCE(MAX(sensitive_individuals), 0) FROM ledger_export"
                + " WHERE credit_code = ? AND export_date > ? AND export_date < ? AND " + ACTIVE
                + (rules.counts(true) ? "" : " AND basis_exempt = FALSE");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, creditCode);
            ps.setObject(2, rules.windowAfter(date));
            ps.setObject(3, rules.windowBefore(date));
            ps.setObject(4, utc(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new LedgerSnapshot.Window(rules.splittingWindowDays(), rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5));
            }
        }
    }

    /** Writes a new row: a reservation or an imported export, with its decision record if it has one. */
    private static void insert(Connection c, LedgerRecord row, String decisionRecord) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_export (" + INSERT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.decisionId());
            ps.setString(2, row.requestId());
            ps.setString(3, row.creditCode());
            ps.setInt(4, row.year());
            ps.setObject(5, row.exportDate());
            ps.setLong(6, row.persons().individuals());
            ps.setLong(7, row.persons().sensitiveIndividuals());
            ps.setString(8, row.pathway().name());
            ps.setBoolean(9, row.basisExempt());
            ps.setString(10, row.status().name());
            ps.setObject(11, utc(row.reservedAt()));
            ps.setObject(12, utc(row.expiresAt()));
            ps.setObject(13, utc(row.committedAt()));
            ps.setObject(14, utc(row.cancelledAt()));
            ps.setString(15, row.policy().name());
            ps.setLong(16, row.totalsBefore().individuals());
            ps.setLong(17, row.totalsBefore().sensitiveIndividuals());
            ps.setString(18, row.supersededBy());
            ps.setString(19, row.evaluationDateOverride());
            ps.setString(20, decisionRecord);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Commit and cancel

    /** Commits or cancels under the processor-year lock, as the rules allow; the row unchanged if already there. */
    @Override
    protected LedgerRecord move(String decisionId, LedgerRules.Transition asked) {
        LedgerRecord found = find(decisionId);
        return inTransaction(found.creditCode(), found.year(), c -> {
            Instant now = rules.now();
            LedgerRecord r = selectOne(c, decisionId);
            LedgerRules.Transition t = rules.transition(asked, r, now);
            if (t == LedgerRules.Transition.NONE) {
                return r;
            }
            update(c, t == LedgerRules.Transition.COMMIT
                    ? "UPDATE ledger_export SET status = 'COMMITTED', committed_at = ? WHERE decision_id = ?"
                    : "UPDATE ledger_export SET status = 'CANCELLED', cancelled_at = ? WHERE decision_id = ?",
                    now, decisionId);
            return selectOne(c, decisionId);
        });
    }

    private LedgerRecord find(String decisionId) {
        try {
            Connection c = borrow();
            boolean broken = true;
            try {
                c.setAutoCommit(true);
                List<LedgerRecord> found = select(c, "WHERE decision_id = ?", decisionId);
                broken = false;
                if (found.isEmpty()) {
                    throw new UnknownDecisionException(decisionId);
                }
                return found.get(0);
            } finally {
                release(c, broken);
            }
        } catch (SQLException e) {
            throw new LedgerException("ledger read failed: " + e.getMessage(), e);
        }
    }

    private LedgerRecord selectOne(Connection c, String decisionId) throws SQLException {
        List<LedgerRecord> found = select(c, "WHERE decision_id = ?", decisionId);
        if (found.isEmpty()) {
            throw new UnknownDecisionException(decisionId);
        }
        return found.get(0);
    }

    private static void update(Connection c, String sql, Instant at, String decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(at));
            ps.setString(2, decisionId);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    @Override
    public YearTotals totals(String creditCode, int year) {
        LedgerRules.checkCreditCode(creditCode);
        Instant now = rules.now();
        return rules.totals(creditCode, year,
                read(c -> select(c, "WHERE credit_code = ? AND ledger_year = ?", creditCode, year)), now);
    }

    @Override
    public List<LedgerRecord> records(int year) {
        return read(c -> select(c, "WHERE ledger_year = ? ORDER BY reserved_at, decision_id", year));
    }

    @Override
    public long exportDecisionRecords(int year, Writer out) throws IOException {
        // Streamed row by row: a year's records with their requests can be far larger than memory.
        try {
            long written = read(c -> {
                long n = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT decision_record FROM ledger_export"
                        + " WHERE ledger_year = ? AND decision_record IS NOT NULL ORDER BY reserved_at, decision_id")) {
                    ps.setFetchSize(100);
                    ps.setInt(1, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.write(rs.getString(1));
                            out.write('\n');
                            n++;
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return n;
            });
            out.flush();
            return written;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The decision record stored with a decision's row, if it has one. */
    public java.util.Optional<String> decisionRecord(String decisionId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT decision_record FROM ledger_export WHERE decision_id = ?")) {
                ps.setString(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
                }
            }
        });
    }

    private static List<LedgerRecord> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ledger_export " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<LedgerRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getObject(5, LocalDate.class), new PersonCounts(rs.getLong(6), rs.getLong(7)),
                            Pathway.valueOf(rs.getString(8)), rs.getBoolean(9), Status.valueOf(rs.getString(10)),
                            instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14),
                            CountingPolicy.valueOf(rs.getString(15)), new PersonCounts(rs.getLong(16), rs.getLong(17)),
                            rs.getString(18), rs.getString(19), rs.getBoolean(20)));
                }
            }
            return out;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Importing exports made before the ledger

    /**
     * Records an export the ledger did not decide: one made earlier this year, before the ledger was in use, or
     * a case for a test. {@code status} is COMMITTED (the usual case), RESERVED (open until
     * {@code expiresAt}), CANCELLED or EXPIRED (a reservation that lapsed). Refused if the decision id exists.
     */
    public LedgerRecord importRecord(String decisionId, String requestId, String creditCode, LocalDate exportDate,
                                     PersonCounts persons, Pathway pathway, boolean basisExempt, Status status,
                                     Instant expiresAt) {
        LedgerRecord row = rules.imported(decisionId, requestId, creditCode, exportDate, persons, pathway,
                basisExempt, status, expiresAt, rules.now());
        return inTransaction(creditCode, row.year(), c -> {
            insert(c, row, null);
            return selectOne(c, decisionId);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Transactions

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Read-only work on a connection of the pool, in auto-commit. */
    private <T> T read(Work<T> work) {
        try {
            Connection c = borrow();
            boolean broken = true;
            try {
                c.setAutoCommit(true);
                T result = work.run(c);
                broken = false;
                return result;
            } finally {
                release(c, broken);
            }
        } catch (SQLException e) {
            throw new LedgerException("ledger read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs work in one transaction holding the lock of a processor-year's row, creating the row first if needed.
     * Nothing is written unless the work returns normally; a deadlock or serialization failure is retried.
     */
    private <T> T inTransaction(String creditCode, int year, Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Connection c;
            try {
                c = borrow();
            } catch (SQLException e) {
                throw new LedgerException("no ledger connection: " + e.getMessage(), e);
            }
            boolean broken = true;
            try {
                ensureProcessorYear(c, creditCode, year);
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("SELECT credit_code FROM ledger_processor_year"
                        + " WHERE credit_code = ? AND ledger_year = ? FOR UPDATE")) {
                    ps.setString(1, creditCode);
                    ps.setInt(2, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("processor-year row missing after insert");
                        }
                    }
                }
                T result = work.run(c);
                c.commit();
                c.setAutoCommit(true);
                broken = false;
                return result;
            } catch (SQLException e) {
                rollback(c);
                last = e;
                if (!retryable(e)) {
                    throw new LedgerException("ledger transaction failed: " + e.getMessage(), e);
                }
                LOG.debug("ledger transaction retried after {}", e.getSQLState());
            } catch (RuntimeException e) {
                rollback(c);
                broken = !resetAutoCommit(c);
                throw e;
            } finally {
                release(c, broken);
            }
        }
        throw new LedgerException("ledger transaction failed three times: " + last.getMessage(), last);
    }

    /** Inserts the processor-year row on its own (auto-commit) unless it exists; a concurrent insert is fine. */
    private void ensureProcessorYear(Connection c, String creditCode, int year) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement check = c.prepareStatement(
                "SELECT 1 FROM ledger_processor_year WHERE credit_code = ? AND ledger_year = ?")) {
            check.setString(1, creditCode);
            check.setInt(2, year);
            try (ResultSet rs = check.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_processor_year (credit_code, ledger_year, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, creditCode);
            ps.setInt(2, year);
            ps.setObject(3, utc(rules.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Deadlock or serialization failure (SQLSTATE class 40: 40001, 40P01): the attempt may be retried. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("40");
    }

    private static void rollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is dropped below
        }
    }

    private static boolean resetAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection borrow() throws SQLException {
        return pool.getConnection();
    }

    /** Returns a connection to the pool; a broken one is evicted instead of kept. */
    private void release(Connection c, boolean broken) {
        if (broken) {
            pool.evictConnection(c);
        } else {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the pool drops it
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcExportLedger[" + description + ", " + dialect + ", " + rules + "]";
    }
}
