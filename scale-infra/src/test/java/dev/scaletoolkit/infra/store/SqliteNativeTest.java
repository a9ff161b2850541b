package dev.scaletoolkit.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: sqlite-jdbc loads its native library from one owner-only copy per version instead of extracting it in
 * every process. Checked in a JVM of its own, because another test of this JVM may have loaded SQLite already.
 */
class SqliteNativeTest {
    @Test
    void sqliteLoadsTheLibraryFromOneOwnerOnlyCopyOfTheJarsBytes(@TempDir Path tmp) throws Exception {
        Path errors = tmp.resolve("stderr.txt");
        Process probe = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Probe.class.getName())
                .redirectError(errors.toFile())
                .start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(out + Files.readString(errors)).isZero();
        String[] lines = out.trim().split("\n");
        Path copy = Path.of(lines[0].trim());
        assertThat(lines[1].trim()).matches("3\\.\\d+\\.\\d+"); // SQLite answered

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent())))
                .isEqualTo("rwx------");
        String resource = "org/sqlite/native/" + (System.getProperty("os.name").startsWith("Mac") ? "Mac" : "Linux")
                + "/" + (System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86_64") + "/"
                + System.mapLibraryName("sqlitejdbc");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(Files.readAllBytes(copy)).isEqualTo(in.readAllBytes());
        }
        if (Files.exists(Path.of("/proc/self/maps"))) { // Linux: the library mapped is the copy, not an extraction
            assertThat(lines[2].trim()).isEqualTo("mapped");
        }
    }

    /** Opens SQLite the way every module does and prints the copy, SQLite's version and whether the copy is mapped. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            SqliteNative.prepare();
            SqliteNative.prepare(); // a second open in the same JVM changes nothing
            Path copy = Path.of(System.getProperty(SqliteNative.PATH_PROPERTY))
                    .resolve(System.getProperty(SqliteNative.NAME_PROPERTY));
            System.out.println(copy);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                    ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
                rs.next();
                System.out.println(rs.getString(1));
            }
            Path maps = Path.of("/proc/self/maps");
            System.out.println(
                    Files.exists(maps) && Files.readString(maps).contains(copy.toString()) ? "mapped" : "not mapped");
        }
    }
}
