package dev.scaletoolkit.cli.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to start {@code scale} in a child process the way a user does: through the {@code ./scale} launcher of the
 * checkout this jar was built in, or, when this code does not run from {@code scale-cli/target/scale.jar} (tests),
 * through {@code java} on this process's class path with the launcher's options for short commands.
 */
final class Launcher {
    /** Set to 1, the launcher starts {@link Floor} with a short command's options instead of the CLI. */
    static final String FLOOR_ENV = "SCALE_JVM_FLOOR";

    private final Path script;
    private final Path jar;

    private Launcher(Path script, Path jar) {
        this.script = script;
        this.jar = jar;
    }

    /** The launcher of this build, found from where this class was loaded. */
    static Launcher find() {
        try {
            Path where = Path.of(Launcher.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
            if (where.getFileName().toString().equals("scale.jar")) {
                Path root = where.getParent().getParent().getParent(); // <root>/scale-cli/target/scale.jar
                Path script = root.resolve("scale");
                if (Files.isExecutable(script)) {
                    return new Launcher(script, where);
                }
                return new Launcher(null, where);
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not from a jar on the file system: fall through
        }
        return new Launcher(null, null);
    }

    /** True when commands run through the {@code ./scale} script. */
    boolean viaScript() {
        return script != null;
    }

    /** What is started: the script, or java with this class path. */
    String describe() {
        return script != null ? script.toString() : "java -cp <this class path> (no ./scale launcher found)";
    }

    /** The command line for {@code scale args...}. */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (script != null) {
            command.add(script.toString());
        } else {
            command.add(javaBin());
            if (!(args.length > 0 && (args[0].equals("up") || args[0].equals("bench")))) {
                command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            }
            // the jar's main class: short commands through a running scale up, else the CLI in the same JVM
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.scaletoolkit.cli.resident.Thin"));
        }
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * The JVM floor: a class that does nothing ({@link Floor}), started exactly as a short command is (the
     * launcher runs it instead of the CLI when {@link #FLOOR_ENV} is set to 1).
     */
    List<String> floorCommand() {
        if (script != null) {
            return List.of(script.toString());
        }
        return List.of(
                javaBin(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Floor.class.getName());
    }

    /**
     * JVM options that give a child {@code java} the launcher's class-data sharing archive, when this runs from
     * the built jar and the archive exists (empty otherwise).
     */
    List<String> archiveOptions() {
        if (jar == null) {
            return List.of();
        }
        Path jsa = jar.resolveSibling("scale.jsa");
        if (!Files.isRegularFile(jsa) || !System.getProperty("java.class.path").equals(jar.toString())) {
            return List.of();
        }
        List<String> options = new ArrayList<>(List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + jsa));
        try {
            Path extra = jar.resolveSibling("scale.jsa.opts");
            if (Files.isRegularFile(extra)) {
                options.addAll(Arrays.asList(Files.readString(extra).trim().split("\\s+")));
            }
        } catch (IOException ignored) {
            // without the extra options the archive is relocated, which is only slower
        }
        return options;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
