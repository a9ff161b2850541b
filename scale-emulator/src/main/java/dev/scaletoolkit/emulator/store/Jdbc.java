package dev.scaletoolkit.emulator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Plain JDBC on a Jdbi handle's connection, for the few statements that every create and every get runs. Jdbi
 * resolves an argument factory for each bound value and keeps a statement context with cleanables for each
 * statement; for these one-row statements that bookkeeping cost several times what the database itself spent
 * (profile in {@code docs/benchmarks.md}). The SQL still lives in the store that owns its table; parameters are
 * positional ({@code ?}) and bound as given (String, Integer, Long or null).
 *
 * <p>Failures are thrown as Jdbi's {@link UnableToExecuteStatementException} with the {@link SQLException} as
 * cause, as Jdbi would, so conflict handling (unique violations, lost races) reads them the same way.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public static int update(Handle h, String sql, Object... args) {
        return update(h.getConnection(), sql, args);
    }

    /** As {@link #update(Handle, String, Object...)} on a plain connection. */
    public static int update(Connection c, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row of a query, mapped; empty when there is none. */
    public static <T> Optional<T> first(Handle h, String sql, Row<T> row, Object... args) {
        return first(h.getConnection(), sql, row, args);
    }

    /** As {@link #first(Handle, String, Row, Object...)} on a plain connection. */
    public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Every row of a query, mapped, in order. */
    public static <T> java.util.List<T> list(Handle h, String sql, Row<T> row, Object... args) {
        return list(h.getConnection(), sql, row, args);
    }

    /** As {@link #list(Handle, String, Row, Object...)} on a plain connection. */
    public static <T> java.util.List<T> list(Connection c, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                java.util.List<T> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first column of the first row as text; empty when there is no row or the value is null. */
    public static Optional<String> string(Handle h, String sql, Object... args) {
        return string(h.getConnection(), sql, args);
    }

    /** As {@link #string(Handle, String, Object...)} on a plain connection. */
    public static Optional<String> string(Connection c, String sql, Object... args) {
        return first(c, sql, rs -> rs.getString(1), args);
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                throw new IllegalArgumentException("Jdbc binds String, Integer, Long or null, not " + a.getClass());
            }
        }
    }

    private static UnableToExecuteStatementException failed(String sql, SQLException e) {
        return new UnableToExecuteStatementException("Could not run [" + sql + "]: " + e.getMessage(), e, null);
    }
}
