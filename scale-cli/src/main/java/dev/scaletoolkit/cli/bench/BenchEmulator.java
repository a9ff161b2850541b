package dev.scaletoolkit.cli.bench;

import dev.scaletoolkit.emulator.auth.DemoAccount;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emulator under test, in a JVM of its own (so its memory is its own and the load generator's threads are not
 * counted in it), started as {@code scale up} on a data directory of the benchmark's.
 */
final class BenchEmulator implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Listening on port: (\\d+)");
    private final Process process;
    private final int port;
    private final Path data;
    private final List<String> output = new ArrayList<>();

    private BenchEmulator(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    /** Starts {@code scale up --no-workforce} on {@code data} and waits until it listens. */
    static BenchEmulator start(Path data, String sqliteSync, List<String> jvmArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Launcher.find().archiveOptions()); // the class-data archive ./scale up starts with
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.scaletoolkit.cli.ScaleCli");
        command.addAll(
                List.of("up", "--port", "0", "--data", data.toString(), "--no-workforce", "--sqlite-sync", sqliteSync));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Its own gateway home: the user's connections and emulator.json keep pointing at their own emulator, and
        // no trigger poller of theirs (or ours) reads the bench's tasks while it measures.
        builder.environment().put("SCALE_HOME", data.resolve("home").toString());
        builder.environment().put("SCALE_TRIGGERS_POLL_INTERVAL", "PT0S");
        Process p = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            synchronized (lines) {
                                lines.add(line);
                            }
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) {
                                port.complete(Integer.parseInt(m.group(1)));
                            }
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                    port.completeExceptionally(new IllegalStateException("the emulator exited before listening"));
                },
                "bench-emulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            BenchEmulator emulator = new BenchEmulator(p, port.get(180, TimeUnit.SECONDS), data);
            synchronized (lines) {
                emulator.output.addAll(lines);
            }
            return emulator;
        } catch (InterruptedException | java.util.concurrent.ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String said;
            synchronized (lines) {
                said = String.join("\n", lines);
            }
            throw new IllegalStateException("the emulator did not start: " + e.getMessage() + "\n" + said, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The demo account's live key, from the data directory. */
    String liveKey() throws IOException {
        Path file = data.resolve(DemoAccount.FILE_NAME);
        String key = ScaleJson.mapper()
                .readTree(Files.readString(file))
                .path("live_key")
                .asString("");
        if (key.isEmpty()) {
            throw new IllegalStateException("no live_key in " + file);
        }
        return key;
    }

    /** Resident memory of the emulator's JVM in bytes, or -1 where /proc is missing. */
    long rssBytes() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Bytes of the SQLite database with its write-ahead log. */
    long databaseBytes() throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().startsWith("scale.db"))
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
