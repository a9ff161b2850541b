package dev.scaletoolkit.emulator.store;

import dev.scaletoolkit.emulator.EmulatorContext;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Empties the database for {@code POST /_emulator/reset}, in one transaction.
 *
 * <p>By default accounts survive with their API keys, callback auth keys and owner (the first team member), so a
 * test suite can reset between tests and keep using the keys it has; everything else goes. With
 * {@code keepAccounts=false} the accounts go too. Tables are found from the schema rather than listed here, so
 * tables that later migrations add are emptied as well, children before the tables they reference.
 */
public final class DataReset {
    private static final Set<String> ACCOUNT_TABLES = Set.of("accounts", "api_keys", "team_members", "demo_account");

    private DataReset() {}

    /** Returns the number of accounts left. */
    public static int run(EmulatorContext context, boolean keepAccounts) {
        return context.db().write(h -> {
            try {
                Connection connection = h.getConnection();
                for (String table : childrenFirst(connection, context.db().isPostgres())) {
                    String name = table.toLowerCase(Locale.ROOT);
                    if (keepAccounts && name.equals("team_members")) {
                        h.execute("DELETE FROM team_members WHERE NOT EXISTS (SELECT 1 FROM accounts a"
                                + " WHERE a.id = team_members.account_id AND a.email = team_members.email)");
                    } else if (!(keepAccounts && ACCOUNT_TABLES.contains(name))) {
                        h.execute("DELETE FROM " + table);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the schema to reset it: " + e.getMessage(), e);
            }
            return h.createQuery("SELECT COUNT(*) FROM accounts")
                    .mapTo(Integer.class)
                    .one();
        });
    }

    /** The application's tables, ordered so that no table comes after a table it references. */
    private static List<String> childrenFirst(Connection connection, boolean postgres) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = postgres ? connection.getSchema() : null;
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("sqlite_") && !lower.startsWith("flyway_")) {
                    tables.add(name);
                }
            }
        }
        // parent -> tables that reference it
        Map<String, Set<String>> referencedBy = new HashMap<>();
        for (String table : tables) {
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equalsIgnoreCase(table)) {
                        referencedBy
                                .computeIfAbsent(parent.toLowerCase(Locale.ROOT), k -> new HashSet<>())
                                .add(table.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progressed = false;
            for (String table : tables) {
                String lower = table.toLowerCase(Locale.ROOT);
                if (done.contains(lower)) {
                    continue;
                }
                Set<String> children = referencedBy.getOrDefault(lower, Set.of());
                if (done.containsAll(
                        children.stream().filter(c -> !c.equals(lower)).toList())) {
                    ordered.add(table);
                    done.add(lower);
                    progressed = true;
                }
            }
            if (!progressed) {
                // A reference cycle: delete the rest in any order and let the database complain if it must.
                tables.stream()
                        .filter(t -> !done.contains(t.toLowerCase(Locale.ROOT)))
                        .forEach(t -> {
                            ordered.add(t);
                            done.add(t.toLowerCase(Locale.ROOT));
                        });
            }
        }
        return ordered;
    }
}
