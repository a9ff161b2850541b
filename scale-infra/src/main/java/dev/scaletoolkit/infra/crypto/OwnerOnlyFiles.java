package dev.scaletoolkit.infra.crypto;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files and directories that only their owner may read, created that way (never chmod-ed after the fact). */
public final class OwnerOnlyFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {}

    /** Creates {@code dir} (and parents) if missing; a directory this call creates is {@code rwx------}. */
    public static Path directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            if (POSIX) {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process made it first
        }
        return dir;
    }

    /**
     * Writes {@code bytes} to a new file that is {@code rw-------} from its first byte.
     *
     * @throws FileAlreadyExistsException if the file exists (so two processes never overwrite each other's key)
     */
    public static void createNew(Path file, byte[] bytes) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, bytes);
    }

    /**
     * Replaces {@code file}'s content with {@code bytes} in one step: the bytes go to a new owner-only file beside it,
     * which is then moved over {@code file}, so a reader sees the old content or the new one, never half of it.
     */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = POSIX
                ? Files.createTempFile(
                        dir,
                        file.getFileName().toString(),
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** True when group or others may read or write {@code path} (always false where POSIX modes do not exist). */
    public static boolean openToOthers(Path path) throws IOException {
        if (!POSIX) {
            return false;
        }
        Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        return perms.stream()
                .anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
    }
}
