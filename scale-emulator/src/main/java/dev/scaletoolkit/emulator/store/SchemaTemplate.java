package dev.scaletoolkit.emulator.store;

import dev.scaletoolkit.infra.schema.SchemaCheck;
import dev.scaletoolkit.infra.store.Database;
import dev.scaletoolkit.infra.store.OwnerOnlyCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A new SQLite data directory starts from a copy of an empty database that Flyway migrated once, instead of
 * running Flyway again: loading Flyway and applying every migration was a third of a fresh {@code scale up} and of
 * every JUnit-extension child, whose data directory is always new (issue 22). The copy is exactly what Flyway left
 * (its history table included), so the start that follows finds the schema current by the usual check and later
 * migrations apply to it as to any database.
 *
 * <p>The template is named by a digest of the migrations on the class path (versions and Flyway checksums), so a
 * build with other migrations never uses it; it lives in an owner-only directory of the temporary directory and
 * appears whole (migrated beside it, closed, then moved in). Anything unusual (no POSIX file system, a directory
 * not ours, a database that did not close cleanly, any I/O error) leaves the data directory to Flyway as before.
 */
final class SchemaTemplate {

    private SchemaTemplate() {}

    /** When {@code file} does not exist yet, puts a migrated empty database there; otherwise does nothing. */
    static void seed(Path file) {
        if (exists(file) || exists(Path.of(file + "-wal"))) {
            return;
        }
        try {
            Path template = template();
            if (template != null) {
                Files.copy(template, file);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created the database first: it is opened as it is
        } catch (IOException | RuntimeException e) {
            // Flyway migrates the new database, as it always did
        }
    }

    /** The template for this build's migrations, made now when missing; null when it cannot be made safely. */
    static Path template() throws IOException {
        Map<String, Integer> migrations = SchemaCheck.classpathMigrations(EmulatorDatabase.SCHEMA.location());
        if (migrations.isEmpty()
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return null;
        }
        Path dir = OwnerOnlyCache.directory("schema");
        if (dir == null) {
            return null;
        }
        Path template = dir.resolve("emulator-schema-" + digest(migrations) + ".db");
        if (Files.isRegularFile(template, LinkOption.NOFOLLOW_LINKS)) {
            return template;
        }
        Path work = Files.createTempDirectory(dir, "migrating-");
        try {
            Path partial = work.resolve("scale.db");
            Database.sqlite(partial, Database.Sync.NORMAL, EmulatorDatabase.SCHEMA, 1)
                    .close();
            // closing the last connection checkpoints the write-ahead log into the file and removes it
            if (exists(Path.of(partial + "-wal")) && Files.size(Path.of(partial + "-wal")) > 0) {
                return null;
            }
            Files.move(partial, template, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return template;
        } finally {
            try (var left = Files.list(work)) {
                for (Path p : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static String digest(Map<String, Integer> migrations) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(migrations)
                .forEach((v, c) -> all.append(v).append('=').append(c).append('\n'));
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
