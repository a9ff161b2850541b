package dev.scaletoolkit.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data directory readable by its owner only: it holds the database (with every account's callback
 * secret), the demo keys and uploaded files. Directories become 0700 and files 0600 on every start, so a copy, an
 * archive restore or a permissive umask never leaves them open for long. File systems without POSIX permissions are
 * left as they are.
 */
public final class DataDirectory {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    /** Creates {@code dir} if needed and tightens it and everything under it. */
    public static void ownerOnly(Path dir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(dir);
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIR : FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory " + dir + " owner-only", e);
        }
    }
}
