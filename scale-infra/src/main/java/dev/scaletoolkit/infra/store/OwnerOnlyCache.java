package dev.scaletoolkit.infra.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory of the temporary directory that only this user can write, for files a start reuses across processes
 * (SQLite's native library, the migrated empty database). Anything another user could have written there would be
 * loaded or copied by us, so an existing directory is used only when it is ours and nobody else may write to it.
 */
public final class OwnerOnlyCache {
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private OwnerOnlyCache() {}

    /**
     * The directory {@code scale-toolkit-NAME-USER} in {@code java.io.tmpdir}, made owner-only when missing.
     *
     * @param name what the cache holds, part of the directory's name
     * @return the directory, or null when it exists but is not this user's alone (callers then do without)
     * @throws IOException when it cannot be made or read
     */
    public static Path directory(String name) throws IOException {
        String user = System.getProperty("user.name", "user");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "scale-toolkit-" + name + "-" + user);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made by another process at the same moment: checked below like any existing directory
            }
        }
        PosixFileAttributes attributes =
                Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean ours = attributes.isDirectory()
                && attributes.owner().getName().equals(user)
                && attributes.permissions().stream().noneMatch(OTHERS_WRITE::contains);
        return ours ? dir : null;
    }
}
