package dev.scaletoolkit.emulator.junit;

import dev.scaletoolkit.model.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;

/**
 * Starts the emulator in a child JVM from the standalone jar that this module's jar carries inside it, and reads
 * the child's ready line. The child's classes never meet the test's: it has its own Jetty, Jackson, SQLite and
 * logging, whatever versions the application uses.
 *
 * <p>Where the emulator comes from, first match wins: the system property {@value #JAR_PROPERTY} (a standalone jar
 * of your choice); the jar embedded at {@value #EMBEDDED} (copied once per version into the temporary directory);
 * the class path in the system property {@value #CLASSPATH_PROPERTY}, where an entry {@code @FILE} stands for the
 * class path written in FILE (this project's own tests, which run before the jar is packaged).
 */
final class EmulatorLauncher {
    static final String JAR_PROPERTY = "scale.emulator.jar";
    static final String CLASSPATH_PROPERTY = "scale.emulator.classpath";
    static final String JAVA_OPTIONS_PROPERTY = "scale.emulator.java-options";
    static final String EMBEDDED = "META-INF/scale-toolkit/scale-emulator-standalone.jar";
    static final String MAIN_CLASS = "dev.scaletoolkit.emulator.standalone.StandaloneMain";
    static final String READY = "scale-emulator-ready ";

    /** Generous for a loaded CI machine; a healthy start takes about a second. */
    private static final long START_TIMEOUT_SECONDS = 120;

    private EmulatorLauncher() {}

    /** What the child reported once it was listening. */
    record Started(Process process, JsonValue ready, Path log, List<String> command) {}

    static Started launch() {
        return launch(List.of());
    }

    /** Starts a child whose test-kit mode gets {@code testKitOptions} (such as {@code --clock-start=...}). */
    static Started launch(List<String> testKitOptions) {
        List<String> command = command();
        command.addAll(testKitOptions);
        Path log;
        try {
            log = Files.createTempFile(cacheDir(), "emulator-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's log file", e);
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(log.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the emulator's JVM: " + String.join(" ", command), e);
        }
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> readyLine(process.getInputStream()));
        try {
            String ready = line.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (ready == null) {
                process.waitFor(5, TimeUnit.SECONDS);
                throw failed("exited before it was ready", process, log);
            }
            return new Started(process, JsonValue.parse(ready.substring(READY.length())), log, command);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw failed("was not ready within " + START_TIMEOUT_SECONDS + " s", process, log);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw failed("could not be read (" + e.getCause() + ")", process, log);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the emulator started", e);
        }
    }

    private static String readyLine(InputStream out) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (l.startsWith(READY)) {
                    return l;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException failed(String what, Process process, Path log) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            tail = "(log unreadable: " + e + ")";
        }
        String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        return new IllegalStateException(
                "The Scale emulator's JVM " + what + " (" + exit + "; log " + log + "):\n" + tail);
    }

    static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived test server: quick start matters more than peak speed.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-Xmx512m");
        command.add("-Dscale.log.level=WARN");
        command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc's natives: no warning on newer JDKs
        String options = System.getProperty(JAVA_OPTIONS_PROPERTY, "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar != null && !jar.isBlank()) {
            Path path = Path.of(jar);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(JAR_PROPERTY + " names " + jar + ", which is not a file");
            }
            command.addAll(classDataSharing(path));
            command.addAll(List.of("-jar", path.toString()));
        } else if (System.getProperty(CLASSPATH_PROPERTY) != null) {
            command.addAll(List.of("-cp", expand(System.getProperty(CLASSPATH_PROPERTY)), MAIN_CLASS));
        } else {
            Path embedded = embeddedJar();
            command.addAll(classDataSharing(embedded));
            command.addAll(List.of("-jar", embedded.toString()));
        }
        command.add("--test-kit");
        return command;
    }

    /**
     * Class data sharing for the emulator's jar: the first child writes an archive of the classes it loaded when
     * it exits, later ones map it instead of loading and verifying those classes again (about a third of the
     * start). The archive is written under a name of its own and moved into place by {@link #adoptArchive}, so two
     * JVMs never share a half-written one; a stale or foreign archive is ignored by the JVM.
     */
    static List<String> classDataSharing(Path jar) {
        if (Boolean.getBoolean("scale.emulator.no-cds")) {
            return List.of();
        }
        Path archive = archiveFor(jar);
        adoptFinishedArchive(archive);
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        Path pending = pendingArchive(archive);
        return List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * A child whose parent did not wait for its exit (a test JVM killed at the end of its run) may still have
     * written its archive; one untouched for a minute is complete, and becomes the archive.
     */
    private static void adoptFinishedArchive(Path archive) {
        if (Files.isRegularFile(archive)) {
            return;
        }
        String prefix = archive.getFileName() + ".";
        try (var files = Files.list(archive.getParent())) {
            for (Path pending : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".pending"))
                    .toList()) {
                long age = System.currentTimeMillis()
                        - Files.getLastModifiedTime(pending).toMillis();
                if (age > 60_000 && Files.size(pending) > 0) {
                    Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
            }
        } catch (IOException e) {
            // no archive this time; the child starts without one
        }
    }

    /** After a child has exited: its archive, if it wrote one, becomes the one later children use. */
    static void adoptArchive(List<String> command) {
        for (String option : command) {
            if (option.startsWith("-XX:ArchiveClassesAtExit=")) {
                Path pending = Path.of(option.substring("-XX:ArchiveClassesAtExit=".length()));
                Path archive = Path.of(pending.toString().replaceFirst("\\.[0-9]+-[0-9]+\\.pending$", ""));
                try {
                    if (Files.isRegularFile(pending) && Files.size(pending) > 0) {
                        Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    // another JVM adopted its archive first; this one is not needed
                } finally {
                    try {
                        Files.deleteIfExists(pending);
                    } catch (IOException ignored) {
                        // a leftover file in the temporary directory
                    }
                }
            }
        }
    }

    private static Path archiveFor(Path jar) {
        String version = Runtime.version().toString().replaceAll("[^A-Za-z0-9.+-]", "_");
        return cacheDir().resolve(jar.getFileName() + "-" + version + ".jsa");
    }

    private static final java.util.concurrent.atomic.AtomicInteger CHILDREN =
            new java.util.concurrent.atomic.AtomicInteger();

    private static Path pendingArchive(Path archive) {
        return Path.of(archive + "." + ProcessHandle.current().pid() + "-" + CHILDREN.incrementAndGet() + ".pending");
    }

    /** Whether the child writes an archive when it exits, which takes a while. */
    static boolean writesArchive(List<String> command) {
        return command.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    }

    /** A class path whose {@code @FILE} entries are replaced by the class path that FILE holds. */
    static String expand(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.startsWith("@")) {
                try {
                    entries.add(Files.readString(Path.of(entry.substring(1))).trim());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the emulator's class path from " + entry, e);
                }
            } else if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The embedded standalone jar as a file: used in place, or copied once per content into the cache. */
    static Path embeddedJar() {
        URL url = EmulatorLauncher.class.getClassLoader().getResource(EMBEDDED);
        if (url == null) {
            throw new IllegalStateException("The emulator's jar (" + EMBEDDED + ") is not on the class path: use"
                    + " the published scale-emulator-junit jar, or set -D" + JAR_PROPERTY
                    + "=path/to/scale-emulator-standalone.jar");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Path.of(url.toURI());
            }
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            String name = "scale-emulator-standalone.jar";
            if (connection instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                // The entry's CRC and size name the copy, so a new version never reuses an old copy.
                name = "scale-emulator-standalone-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize() + ".jar";
                Path cached = cacheDir().resolve(name);
                if (Files.isRegularFile(cached) && Files.size(cached) == entry.getSize()) {
                    return cached;
                }
            }
            Path target = cacheDir().resolve(name);
            Path partial = Files.createTempFile(cacheDir(), "partial-", ".jar");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // Atomic, so a JVM starting at the same moment sees the whole jar or none.
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the emulator's jar out of " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path cacheDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "scale-toolkit-" + System.getProperty("user.name"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
