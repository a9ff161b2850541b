package dev.scaletoolkit.emulator.store;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a query's rows one at a time for listings that are never built whole in memory. Stores use it so their
 * listings hold one row (plus the driver's fetch window) at a time, however large the table grows. A listing that
 * reaches its cap says so in the log: the unpaged shapes Scale answers with have no field to say it in.
 */
public final class Streamed {
    private static final Logger LOG = LoggerFactory.getLogger(Streamed.class);

    /** Rows the driver fetches per round trip; small, so a window of large rows stays small too. */
    public static final int FETCH_SIZE = 16;

    private Streamed() {}

    /**
     * Hands each row of {@code mapped} (a query with its mapper) to {@code each}, stopping after {@code max} rows;
     * returns how many it handed over. PostgreSQL fetches by the fetch size only inside a transaction (otherwise
     * it reads every row first), so this opens a read-only one when the handle has none. When rows were left out
     * at the cap, one warning names the query (its SQL, never its values).
     */
    public static <T> int forEach(
            Handle h,
            Query query,
            java.util.function.Function<Query, ResultIterable<T>> mapped,
            int max,
            Consumer<T> each) {
        boolean ownTransaction = !h.isInTransaction();
        if (ownTransaction) {
            h.begin();
        }
        try {
            int n = 0;
            // one row past the cap, read only to know whether the cap left rows out
            int read = max == Integer.MAX_VALUE ? max : max + 1;
            try (ResultIterator<T> rows = mapped.apply(
                            query.setFetchSize(FETCH_SIZE).setMaxRows(read))
                    .iterator()) {
                while (rows.hasNext()) {
                    if (n == max) {
                        LOG.warn(
                                "A listing reached its cap of {} rows and left the rest out (EmulatorLimits): {}",
                                max,
                                rows.getContext().getRawSql());
                        break;
                    }
                    each.accept(rows.next());
                    n++;
                }
            }
            return n;
        } finally {
            if (ownTransaction) {
                h.rollback();
            }
        }
    }
}
