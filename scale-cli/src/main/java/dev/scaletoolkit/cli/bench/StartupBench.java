package dev.scaletoolkit.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale bench --startup}: how long {@code scale} takes to start, each figure the median of several runs of
 * a fresh process, printed beside the JVM floor (a class that does nothing, started the same way) so that a loaded
 * machine shows as a high floor rather than as slow commands. Measures {@code scale up} to "Listening on port" on
 * fresh data and on restart, five short commands against that emulator found through the state file, and
 * {@code scale mcp} answering {@code initialize} over stdio, each of those twice: served by the running
 * {@code scale up} (the resident path) and with {@code SCALE_RESIDENT=0} (the plain path). Everything runs in a temporary {@code SCALE_HOME}
 * and data directory, so the user's own emulator and connections are untouched.
 */
final class StartupBench {
    private static final Pattern LISTENING = Pattern.compile("Listening on port: (\\d+)");

    private final int runs;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Launcher launcher = Launcher.find();

    StartupBench(int runs, PrintWriter out, PrintWriter err) {
        this.runs = runs;
        this.out = out;
        this.err = err;
    }

    /** One measured line: wall and CPU seconds of each run. */
    private record Figure(String what, List<Double> seconds, List<Double> cpu, String aim) {
        double median() {
            return StartupBench.median(seconds);
        }
    }

    /** Wall and CPU seconds of one run (CPU: -1 when the platform does not tell). */
    private record Run(double wall, double cpu) {}

    static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    int run() throws Exception {
        Path dir = Files.createTempDirectory("scale-startup");
        Path home = dir.resolve("home");
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Figure> figures = new ArrayList<>();
        Process emulator = null;
        try {
            figures.add(measure("JVM floor (a class that does nothing)", "", () -> {
                long t0 = System.nanoTime();
                double cpu0 = childrenCpu();
                exit(start(launcher.floorCommand(), home, true, false), "the JVM floor");
                return new Run(seconds(t0), cpuSince(cpu0));
            }));
            List<Double> fresh = new ArrayList<>();
            List<Double> restart = new ArrayList<>();
            List<Double> freshCpu = new ArrayList<>();
            List<Double> restartCpu = new ArrayList<>();
            for (int i = -1; i < runs; i++) { // run -1 is not measured, as in measure()
                progress("scale up on fresh data, run " + (i + 2));
                Path data = dir.resolve("data" + i);
                Up up = up(data, home);
                if (i >= 0) {
                    fresh.add(up.seconds());
                    freshCpu.add(up.cpu());
                }
                stop(up.process());
            }
            Path data = dir.resolve("data0");
            for (int i = 0; i < runs; i++) {
                progress("scale up on the same data again, run " + (i + 1));
                Up up = up(data, home);
                restart.add(up.seconds());
                restartCpu.add(up.cpu());
                if (i < runs - 1) {
                    stop(up.process());
                } else {
                    emulator = up.process();
                    figures.add(new Figure("scale up -> listening (fresh data)", fresh, freshCpu, "<= 1.0 s"));
                    figures.add(new Figure("scale up -> listening (restart)", restart, restartCpu, "<= 1.0 s"));
                    Fixture f = fixture(up.port(), data);
                    // With scale up running, these take the resident path (cli.resident); then the same with
                    // SCALE_RESIDENT=0, each process doing all the work itself (the plain path).
                    for (boolean plain : new boolean[] {false, true}) {
                        figures.add(command(home, plain, "projects", "list"));
                        figures.add(command(home, plain, "tasks", "list"));
                        figures.add(command(home, plain, "tasks", "get", f.taskId()));
                        figures.add(command(home, plain, "batches", "status", f.batch()));
                        figures.add(command(home, plain, "tools", "list"));
                        figures.add(mcp(home, plain));
                    }
                }
            }
        } finally {
            if (emulator != null) {
                stop(emulator);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        print(figures, loadBefore, loadAfter);
        return 0;
    }

    private void print(List<Figure> figures, double loadBefore, double loadAfter) {
        Figure floor = figures.get(0);
        out.printf(
                Locale.ROOT,
                "Start-up, median of %d runs each (%s; %d cores; load average %.1f before, %.1f after)%n",
                runs,
                launcher.describe(),
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter);
        out.printf(
                Locale.ROOT,
                "  %-46s %8s %8s %8s %8s %8s  %s%n",
                "",
                "wall",
                "min",
                "max",
                "CPU",
                "CPU x",
                "aim (wall, quiet machine)");
        for (Figure f : figures) {
            List<Double> s = f.seconds();
            double cpu = median(f.cpu());
            out.printf(
                    Locale.ROOT,
                    "  %-46s %6.2f s %6.2f s %6.2f s %6.2f s %8s  %s%n",
                    f.what(),
                    f.median(),
                    s.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    s.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    cpu,
                    f == floor ? "1.0" : String.format(Locale.ROOT, "%.1f", cpu / median(floor.cpu())),
                    f.aim());
        }
        out.println("  wall: launch to answer; CPU: the process's user+system time by then (all its threads), which"
                + " a loaded machine does not inflate; x: CPU over the floor's. Lines without (plain path) are"
                + " served by the running scale up: their CPU is the client's, the command's own work runs there.");
        out.flush();
    }

    private interface Timed {
        Run once() throws Exception;
    }

    private Figure measure(String what, String aim, Timed timed) throws Exception {
        progress(what);
        timed.once(); // unmeasured: the first start pays for reading the jar and the archive from disk
        List<Double> s = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = timed.once();
            s.add(r.wall());
            cpu.add(r.cpu());
        }
        return new Figure(what, s, cpu, aim);
    }

    /**
     * A short command against the running emulator, found through the state file in {@code home}; served by that
     * emulator's resident path unless {@code plain} ({@code SCALE_RESIDENT=0}).
     */
    private Figure command(Path home, boolean plain, String... args) throws Exception {
        String what = "scale " + String.join(" ", args).replaceAll("[0-9a-f]{24}", "ID");
        return measure(plain ? what + " (plain path)" : what, "<= 0.5 s", () -> {
            long t0 = System.nanoTime();
            double cpu0 = childrenCpu();
            exit(start(launcher.command(args), home, false, plain), "scale " + String.join(" ", args));
            return new Run(seconds(t0), cpuSince(cpu0));
        });
    }

    /** {@code scale mcp}: from spawn to the answer of {@code initialize} on stdout. */
    private Figure mcp(Path home, boolean plain) throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n";
        String what = "scale mcp (stdio): initialize answered";
        return measure(plain ? "scale mcp initialize (plain path)" : what, "<= 0.5 s", () -> {
            long t0 = System.nanoTime();
            Process p = start(launcher.command("mcp"), home, false, plain);
            try (OutputStream in = p.getOutputStream();
                    BufferedReader answers =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                in.write(initialize.getBytes(StandardCharsets.UTF_8));
                in.flush();
                String line = answers.readLine();
                double s = seconds(t0);
                double cpu = processCpu(p.pid());
                if (line == null || !line.contains("\"id\":1")) {
                    throw new IllegalStateException("scale mcp did not answer initialize: " + line);
                }
                in.close(); // end of input: the server exits
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                return new Run(s, cpu);
            }
        });
    }

    private record Up(Process process, int port, double seconds, double cpu) {}

    /** {@code scale up} on {@code data}: from spawn to its "Listening on port" line. */
    private Up up(Path data, Path home) throws Exception {
        long t0 = System.nanoTime();
        Process p = start(launcher.command("up", "--port", "0", "--data", data.toString()), home, false, false);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) {
                                port.complete(Integer.parseInt(m.group(1)));
                            }
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                    port.completeExceptionally(new IllegalStateException("scale up exited before listening"));
                },
                "startup-bench-up");
        reader.setDaemon(true);
        reader.start();
        int listening = port.get(180, TimeUnit.SECONDS);
        double wall = seconds(t0);
        return new Up(p, listening, wall, processCpu(p.pid()));
    }

    private record Fixture(String batch, String taskId) {}

    /** A project, a batch and a task for the short commands to find, made over HTTP (not measured). */
    private Fixture fixture(int port, Path data) throws Exception {
        String key = dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                .readTree(Files.readString(data.resolve("credentials.json")))
                .path("live_key")
                .asString();
        String auth = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        String base = "http://127.0.0.1:" + port + "/v1";
        HttpClient http = HttpClient.newHttpClient();
        post(http, auth, base + "/projects", "{\"name\":\"startup\",\"type\":\"categorization\"}");
        post(http, auth, base + "/batches", "{\"name\":\"startup-1\",\"project\":\"startup\"}");
        JsonNode task = post(
                http,
                auth,
                base + "/task/categorization",
                "{\"project\":\"startup\",\"batch\":\"startup-1\",\"attachment\":\"https://example.com/a.png\","
                        + "\"attachment_type\":\"image\",\"instruction\":\"Cat?\",\"categories\":[\"yes\",\"no\"]}");
        return new Fixture("startup-1", task.path("task_id").asString());
    }

    private static JsonNode post(HttpClient http, String auth, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return dev.scaletoolkit.model.jackson.ScaleJson.mapper().readTree(r.body());
    }

    /** Starts a child with its own {@code SCALE_HOME} and no key in the environment (so the state file is used). */
    private Process start(List<String> command, Path home, boolean floor, boolean plain) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("SCALE_HOME", home.toString());
        b.environment().remove("SCALE_API_KEY");
        b.environment().remove("SCALE_BASE_URL");
        b.environment().remove("SCALE_AGENT_TOKEN");
        b.environment().remove("SCALE_JAVA_OPTS");
        b.environment().remove("SCALE_DEBUG");
        if (plain) {
            b.environment().put(dev.scaletoolkit.cli.resident.ResidentCommands.SWITCH_ENV, "0");
        } else {
            b.environment().remove(dev.scaletoolkit.cli.resident.ResidentCommands.SWITCH_ENV);
        }
        if (floor) {
            b.environment().put(Launcher.FLOOR_ENV, "1");
        } else {
            b.environment().remove(Launcher.FLOOR_ENV);
        }
        return b.start();
    }

    private static void exit(Process p, String what) throws Exception {
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(what + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(what + " exited with " + p.exitValue());
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: scale up closes the database cleanly
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    private void progress(String what) {
        err.println("measuring: " + what);
        err.flush();
    }

    /** CPU seconds of a running process (the launcher execs java, so its pid is the JVM's), or -1. */
    private static double processCpu(long pid) {
        return ticks(Path.of("/proc/" + pid + "/stat"), 14, 15); // utime, stime
    }

    /** CPU seconds of this process's waited-for children so far (cutime + cstime), or -1 off Linux. */
    private static double childrenCpu() {
        return ticks(Path.of("/proc/self/stat"), 16, 17); // cutime, cstime
    }

    private static double cpuSince(double before) {
        double now = childrenCpu();
        return before < 0 || now < 0 ? -1 : now - before;
    }

    /** Two clock-tick fields of /proc/PID/stat (numbered from 1 as in proc(5)), summed, in seconds. */
    private static double ticks(Path stat, int first, int second) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after the command name's ")" comes field 3 (state)
            return (Long.parseLong(f[first - 3]) + Long.parseLong(f[second - 3])) / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
