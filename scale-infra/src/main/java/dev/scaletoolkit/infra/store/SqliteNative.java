package dev.scaletoolkit.infra.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;

/**
 * Lets sqlite-jdbc load its native library from one copy per version instead of extracting it again in every
 * process: by default each JVM inflates the 1 MB library into the temporary directory under a new name and then
 * compares it byte by byte with the jar's copy, about a quarter of the thread that first opens a database at
 * {@code scale up} (issue 22). The copy is named by the jar entry's CRC and size, so another sqlite-jdbc version
 * never reuses it, lives in an owner-only directory of the temporary directory, and is written whole (atomic move).
 * sqlite-jdbc then loads it through its documented {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}.
 *
 * <p>Anything unusual (the properties already set, no POSIX file system, the directory not ours or writable by
 * others, the library not in a jar) leaves sqlite-jdbc's own loading as it was.
 */
final class SqliteNative {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static volatile boolean prepared;

    private SqliteNative() {}

    /** Points sqlite-jdbc at the cached copy of its library, writing that copy first if it is missing. */
    static void prepare() {
        if (prepared) {
            return;
        }
        synchronized (SqliteNative.class) {
            if (!prepared) {
                try {
                    point();
                } catch (IOException | RuntimeException e) {
                    // sqlite-jdbc extracts the library itself, as it always did
                }
                prepared = true;
            }
        }
    }

    private static void point() throws IOException {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        String folder = nativeFolder();
        if (folder == null) {
            return;
        }
        String library = System.mapLibraryName("sqlitejdbc");
        URL url = SqliteNative.class.getClassLoader().getResource("org/sqlite/native/" + folder + "/" + library);
        if (url == null) {
            return;
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return;
        }
        connection.setUseCaches(false);
        JarEntry entry = jar.getJarEntry();
        if (entry.getCrc() < 0 || entry.getSize() < 0) {
            return;
        }
        Path dir = OwnerOnlyCache.directory("native");
        if (dir == null) {
            return;
        }
        String name = "sqlitejdbc-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize() + "-" + library;
        Path copy = dir.resolve(name);
        if (!(Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS) && Files.size(copy) == entry.getSize())) {
            Path partial = Files.createTempFile(dir, "partial-", ".so");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                // another JVM starting at the same moment sees the whole library or none
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        System.setProperty(PATH_PROPERTY, dir.toString());
        System.setProperty(NAME_PROPERTY, name);
    }

    /** sqlite-jdbc's folder for this platform, for the platforms the toolkit runs on; null for any other. */
    private static String nativeFolder() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        String osFolder = os.startsWith("Linux") ? "Linux" : os.startsWith("Mac") ? "Mac" : null;
        String archFolder = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        // Alpine (musl) uses Linux-Musl in sqlite-jdbc: leave its detection to sqlite-jdbc
        if (osFolder == null || archFolder == null || Files.exists(Path.of("/etc/alpine-release"))) {
            return null;
        }
        return osFolder + "/" + archFolder;
    }
}
