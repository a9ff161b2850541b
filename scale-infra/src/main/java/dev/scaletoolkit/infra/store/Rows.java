package dev.scaletoolkit.infra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The short form of a statement, for the one-row statements every create and every get runs: positional
 * parameters ({@code ?}) bound as given (String, Integer, Long or null) and a row mapper, run as a prepared
 * statement on the handle's own connection. Jdbi's fluent form resolves an argument factory for each bound value
 * and keeps a statement context for each statement; for these statements that bookkeeping cost several times
 * what the database spent (profile in {@code docs/benchmarks.md}). Everything else uses the handle's fluent API.
 * Either way the SQL lives in the store that owns the table and the store receives a {@link Handle}.
 *
 * <p>Failures are thrown as Jdbi's {@link UnableToExecuteStatementException} with the {@link SQLException} as
 * cause, as Jdbi would, so conflict handling (unique violations, lost races) reads them the same way.
 */
public final class Rows {
    private Rows() {}

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        /** Maps the current row. */
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public static int update(Handle h, String sql, Object... args) {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row of a query, mapped; empty when there is none. */
    public static <T> Optional<T> first(Handle h, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Every row of a query, mapped, in order. */
    public static <T> List<T> list(Handle h, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * The rows of a query, mapped, in order, handed to {@code each} one at a time until it answers false: a caller
     * that stops early (a byte budget spent) never has the remaining rows in memory. Rows are fetched a few at a
     * time (PostgreSQL honours the fetch size only inside a transaction, which the caller's read provides).
     */
    public static <T> void each(Handle h, String sql, Row<T> row, Predicate<T> each, Object... args) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            ps.setFetchSize(8);
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!each.test(row.map(rs))) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first column of the first row as text; empty when there is no row or the value is null. */
    public static Optional<String> string(Handle h, String sql, Object... args) {
        return first(h, sql, rs -> rs.getString(1), args);
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                throw new IllegalArgumentException("Rows binds String, Integer, Long or null, not " + a.getClass());
            }
        }
    }

    private static UnableToExecuteStatementException failed(String sql, SQLException e) {
        return new UnableToExecuteStatementException("Could not run [" + sql + "]: " + e.getMessage(), e, null);
    }
}
