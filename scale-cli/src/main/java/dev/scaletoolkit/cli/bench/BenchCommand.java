package dev.scaletoolkit.cli.bench;

import dev.scaletoolkit.cli.bench.LoadRun.Request;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scale bench}: loads tasks into an emulator (a fresh one by default) and measures each operation at a fixed
 * concurrency, printing requests/s, p50, p99 and the ratio to the control endpoint, all from one run.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the emulator: start one on a fresh temporary data directory (or use --target), load tasks"
                    + " through the API, then drive each operation at a fixed concurrency for a fixed time.",
            "Prints requests/s, p50 and p99 latency and the ratio to the control endpoint (GET /_emulator/health),"
                    + " the database size and the emulator's resident memory."
        },
        footer = {
            "",
            "Examples:",
            "  ./scale bench --tasks 100000",
            "  ./scale bench --tasks 2000 --duration 2s",
            "  ./scale bench --startup --runs 7"
        })
public final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--tasks",
            defaultValue = "1000000",
            description = "Tasks to load first (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(
            names = "--duration",
            defaultValue = "10s",
            description = "Measured time per operation, e.g. 10s, 500ms (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(
            names = "--warmup",
            defaultValue = "2s",
            description = "Unmeasured time before each operation (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(
            names = "--concurrency",
            defaultValue = "32",
            description = "Connections per operation (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--load-concurrency",
            defaultValue = "4",
            description = "Connections used to load the tasks (default: ${DEFAULT-VALUE}; 64 suits --load api).")
    int loadConcurrency;

    @Option(
            names = "--load",
            defaultValue = "bulk",
            description = "How to load: bulk (1,000 tasks per POST /_emulator/tasks/bulk, each stored as a create"
                    + " would) or api (one POST /v1/task/categorization per task) (default: ${DEFAULT-VALUE}).")
    String load;

    @Option(
            names = "--page-depth",
            defaultValue = "1000",
            description = "Page of the deep listing, 100 tasks a page (default: ${DEFAULT-VALUE}).")
    int pageDepth;

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "Measure a running emulator at URL (e.g. http://127.0.0.1:8790) with the API key in"
                    + " $SCALE_API_KEY (or --api-key-env) instead of starting one.")
    URI target;

    @Option(
            names = "--api-key-env",
            defaultValue = "SCALE_API_KEY",
            description = "Variable holding the API key for --target (default: ${DEFAULT-VALUE}).")
    String apiKeyEnv;

    @Option(
            names = "--sqlite-sync",
            defaultValue = "FULL",
            description = "synchronous mode of the started emulator: FULL or NORMAL (default: ${DEFAULT-VALUE}).")
    String sqliteSync;

    @Option(
            names = "--no-sync-compare",
            negatable = false,
            description = "Skip the second create run, after a restart with the other synchronous mode.")
    boolean noSyncCompare;

    @Option(
            names = "--emulator-jvm-args",
            defaultValue = "-Xmx256m",
            description = "JVM options for the started emulator, space separated (default: ${DEFAULT-VALUE}, the"
                    + " heap ./scale up runs with).")
    String emulatorJvmArgs;

    @Option(
            names = "--no-wrk",
            negatable = false,
            description = "Skip the second measurement of each operation with wrk (run only when wrk is installed).")
    boolean noWrk;

    @Option(names = "--keep-data", negatable = false, description = "Keep the temporary data directory.")
    boolean keepData;

    @Option(
            names = "--startup",
            negatable = false,
            description = "Measure start-up instead: the JVM floor, scale up to listening, five short commands and"
                    + " scale mcp's initialize, each the median of --runs fresh processes.")
    boolean startup;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "Runs per figure for --startup (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--sdk",
            negatable = false,
            description = "Measure the Java SDK instead: its create loop against a bare JDK HttpClient loop, and its"
                    + " bulk submitter against the emulator's own create rate (--duration, --warmup, --concurrency"
                    + " and --target apply; see SdkBench).")
    boolean sdk;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (startup) {
            if (runs < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be >= 1");
            }
            return new StartupBench(runs, out, err).run();
        }
        Duration window = parseDuration(duration, "--duration");
        Duration warm = parseDuration(warmup, "--warmup");
        String sync = sqliteSync.toUpperCase(Locale.ROOT);
        if (!sync.equals("FULL") && !sync.equals("NORMAL")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sqlite-sync must be FULL or NORMAL");
        }
        if (!load.equals("bulk") && !load.equals("api")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--load must be bulk or api");
        }
        if (tasks < 1 || concurrency < 1 || loadConcurrency < 1 || pageDepth < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--tasks, --concurrency, --load-concurrency and --page-depth must be >= 1");
        }
        List<String> jvmArgs = emulatorJvmArgs.isBlank()
                ? List.of()
                : Arrays.asList(emulatorJvmArgs.trim().split("\\s+"));
        Path data = null;
        BenchEmulator emulator = null;
        try {
            URI base;
            String key;
            if (target != null) {
                key = System.getenv(apiKeyEnv);
                if (key == null || key.isBlank()) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--target needs an API key in $" + apiKeyEnv);
                }
                base = URI.create(target.toString().replaceAll("/+$", "").replaceAll("/v1$", ""));
            } else {
                data = Files.createTempDirectory("scale-bench");
                err.println("Starting an emulator on " + data + " (synchronous=" + sync + ")");
                err.flush();
                emulator = BenchEmulator.start(data, sync, jvmArgs);
                base = URI.create(emulator.baseUrl());
                key = emulator.liveKey();
            }
            if (sdk) {
                return new SdkBench(out, err, base, key.trim(), window, warm, concurrency).run();
            }
            String auth =
                    "Basic " + Base64.getEncoder().encodeToString((key.trim() + ":").getBytes(StandardCharsets.UTF_8));
            long idleRssAtStart = emulator == null ? -1 : emulator.rssBytes();
            Bench bench = new Bench(base, auth, emulator, window, warm, err);
            String prefix = "bench" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            BenchLoader loader = new BenchLoader(base, auth, prefix);

            loader.createContainers();
            long loadStart = System.nanoTime();
            String[] ids = load.equals("bulk")
                    ? loader.loadTasksBulk(tasks, loadConcurrency, key.trim(), err)
                    : loader.loadTasks(tasks, loadConcurrency, err);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            BenchLoader.Deep deep = loader.deepToken(pageDepth, 100);
            long idleRssLoaded = emulator == null ? -1 : emulator.rssBytes();

            boolean withWrk = !noWrk && WrkRun.installed();
            Path scriptDir = Files.createTempDirectory("scale-bench-wrk");
            WrkScripts scripts = new WrkScripts(scriptDir, auth);
            List<String> projectPaths = new ArrayList<>();
            List<String> projectStatusPaths = new ArrayList<>();
            List<String> batchPaths = new ArrayList<>();
            for (int p = 0; p < BenchLoader.PROJECTS; p++) {
                projectPaths.add("/v1/tasks?limit=100&project=" + enc(loader.project(p)));
                projectStatusPaths.add("/v1/tasks?limit=100&status=pending&project=" + enc(loader.project(p)));
                for (int b = 0; b < BenchLoader.BATCHES_PER_PROJECT; b++) {
                    batchPaths.add("/v1/tasks?limit=100&batch=" + enc(loader.batch(p, b)));
                }
            }
            List<String> getPaths = new ArrayList<>();
            for (int i = 0; i < Math.min(ids.length, 100_000); i++) {
                getPaths.add("/v1/task/" + ids[(int) ((long) i * ids.length / Math.min(ids.length, 100_000))]);
            }

            List<BenchReport.Row> results = new ArrayList<>();
            String createBefore = "{\"project\":\"" + loader.createProject()
                    + "\",\"attachment_type\":\"text\",\"attachment\":\"new item\","
                    + "\"categories\":[\"red\",\"green\",\"blue\"],\"unique_id\":\"" + prefix + "-";
            // One unmeasured round first: right after loading the JIT is still compiling, and the first operation
            // measured (the control, which every ratio divides by) read half its later rate in trial runs.
            err.println("  warming up (unmeasured)");
            err.flush();
            AtomicLong created = new AtomicLong();
            LoadRun.Requests creates = (r, c, s) -> new Request(
                    "POST",
                    "/v1/task/categorization",
                    BenchLoader.json(createBefore + "c" + c + "-" + s + "-" + created.incrementAndGet() + "\"}"));
            List<LoadRun.Requests> warmUps = List.of(
                    (r, c, s) -> Request.get("/_emulator/health"),
                    (r, c, s) -> Request.get("/v1/task/" + ids[r.nextInt(ids.length)]),
                    (r, c, s) -> Request.get(projectStatusPaths.get(r.nextInt(projectStatusPaths.size()))),
                    creates);
            for (LoadRun.Requests op : warmUps) {
                LoadRun.run("warm-up", base, auth, concurrency, Duration.ZERO, warm.multipliedBy(2), op);
            }
            results.add(bench.run(
                    "control",
                    "GET /_emulator/health",
                    (r, c, s) -> Request.get("/_emulator/health"),
                    withWrk ? new WrkOp("/_emulator/health", null) : null));
            results.add(bench.run(
                    "get",
                    "GET /v1/task/{id}",
                    (r, c, s) -> Request.get("/v1/task/" + ids[r.nextInt(ids.length)]),
                    withWrk ? new WrkOp("/", scripts.randomGets(getPaths)) : null));
            results.add(bench.run(
                    "list",
                    "GET /v1/tasks?limit=100",
                    (r, c, s) -> Request.get("/v1/tasks?limit=100"),
                    withWrk ? new WrkOp("/", scripts.randomGets(List.of("/v1/tasks?limit=100"))) : null));
            results.add(bench.run(
                    "list project",
                    "GET /v1/tasks?project=P&limit=100",
                    (r, c, s) -> Request.get(projectPaths.get(r.nextInt(projectPaths.size()))),
                    withWrk ? new WrkOp("/", scripts.randomGets(projectPaths)) : null));
            results.add(bench.run(
                    "list project+status",
                    "GET /v1/tasks?project=P&status=pending&limit=100",
                    (r, c, s) -> Request.get(projectStatusPaths.get(r.nextInt(projectStatusPaths.size()))),
                    withWrk ? new WrkOp("/", scripts.randomGets(projectStatusPaths)) : null));
            results.add(bench.run(
                    "list batch",
                    "GET /v1/tasks?batch=B&limit=100",
                    (r, c, s) -> Request.get(batchPaths.get(r.nextInt(batchPaths.size()))),
                    withWrk ? new WrkOp("/", scripts.randomGets(batchPaths)) : null));
            // The same filtered page from one connection: its latency without 32 requests queueing for 2 cores.
            results.add(bench.run(
                    "list p+s, 1 conn",
                    "GET /v1/tasks?project=P&status=pending&limit=100",
                    (r, c, s) -> Request.get(projectStatusPaths.get(r.nextInt(projectStatusPaths.size()))),
                    withWrk ? new WrkOp("/", scripts.randomGets(projectStatusPaths)) : null,
                    1));
            String deepPath = "/v1/tasks?limit=100" + (deep.token() == null ? "" : "&next_token=" + enc(deep.token()));
            results.add(bench.run(
                    "list page " + deep.page(),
                    "GET /v1/tasks?limit=100&next_token=T",
                    (r, c, s) -> Request.get(deepPath),
                    withWrk ? new WrkOp("/", scripts.randomGets(List.of(deepPath))) : null));
            WrkOp wrkCreates = withWrk
                    ? new WrkOp("/", scripts.uniquePosts("/v1/task/categorization", createBefore + "w", "\"}"))
                    : null;
            String createLabel = "create" + (emulator == null ? "" : " (" + sync + ")");
            long[] before = writeStats(base, auth);
            BenchReport.Row createRow =
                    bench.run(createLabel, "POST /v1/task/categorization, unique_id", creates, wrkCreates);
            results.add(createRow);
            long[] after = writeStats(base, auth);
            long[] groups = {after[0] - before[0], after[1] - before[1]};
            BenchReport.Floor floor = null;
            if (emulator != null) {
                // The same rows straight into SQLite, same schema, sync and commit size: what storage alone allows.
                int perCommit = (int) Math.max(1, Math.round(groups[1] / (double) Math.max(1, groups[0])));
                String doc;
                try (RawHttp http = new RawHttp(base, auth)) {
                    doc = BenchLoader.expectOk(http.get("/v1/task/" + ids[0])).text();
                }
                err.println(
                        "  measuring the storage floor (" + perCommit + " rows a commit, synchronous=" + sync + ")");
                err.flush();
                double rows =
                        StorageFloor.rowsPerSecond(StorageFloor.directoryNear(data), sync, perCommit, doc, window);
                floor = new BenchReport.Floor(rows, perCommit, sync, createRow);
            }
            long rssUnderLoad = bench.maxRss();
            long dbBytes = emulator == null ? -1 : emulator.databaseBytes();
            double drained = emulator == null ? -1 : workforceDrain(base, auth, window, err);

            if (emulator != null && !noSyncCompare) {
                String other = sync.equals("FULL") ? "NORMAL" : "FULL";
                err.println("Restarting the emulator with synchronous=" + other + " for a second create run");
                err.flush();
                emulator.close();
                emulator = BenchEmulator.start(data, other, jvmArgs);
                URI restarted = URI.create(emulator.baseUrl());
                Bench again = new Bench(restarted, auth, emulator, window, warm, err);
                // A fresh JVM: warm it up on creates as long as the first emulator had been, so that the two create
                // rows differ by the sync mode, not by how much of the code is compiled.
                again.run("warm-up (" + other + ")", "POST /v1/task/categorization, not reported", creates, null);
                again.run(
                        "warm-up (" + other + ")",
                        "GET /v1/task/{id}, not reported",
                        (r, c, s) -> Request.get("/v1/task/" + ids[r.nextInt(ids.length)]),
                        null);
                String control2 = "control (" + other + ")";
                BenchReport.Row c2 = again.run(
                        control2,
                        "GET /_emulator/health",
                        (r, c, s) -> Request.get("/_emulator/health"),
                        withWrk ? new WrkOp("/_emulator/health", null) : null);
                BenchReport.Row cr2 = again.run(
                        "create (" + other + ")", "POST /v1/task/categorization, unique_id", creates, wrkCreates);
                results.add(c2);
                results.add(cr2);
            }

            new BenchReport(out)
                    .print(
                            tasks,
                            loadSeconds,
                            load.equals("bulk")
                                    ? "through POST /_emulator/tasks/bulk (1,000 a request, each stored as a create"
                                            + " would be) on " + loadConcurrency + " connections"
                                    : "through POST /v1/task/categorization on " + loadConcurrency
                                            + " connections (no fast path)",
                            concurrency,
                            window,
                            warm,
                            results,
                            dbBytes,
                            idleRssAtStart,
                            idleRssLoaded,
                            rssUnderLoad,
                            drained,
                            groups,
                            floor,
                            target != null,
                            LocalDate.now().toString(),
                            withWrk);
            deleteTree(scriptDir);
            return results.stream().anyMatch(r -> r.result().errors() > 0) ? 1 : 0;
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            if (data != null && !keepData) {
                deleteTree(data);
            } else if (data != null) {
                err.println("Data kept in " + data);
            }
            err.flush();
        }
    }

    /**
     * Switches the started emulator's workforce on with no delay and counts how many pending tasks it completes
     * in {@code window}: the rate at which it drains a backlog, to set beside the create rate. Switched off again
     * afterwards.
     */
    private static double workforceDrain(URI base, String auth, Duration window, PrintWriter err) throws IOException {
        err.println("  measuring the workforce draining the backlog");
        err.flush();
        try (RawHttp http = new RawHttp(base, auth)) {
            long before = pendingTotal(http);
            long start = System.nanoTime();
            BenchLoader.expectOk(
                    http.post("/_emulator/workforce", BenchLoader.json("{\"enabled\":true,\"delay_ms\":0}")));
            try {
                Thread.sleep(window.toMillis()); // the measuring period itself, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            BenchLoader.expectOk(http.post("/_emulator/workforce", BenchLoader.json("{\"enabled\":false}")));
            double seconds = (System.nanoTime() - start) / 1e9;
            return (before - pendingTotal(http)) / seconds;
        }
    }

    /** {@code [commits, writes]} the emulator has made so far ({@code GET /_emulator/stats}). */
    private static long[] writeStats(URI base, String auth) throws IOException {
        try (RawHttp http = new RawHttp(base, auth)) {
            var stats = dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                    .readTree(BenchLoader.expectOk(http.get("/_emulator/stats")).body());
            return new long[] {
                stats.path("commits").asLong(), stats.path("writes").asLong()
            };
        }
    }

    private static long pendingTotal(RawHttp http) throws IOException {
        return dev.scaletoolkit.model.jackson.ScaleJson.mapper()
                .readTree(BenchLoader.expectOk(http.get("/v1/tasks?status=pending&limit=1"))
                        .body())
                .path("total")
                .asLong();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Duration parseDuration(String text, String option) {
        try {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new CommandLine.ParameterException(
                spec.commandLine(), option + " must look like 10s, 500ms or 1m, got '" + text + "'");
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The same operation for wrk: a fixed path, or a Lua script that picks each request (then path is "/"). */
    private record WrkOp(String path, Path script) {}

    /** Runs operations against one emulator, sampling its memory while they run. */
    private final class Bench {
        private final URI base;
        private final String auth;
        private final BenchEmulator emulator;
        private final Duration window;
        private final Duration warm;
        private final PrintWriter err;
        private long maxRss = -1;

        Bench(URI base, String auth, BenchEmulator emulator, Duration window, Duration warm, PrintWriter err) {
            this.base = base;
            this.auth = auth;
            this.emulator = emulator;
            this.window = window;
            this.warm = warm;
            this.err = err;
        }

        BenchReport.Row run(String name, String label, LoadRun.Requests requests, WrkOp wrk) {
            return run(name, label, requests, wrk, concurrency);
        }

        /** As above on {@code connections} connections instead of the run's concurrency. */
        BenchReport.Row run(String name, String label, LoadRun.Requests requests, WrkOp wrk, int connections) {
            err.println("  measuring " + name + " (" + label + ")");
            err.flush();
            Thread sampler = null;
            if (emulator != null) {
                sampler = new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                long rss = emulator.rssBytes();
                                synchronized (this) {
                                    maxRss = Math.max(maxRss, rss);
                                }
                                try {
                                    Thread.sleep(200); // a sampling period, not synchronisation
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "bench-rss");
                sampler.setDaemon(true);
                sampler.start();
            }
            LoadRun.Result r = LoadRun.run(name, base, auth, connections, warm, window, requests);
            if (sampler != null) {
                sampler.interrupt();
            }
            if (r.firstError() != null) {
                err.println("    errors: " + r.errors() + "; first: " + r.firstError());
            }
            java.util.Optional<WrkRun.Figures> byWrk = java.util.Optional.empty();
            if (wrk != null) {
                err.println("  measuring " + name + " with wrk");
                err.flush();
                byWrk = WrkRun.run(base, wrk.path(), wrk.script(), connections, window);
            }
            return new BenchReport.Row(name, label, r, byWrk);
        }

        synchronized long maxRss() {
            return maxRss;
        }
    }
}
