package dev.scaletoolkit.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Which files of the machine running the tools a caller may read ({@code UPLOAD_FILE.file_path}) and write
 * ({@code EXPORT_RESULTS.output_path}). A person running the CLI or a stdio server uses their own files
 * ({@link #UNRESTRICTED}); a remote caller (MCP over HTTP, the gateway) only a configured upload directory and
 * export directory, and none when they are not configured. Paths are resolved inside the directory and checked
 * after symbolic links are followed, so {@code ../} and links cannot leave it.
 *
 * @param uploadDir where remote callers may read from, or null for nowhere
 * @param exportDir where remote callers may write to, or null for nowhere
 * @param unrestricted the caller is the machine's own user
 * @param workingDir what an unrestricted caller's relative paths are relative to, or null for this process's
 *     directory (a server running a command for a process elsewhere gives that process's)
 */
public record LocalFiles(Path uploadDir, Path exportDir, boolean unrestricted, Path workingDir) {
    public static final String UPLOAD_DIR_ENV = "SCALE_UPLOAD_DIR";
    public static final String EXPORT_DIR_ENV = "SCALE_EXPORT_DIR";
    public static final LocalFiles UNRESTRICTED = new LocalFiles(null, null, true);

    /**
     * Access with relative paths taken from this process's directory.
     *
     * @param uploadDir where remote callers may read from, or null for nowhere
     * @param exportDir where remote callers may write to, or null for nowhere
     * @param unrestricted the caller is the machine's own user
     */
    public LocalFiles(Path uploadDir, Path exportDir, boolean unrestricted) {
        this(uploadDir, exportDir, unrestricted, null);
    }

    /**
     * The same access, with an unrestricted caller's relative paths resolved against {@code dir}.
     *
     * @param dir the caller's working directory
     * @return the access for that caller
     */
    public LocalFiles in(Path dir) {
        return new LocalFiles(uploadDir, exportDir, unrestricted, dir);
    }

    /** For remote transports: the directories named by {@code SCALE_UPLOAD_DIR} and {@code SCALE_EXPORT_DIR}. */
    public static LocalFiles remoteFromEnv(Function<String, String> env) {
        return new LocalFiles(dir(env.apply(UPLOAD_DIR_ENV)), dir(env.apply(EXPORT_DIR_ENV)), false);
    }

    private static Path dir(String value) {
        return value == null || value.isBlank()
                ? null
                : Path.of(value.trim()).toAbsolutePath().normalize();
    }

    /** The file {@code given} names, if this caller may read it. */
    public Path readable(String field, String given) {
        if (unrestricted) {
            return workingDir == null ? Path.of(given) : workingDir.resolve(given);
        }
        if (uploadDir == null) {
            throw new ToolInputException(
                    field,
                    "file content (file.content_base64) or a URL (IMPORT_FILE): reading files of the server is off"
                            + " for remote callers unless " + UPLOAD_DIR_ENV + " names a directory");
        }
        Path inside = inside(field, uploadDir, given, UPLOAD_DIR_ENV);
        try {
            Path real = inside.toRealPath();
            if (!real.startsWith(uploadDir.toRealPath())) {
                throw new ToolInputException(field, "a file inside the upload directory (a link leads out of it)");
            }
            return real;
        } catch (IOException e) {
            throw new ToolInputException(
                    field, "a readable file inside the upload directory (not found: " + given + ")");
        }
    }

    /** The new file {@code given} names, if this caller may write it. */
    public Path writable(String field, String given) {
        if (unrestricted) {
            return workingDir == null ? Path.of(given) : workingDir.resolve(given);
        }
        if (exportDir == null) {
            throw new ToolInputException(
                    field,
                    "no output_path (the results come back in the answer): writing files on the server is off for"
                            + " remote callers unless " + EXPORT_DIR_ENV + " names a directory");
        }
        Path inside = inside(field, exportDir, given, EXPORT_DIR_ENV);
        try {
            Files.createDirectories(exportDir);
            Path parent = inside.getParent().toRealPath();
            if (!parent.startsWith(exportDir.toRealPath())) {
                throw new ToolInputException(field, "a path inside the export directory (a link leads out of it)");
            }
            return parent.resolve(inside.getFileName());
        } catch (IOException e) {
            throw new ToolInputException(field, "a path whose folder exists inside the export directory");
        }
    }

    private static Path inside(String field, Path dir, String given, String env) {
        Path p = dir.resolve(given).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) {
            throw new ToolInputException(field, "a file name inside the directory " + env + " names (no '..')");
        }
        return p;
    }
}
