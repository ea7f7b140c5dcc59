package io.github.ftzoutbound.ledger.jdbc;

import io.github.ftzoutbound.ledger.LedgerException;

import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and migrates the ledger's schema with Flyway from the checked-in scripts under {@code ledger/migrations/}
 * ({@code V<n>__<description>.sql}); Flyway records them in {@code ledger_flyway_history} with their checksums
 * and refuses to open a database whose applied script was changed.
 *
 * <p><b>Ledgers created before Flyway</b> (by the library's own migrator, up to 0.1.0) record their scripts in
 * {@code ledger_schema_version} with a SHA-256 each. On first open such a ledger is adopted once: every recorded
 * checksum is compared with the bundled script (a changed or a newer script refuses to open, as before), then
 * Flyway is baselined at the newest recorded version, so that it applies only the scripts added after it. The old
 * table is left in place, untouched, as the record of what the old migrator did.
 *
 * <p>Several instances may start at once on one PostgreSQL: a session advisory lock lets one adopt and migrate
 * while the others wait. H2 is embedded (one process): a lock in this class does the same.
 */
final class LedgerSchema {
    static final String FOLDER = "ledger/migrations";
    static final String HISTORY = "ledger_flyway_history";
    static final String LEGACY = "ledger_schema_version";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    /** An arbitrary constant naming the ledger's migration lock among PostgreSQL advisory locks. */
    private static final long PG_LOCK_KEY = 0x66747a6c6564676eL; // "ftzledgn"
    private static final Object H2_LOCK = new Object();

    private LedgerSchema() {
    }

    /** The databases the ledger runs on. */
    enum Dialect {
        H2, POSTGRESQL;

        static Dialect of(Connection c) throws SQLException {
            String product = c.getMetaData().getDatabaseProductName();
            if ("H2".equalsIgnoreCase(product)) {
                return H2;
            }
            if ("PostgreSQL".equalsIgnoreCase(product)) {
                return POSTGRESQL;
            }
            throw new LedgerException("the ledger runs on H2 or PostgreSQL, not on " + product);
        }
    }

    /** The bundled scripts' SHA-256, as the pre-Flyway migrator recorded them, by version. */
    static Map<Integer, String> legacyChecksums() {
        Map<Integer, String> byVersion = new TreeMap<>();
        for (SourceFile f : ClasspathFiles.under(LedgerSchema.class, FOLDER, ".sql")) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new LedgerException(f.path() + ": a migration is named V<n>__<description>.sql");
            }
            String sum = sha256(new String(f.canonicalBytes(), StandardCharsets.UTF_8));
            if (byVersion.put(Integer.parseInt(m.group(1)), sum) != null) {
                throw new LedgerException(f.path() + ": two migrations have version " + m.group(1));
            }
        }
        if (byVersion.isEmpty()) {
            throw new LedgerException(FOLDER + ": no migrations on the class path");
        }
        return byVersion;
    }

    /** Adopts a pre-Flyway ledger if needed, then brings the schema up to date; returns the version in force. */
    static String migrate(DataSource ds, Dialect dialect) throws SQLException {
        if (dialect == Dialect.H2) {
            synchronized (H2_LOCK) {
                return migrateLocked(ds);
            }
        }
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(true);
            try (Statement st = lock.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
            }
            try {
                return migrateLocked(ds);
            } finally {
                try (Statement st = lock.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
                }
            }
        }
    }

    private static String migrateLocked(DataSource ds) throws SQLException {
        Map<Integer, String> bundled = legacyChecksums();
        int newest = ((TreeMap<Integer, String>) bundled).lastKey();
        Integer adoptAt = null;
        try (Connection c = ds.getConnection()) {
            if (!tableExists(c, HISTORY) && tableExists(c, LEGACY)) {
                adoptAt = checkLegacy(c, bundled, newest);
            }
        }
        try {
            if (adoptAt != null) {
                flyway(ds).baselineVersion(String.valueOf(adoptAt))
                        .baselineDescription("adopted from " + LEGACY).load().baseline();
            }
            Flyway flyway = flyway(ds).load();
            MigrateResult result = flyway.migrate();
            for (MigrationInfo applied : flyway.info().applied()) {
                if (applied.getVersion() != null && applied.getVersion().getMajor().intValue() > newest) {
                    throw new LedgerException("the ledger's schema is at version " + applied.getVersion()
                            + ", newer than this library knows (" + newest + "): upgrade the library");
                }
            }
            MigrationInfo current = flyway.info().current();
            return current == null ? result.targetSchemaVersion : current.getVersion().getVersion();
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.toLowerCase(Locale.ROOT).contains("checksum mismatch")) {
                throw new LedgerException("a migration was changed after it was applied to this ledger ("
                        + firstLine(message) + "); never edit an applied migration", e);
            }
            if (message.toLowerCase(Locale.ROOT).contains("not resolved locally")
                    || message.toLowerCase(Locale.ROOT).contains("newer")) {
                throw new LedgerException("the ledger's schema is newer than this library knows (" + newest
                        + "): upgrade the library (" + firstLine(message) + ")", e);
            }
            throw new LedgerException("the ledger's schema could not be migrated: " + firstLine(message), e);
        }
    }

    /** Compares the old migrator's records with the bundled scripts; returns the version to baseline at. */
    private static int checkLegacy(Connection c, Map<Integer, String> bundled, int newest) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + LEGACY)) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        int current = 0;
        for (Map.Entry<Integer, String> a : applied.entrySet()) {
            if (a.getKey() > newest) {
                throw new LedgerException("the ledger's schema is at version " + a.getKey()
                        + ", newer than this library knows (" + newest + "): upgrade the library");
            }
            if (!a.getValue().equals(bundled.get(a.getKey()))) {
                throw new LedgerException("migration V" + a.getKey() + " was changed after it was applied to this "
                        + "ledger (checksum " + a.getValue() + " in " + LEGACY + ", " + bundled.get(a.getKey())
                        + " bundled); never edit an applied migration");
            }
            current = Math.max(current, a.getKey());
        }
        if (current == 0) {
            throw new LedgerException(LEGACY + " exists but records no migration: not a ledger this library made");
        }
        return current;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure(LedgerSchema.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:" + FOLDER)
                .table(HISTORY)
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        for (String name : new String[]{table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(c.getCatalog(), schema, name, new String[]{"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
