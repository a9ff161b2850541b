package dev.scaletoolkit.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class SqliteNativeTest {
    @Test
    void sqliteLoadsTheLibraryFromOneOwnerOnlyCopyOfTheJarsBytes() throws Exception {
        SqliteNative.prepare();
        SqliteNative.prepare(); // a second open in the same JVM changes nothing

        Path dir = Path.of(System.getProperty(SqliteNative.PATH_PROPERTY));
        Path copy = dir.resolve(System.getProperty(SqliteNative.NAME_PROPERTY));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        String resource = "org/sqlite/native/" + (System.getProperty("os.name").startsWith("Mac") ? "Mac" : "Linux")
                + "/" + (System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86_64") + "/"
                + System.mapLibraryName("sqlitejdbc");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(Files.readAllBytes(copy)).isEqualTo(in.readAllBytes());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).matches("3\\.\\d+\\.\\d+");
        }
        Path maps = Path.of("/proc/self/maps");
        if (Files.exists(maps)) { // Linux: the library mapped is the copy, not a fresh extraction
            assertThat(Files.readString(maps)).contains(copy.toString());
        }
    }
}
