package io.github.ftzoutbound.ledger;

import io.github.ftzoutbound.engine.ClasspathFiles;
import io.github.ftzoutbound.engine.SourceFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and migrates the ledger's schema from the checked-in scripts under {@code ledger/migrations/}
 * ({@code V<n>__<description>.sql}, applied in order of n). Each applied script is recorded in
 * {@code ledger_schema_version} with its SHA-256; a script changed after it was applied, or a database migrated
 * by a newer library, refuses to open rather than guess.
 *
 * <p>Several instances may start at once on one PostgreSQL: a session advisory lock lets one migrate while the
 * others wait, and PostgreSQL runs each script and its version row in one transaction. H2 is embedded (one
 * process) and commits DDL as it goes, so the scripts are written to be re-run ({@code IF NOT EXISTS}).
 */
final class Migrations {
    static final String FOLDER = "ledger/migrations";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    /** An arbitrary constant naming the ledger's migration lock among PostgreSQL advisory locks. */
    private static final long PG_LOCK_KEY = 0x66747a6c6564676eL; // "ftzledgn"
    private static final Object H2_LOCK = new Object();

    record Script(int version, String description, String file, String sql, String checksum) {
    }

    private Migrations() {
    }

    /** The bundled scripts, in version order. */
    static List<Script> scripts() {
        Map<Integer, Script> byVersion = new TreeMap<>();
        for (SourceFile f : ClasspathFiles.under(FOLDER, ".sql")) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new LedgerException(f.path() + ": a migration is named V<n>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            Script s = new Script(version, m.group(2).replace('_', ' '), name, f.content(),
                    sha256(new String(f.canonicalBytes(), StandardCharsets.UTF_8)));
            if (byVersion.put(version, s) != null) {
                throw new LedgerException(f.path() + ": two migrations have version " + version);
            }
        }
        if (byVersion.isEmpty()) {
            throw new LedgerException(FOLDER + ": no migrations on the class path");
        }
        return List.copyOf(byVersion.values());
    }

    /** Brings the schema up to the newest bundled version; returns the version now in force. */
    static int migrate(Connection c, Dialect dialect) throws SQLException {
        if (dialect == Dialect.H2) {
            synchronized (H2_LOCK) {
                return migrateLocked(c, dialect);
            }
        }
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
        }
        try {
            return migrateLocked(c, dialect);
        } finally {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
            }
        }
    }

    private static int migrateLocked(Connection c, Dialect dialect) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS ledger_schema_version ("
                    + " version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " script VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(80) NOT NULL,"
                    + " installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, checksum FROM ledger_schema_version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        List<Script> scripts = scripts();
        int newest = scripts.get(scripts.size() - 1).version();
        for (Map.Entry<Integer, String> a : applied.entrySet()) {
            if (a.getKey() > newest) {
                throw new LedgerException("the ledger's schema is at version " + a.getKey()
                        + ", newer than this library knows (" + newest + "): upgrade the library");
            }
        }
        int current = applied.isEmpty() ? 0 : ((TreeMap<Integer, String>) applied).lastKey();
        for (Script s : scripts) {
            String recorded = applied.get(s.version());
            if (recorded != null) {
                if (!recorded.equals(s.checksum())) {
                    throw new LedgerException("migration " + s.file() + " was changed after it was applied to this "
                            + "ledger (checksum " + recorded + " in the database, " + s.checksum()
                            + " bundled); never edit an applied migration");
                }
                continue;
            }
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    for (String sql : statements(s.sql())) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_schema_version"
                        + " (version, description, script, checksum, installed_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setInt(1, s.version());
                    ps.setString(2, s.description());
                    ps.setString(3, s.file());
                    ps.setString(4, s.checksum());
                    ps.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw new LedgerException("migration " + s.file() + " failed on " + dialect + ": " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
            current = s.version();
        }
        return current;
    }

    /** The statements of a script: split at semicolons ending a line, comment lines dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.replace("\r\n", "\n").split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            sb.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = sb.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) {
            out.add(sb.toString().strip());
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
