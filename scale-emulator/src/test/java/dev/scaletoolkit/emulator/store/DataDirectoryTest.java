package dev.scaletoolkit.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds the callback secrets in clear: only its owner may read it, after every start. */
class DataDirectoryTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private List<Path> everything(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.toList();
        }
    }

    @Test
    void theDatabaseAndItsDirectoryAreOwnerOnlyAndARestartTightensThemAgain() throws IOException {
        Path data = tmp.resolve("data");
        try (TestEmulator scale = TestEmulator.start(TestEmulator.defaults(data).build(), false)) {
            assertThat(scale.dataDir()).isEqualTo(data);
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(Files.exists(data.resolve("scale.db"))).isTrue();
        for (Path p : everything(data)) {
            assertThat(mode(p)).as(p.toString()).isIn("rwx------", "rw-------");
        }

        // Someone loosens them (a copy, an archive restore); the next start puts them back.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("scale.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (TestEmulator scale = TestEmulator.start(TestEmulator.defaults(data).build(), false)) {
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("scale.db"))).isEqualTo("rw-------");
        }
    }
}
