// PostgreSQL JDBC workload (Java): the items table written and read back in
// two modes — "extended" (the default: unnamed statements at first, named
// server-side prepared statements with binary results once a
// PreparedStatement has run prepareThreshold=5 times) and "simple"
// (preferQueryMode=simple: parameters interpolated client-side). Covers
// setXxx/setObject parameters of every column type (java.time, UUID, byte[],
// PGobject json/jsonb), generated keys (RETURNING "id"), ResultSetMetaData,
// a filtered SELECT, a parameterised SELECT and INSERT looped 12 times,
// executeBatch, several statements in one execute(), UPDATE/DELETE counts, a
// transaction rolled back, a read-only transaction, a unique violation caught
// as PSQLException (SQLSTATE 23505), row-limited fetches (setFetchSize in a
// transaction: Execute with a row limit and PortalSuspended; setMaxRows), the
// connection checks a pool makes, and DatabaseMetaData.getColumns.
//
// Run: java -cp /usr/share/java/postgresql.jar JdbcWorkload.java DSN
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;

import org.postgresql.PGStatement;
import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;

public class JdbcWorkload {
    static final String CREATE_TABLE = "CREATE TABLE items ("
            + " id serial PRIMARY KEY,"
            + " flag boolean, small smallint, num integer, big bigint,"
            + " ratio real, score double precision, price numeric(12,3),"
            + " name text NOT NULL UNIQUE, code varchar(10), tag char(4),"
            + " payload bytea, ident uuid,"
            + " day date, at timestamp, at_tz timestamptz,"
            + " doc json, docb jsonb)";

    static final String[] COLUMNS = {"flag", "small", "num", "big", "ratio", "score", "price", "name", "code",
            "tag", "payload", "ident", "day", "at", "at_tz", "doc", "docb"};

    static String mode;

    static void out(Object... parts) {
        StringBuilder line = new StringBuilder(mode);
        for (Object p : parts) line.append(' ').append(p);
        System.out.println(line);
    }

    static PGobject pgObject(String type, String value) throws SQLException {
        PGobject o = new PGobject();
        o.setType(type);
        o.setValue(value);
        return o;
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder("\\x");
        for (byte b : bytes) s.append(String.format("%02x", b));
        return s.toString();
    }

    /** A driver-independent spelling of column i: its getObject class and value, then getString. */
    static String render(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) return "NULL";
        String value;
        if (o instanceof byte[]) {
            // getString on a binary-received bytea gives byte[].toString(): not comparable.
            return "byte[]:" + hex((byte[]) o);
        } else if (o instanceof PGobject) {
            value = ((PGobject) o).getType() + ":" + ((PGobject) o).getValue();
        } else {
            value = o.toString();
        }
        return o.getClass().getSimpleName() + ":" + value + " str=" + rs.getString(i);
    }

    static String renderRow(ResultSet rs) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) parts.add(render(rs, i));
        return String.join(" | ", parts);
    }

    static String sqlState(SQLException e) {
        String s = e.getSQLState();
        if (e instanceof PSQLException && ((PSQLException) e).getServerErrorMessage() != null) {
            String constraint = ((PSQLException) e).getServerErrorMessage().getConstraint();
            if (constraint != null) s += " constraint=" + constraint;
        }
        return s;
    }

    interface Step {
        void run() throws SQLException;
    }

    /** Runs a step whose failure is reported in the transcript rather than ending the workload. */
    static void guarded(String label, Step step) {
        try {
            step.run();
        } catch (SQLException e) {
            out(label, "failed:", e.getClass().getSimpleName(), e.getSQLState());
        } catch (RuntimeException e) {
            // The driver's own failure, e.g. on an unexpected protocol message.
            out(label, "failed:", e.getClass().getName());
        }
    }

    static void setRow(PreparedStatement ps, Object[] row) throws SQLException {
        int i = 1;
        if (row == null) {
            int[] nullTypes = {Types.BOOLEAN, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE,
                    Types.NUMERIC};
            for (int t : nullTypes) ps.setNull(i++, t);
            ps.setString(i++, "gamma");
            ps.setNull(i++, Types.VARCHAR);
            ps.setNull(i++, Types.CHAR);
            ps.setNull(i++, Types.BINARY);
            ps.setNull(i++, Types.OTHER);
            ps.setNull(i++, Types.DATE);
            ps.setNull(i++, Types.TIMESTAMP);
            ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setNull(i++, Types.OTHER);
            ps.setNull(i++, Types.OTHER);
            return;
        }
        ps.setBoolean(i++, (Boolean) row[0]);
        ps.setShort(i++, (Short) row[1]);
        ps.setInt(i++, (Integer) row[2]);
        ps.setLong(i++, (Long) row[3]);
        ps.setFloat(i++, (Float) row[4]);
        ps.setDouble(i++, (Double) row[5]);
        ps.setBigDecimal(i++, (BigDecimal) row[6]);
        ps.setString(i++, (String) row[7]);
        ps.setString(i++, (String) row[8]);
        ps.setString(i++, (String) row[9]);
        if (mode.equals("simple")) {
            // The driver cannot inline setBytes() into a simple query (it leaves a bare ?).
            ps.setObject(i++, pgObject("bytea", hex((byte[]) row[10])));
        } else {
            ps.setBytes(i++, (byte[]) row[10]);
        }
        ps.setObject(i++, row[11]);
        ps.setObject(i++, row[12]);
        ps.setObject(i++, row[13]);
        ps.setObject(i++, row[14]);
        ps.setObject(i++, pgObject("json", (String) row[15]));
        ps.setObject(i++, pgObject("jsonb", (String) row[16]));
    }

    static void run(String url, Properties props) throws SQLException {
        // The same rows as the Python workloads (workload_common.ROWS); null is the all-NULL "gamma" row.
        Object[][] rows = {
            {true, (short) 7, 42, 1L << 40, 1.5f, 2.25, new BigDecimal("12.5"), "alpha", "A-1", "ab",
             new byte[] {0x00, 0x01, (byte) 0xfe, (byte) 0xff}, UUID.fromString("12345678-1234-5678-1234-567812345678"),
             LocalDate.of(2024, 1, 15), LocalDateTime.of(2024, 1, 15, 10, 30, 5, 123_000_000),
             OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC), "{\"a\": 1}", "{\"b\": [1, 2]}"},
            {false, (short) -3, -1, -(1L << 40), -0.5f, 1e-05, new BigDecimal("-0.25"), "beta", "B-2", "cdef",
             new byte[0], UUID.fromString("00000000-0000-0000-0000-000000000001"),
             LocalDate.of(1999, 12, 31), LocalDateTime.of(1999, 12, 31, 23, 59, 59),
             OffsetDateTime.of(2000, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC), "[1, 2]", "{\"c\": null}"},
            null,
        };
        try (Connection conn = DriverManager.getConnection(url, props)) {
            // What a connection pool checks when it opens a connection.
            out("autocommit", conn.getAutoCommit(), "read-only", conn.isReadOnly(), "catalog", conn.getCatalog());
            guarded("isValid", () -> out("valid", conn.isValid(5)));
            guarded("getTransactionIsolation", () -> out("isolation", conn.getTransactionIsolation()));
            guarded("getSchema", () -> out("schema", conn.getSchema()));
            try (Statement st = conn.createStatement()) {
                st.execute("DROP TABLE IF EXISTS items");
                st.execute(CREATE_TABLE);
            }

            String insert = "INSERT INTO items (" + String.join(", ", COLUMNS) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(COLUMNS.length, "?")) + ")";
            try (PreparedStatement ps = conn.prepareStatement(insert, new String[] {"id"})) {
                for (Object[] row : rows) {
                    setRow(ps, row);
                    out("insert count", ps.executeUpdate());
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next()) out("generated id", keys.getInt(1));
                    }
                }
            }

            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, " + String.join(", ", COLUMNS) + " FROM items ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out("column", md.getColumnName(i), md.getColumnTypeName(i), md.getColumnType(i),
                        md.getColumnClassName(i), md.getPrecision(i), md.getScale(i), md.getColumnDisplaySize(i));
                }
                // These need the driver's catalog query about the result's source columns.
                guarded("column metadata", () -> {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        out("column source", md.getColumnName(i), md.getTableName(i), md.getSchemaName(i),
                            md.isNullable(i), md.isAutoIncrement(i));
                    }
                });
                while (rs.next()) out("row", renderRow(rs));
            }

            // java.time getters and typed getters on the first row.
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT day, at, at_tz, price, ident, payload, tag FROM items WHERE name = ?")) {
                ps.setString(1, "alpha");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out("typed", rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDateTime.class),
                            rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                            rs.getBigDecimal(4), rs.getObject(5, UUID.class), hex(rs.getBytes(6)),
                            "[" + rs.getString(7) + "]", rs.getDate(1), rs.getTimestamp(2), rs.getTimestamp(3));
                    }
                }
            }

            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT name FROM items WHERE num > ? AND flag = ? ORDER BY name")) {
                ps.setInt(1, 0);
                ps.setBoolean(2, true);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out("filtered", rs.getString(1));
                }
            }

            // The same PreparedStatements executed 12 times: from the 5th on the driver
            // uses a named server-side statement and binary results.
            try (PreparedStatement add = conn.prepareStatement(
                    "INSERT INTO items (name, num, price, ident, at, payload, ratio) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement get = conn.prepareStatement(
                    "SELECT id, name, num, price, ident, at, payload, ratio, big FROM items WHERE name = ? AND num = ?")) {
                for (int k = 0; k < 12; k++) {
                    String name = String.format("bulk%02d", k);
                    add.setString(1, name);
                    add.setInt(2, k);
                    add.setBigDecimal(3, new BigDecimal(k).divide(new BigDecimal(4)));
                    add.setObject(4, new UUID(0, k));
                    add.setTimestamp(5, java.sql.Timestamp.valueOf(LocalDateTime.of(2020, 2, 29, k, 0, 0, k * 1000)));
                    byte[] payload = {(byte) k, (byte) (255 - k)};
                    if (mode.equals("simple")) {
                        add.setObject(6, pgObject("bytea", hex(payload)));
                    } else {
                        add.setBytes(6, payload);
                    }
                    add.setFloat(7, k / 8.0f);
                    int n = add.executeUpdate();
                    get.setString(1, name);
                    get.setInt(2, k);
                    try (ResultSet rs = get.executeQuery()) {
                        while (rs.next()) out("loop", k, n, renderRow(rs));
                    }
                }
                out("server-prepared", add.unwrap(PGStatement.class).isUseServerPrepare(),
                    get.unwrap(PGStatement.class).isUseServerPrepare());
            }

            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items (name, small) VALUES (?, ?)")) {
                for (int k = 0; k < 5; k++) {
                    ps.setString(1, "batch" + k);
                    ps.setShort(2, (short) (k - 2));
                    ps.addBatch();
                }
                out("batch counts", Arrays.toString(ps.executeBatch()));
            }

            try (PreparedStatement ps = conn.prepareStatement("UPDATE items SET score = score * ? WHERE name = ?")) {
                ps.setInt(1, 2);
                ps.setString(2, "alpha");
                out("updated", ps.executeUpdate());
            }

            // Several statements in one execute(): each result in turn.
            guarded("multi-statement", () -> {
                try (Statement st = conn.createStatement()) {
                    boolean isResultSet = st.execute(
                            "SELECT count(*) FROM items; UPDATE items SET small = 5 WHERE name = 'gamma'; "
                            + "SELECT small FROM items WHERE name = 'gamma'");
                    while (true) {
                        if (isResultSet) {
                            try (ResultSet rs = st.getResultSet()) {
                                while (rs.next()) out("multi result", rs.getString(1));
                            }
                        } else {
                            int count = st.getUpdateCount();
                            if (count == -1) break;
                            out("multi count", count);
                        }
                        isResultSet = st.getMoreResults();
                    }
                }
            });

            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM items WHERE name = ?")) {
                ps.setString(1, "beta");
                out("deleted in transaction", ps.executeUpdate());
            }
            conn.rollback();
            conn.setAutoCommit(true);
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
                rs.next();
                out("count after rollback", rs.getLong(1));
            }

            guarded("read-only transaction", () -> {
                conn.setAutoCommit(false);
                conn.setReadOnly(true);
                try (Statement st = conn.createStatement()) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
                        rs.next();
                        out("read-only count", rs.getLong(1));
                    }
                    try {
                        st.executeUpdate("DELETE FROM items");
                        out("read-only delete succeeded");
                    } catch (SQLException e) {
                        out("read-only delete", sqlState(e));
                    }
                } finally {
                    conn.rollback();
                    conn.setReadOnly(false);
                    conn.setAutoCommit(true);
                }
            });

            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items (name) VALUES (?)")) {
                ps.setString(1, "alpha");
                ps.executeUpdate();
                out("expected a unique violation");
            } catch (PSQLException e) {
                out("unique violation", sqlState(e));
            }
            // In a transaction the failure aborts it until rollback.
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                try {
                    st.executeUpdate("INSERT INTO items (name) VALUES ('beta')");
                } catch (PSQLException e) {
                    out("unique violation in transaction", sqlState(e));
                }
                try {
                    st.executeQuery("SELECT 1").close();
                } catch (PSQLException e) {
                    out("after error in transaction", sqlState(e));
                }
            }
            conn.rollback();
            conn.setAutoCommit(true);

            // Row-limited fetches: a fetch size inside a transaction makes the driver
            // Execute with a row limit and resume the suspended portal.
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT name, num FROM items WHERE num >= ? ORDER BY num, name")) {
                ps.setFetchSize(4);
                ps.setInt(1, 0);
                for (int pass = 0; pass < 2; pass++) {
                    List<String> names = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) names.add(rs.getString(1) + "=" + rs.getInt(2));
                    }
                    out("fetched in chunks", names.size(), String.join(",", names));
                }
            }
            try (Statement st = conn.createStatement()) {
                st.setFetchSize(3);
                try (ResultSet rs = st.executeQuery("SELECT name FROM items ORDER BY id")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        if (names.size() == 7) break; // abandon the portal part-way
                    }
                    out("first seven", String.join(",", names));
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
                    rs.next();
                    out("count in same transaction", rs.getLong(1));
                }
            }
            conn.commit();
            conn.setAutoCommit(true);
            try (Statement st = conn.createStatement()) {
                st.setMaxRows(3);
                try (ResultSet rs = st.executeQuery("SELECT name FROM items ORDER BY name DESC")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) names.add(rs.getString(1));
                    out("max rows", String.join(",", names));
                }
            }

            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM items WHERE small < ? RETURNING name")) {
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) names.add(rs.getString(1));
                    out("deleted", String.join(",", names));
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM items WHERE name LIKE ?")) {
                ps.setString(1, "b%");
                out("deleted more", ps.executeUpdate());
            }
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM items ORDER BY name")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                out("remaining", String.join(",", names));
            }

            guarded("database metadata", () -> {
                DatabaseMetaData dmd = conn.getMetaData();
                out("product", dmd.getDatabaseProductName(), dmd.getDatabaseMajorVersion());
                try (ResultSet rs = dmd.getColumns(null, "public", "items", null)) {
                    while (rs.next()) {
                        out("metadata column", rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                            rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                            rs.getString("IS_NULLABLE"), rs.getString("IS_AUTOINCREMENT"));
                    }
                }
            });
        }
    }

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // the session TimeZone the driver sends
        URI dsn = new URI(args[0]);
        String url = "jdbc:postgresql://" + dsn.getHost() + ":" + dsn.getPort() + dsn.getPath();
        for (String m : new String[] {"extended", "simple"}) {
            mode = m;
            Properties props = new Properties();
            props.setProperty("user", dsn.getUserInfo());
            if (m.equals("simple")) props.setProperty("preferQueryMode", "simple");
            run(url, props);
        }
    }
}
