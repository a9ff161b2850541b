package dev.scaletoolkit.cli.bench;

import dev.scaletoolkit.emulator.store.EmulatorDatabase;
import dev.scaletoolkit.infra.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The storage floor the create rate is set against: the rows a create stores in {@code tasks} inserted straight
 * into SQLite from one thread, with the emulator's own schema (its migrations, so the same indexes), WAL, the same
 * {@code synchronous} setting and as many rows a commit as the emulator's group commit averaged in the create run.
 * No HTTP, no JSON, no checks: what SQLite alone costs for those rows on this disk, in this run.
 */
final class StorageFloor {
    private static final String INSERT = "INSERT INTO tasks (id, account_id, test_mode, type, status, project, batch,"
            + " unique_id, created_at, updated_at, work_due_at, doc, internal)"
            + " VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)";

    private StorageFloor() {}

    /**
     * Rows a second over {@code window}.
     *
     * @param dir an empty directory on the same disk as the emulator's data
     * @param sync {@code FULL} or {@code NORMAL}, as the emulator ran
     * @param rowsPerCommit the create run's mean group size (at least 1)
     * @param doc a task document as a create stores it (its size is what matters)
     */
    static double rowsPerSecond(Path dir, String sync, int rowsPerCommit, String doc, Duration window)
            throws SQLException, java.io.IOException {
        Database.Sync mode = Database.Sync.valueOf(sync);
        EmulatorDatabase.sqlite(dir, mode).close(); // the emulator's schema, every index
        Path file = dir.resolve("scale.db");
        try (Connection c = DriverManager.getConnection(Database.sqliteUrl(file, mode))) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO accounts (id, name, email, callback_auth_key, created_at)"
                        + " VALUES ('floor', 'floor', 'floor@example.com', 'cbk_floor', '2026-01-01T00:00:00.000Z')");
            }
            c.setAutoCommit(false);
            long rows = 0;
            long started = System.nanoTime();
            long end = started + window.toNanos();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                while (System.nanoTime() < end) {
                    for (int i = 0; i < rowsPerCommit; i++, rows++) {
                        String id = String.format("%024x", rows);
                        String now = java.time.Instant.now().toString();
                        ps.setString(1, id);
                        ps.setString(2, "floor");
                        ps.setInt(3, 0);
                        ps.setString(4, "categorization");
                        ps.setString(5, "bench-project");
                        ps.setString(6, "bench-batch");
                        ps.setString(7, "floor-" + rows);
                        ps.setString(8, now);
                        ps.setString(9, now);
                        ps.setString(10, now);
                        ps.setString(11, doc);
                        ps.setNull(12, java.sql.Types.VARCHAR); // a create without internal keys
                        ps.executeUpdate();
                    }
                    c.commit();
                }
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        } finally {
            BenchCommand.deleteTree(dir);
        }
    }

    /** A fresh directory beside {@code near} (same disk), for {@link #rowsPerSecond}. */
    static Path directoryNear(Path near) throws java.io.IOException {
        return near == null
                ? Files.createTempDirectory("scale-bench-floor")
                : Files.createTempDirectory(near.toAbsolutePath().getParent(), "scale-bench-floor");
    }
}
