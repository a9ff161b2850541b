package dev.scaletoolkit.cli;

import dev.scaletoolkit.client.SdkVersion;
import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.DemoAccount;
import dev.scaletoolkit.emulator.http.LazyServlet;
import dev.scaletoolkit.mcp.ScaleMcpServer;
import dev.scaletoolkit.tools.LocalFiles;
import dev.scaletoolkit.tools.Profile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scale up}: starts the emulator with a demo account and prints how to reach it. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start the Scale emulator on this machine with a demo account, and print its URL and API keys.",
            "Data lives in the --data directory (SQLite), so tasks survive restarts. Where it listens is",
            "recorded in $SCALE_HOME/emulator.json (default ~/.scale), so other commands find it."
        },
        footer = {
            "",
            "Examples:",
            "  ./scale up",
            "  ./scale up --port 8791 --data /tmp/scale-demo --workforce-delay 10s"
        })
final class UpCommand implements Callable<Integer> {
    /** How long requests in flight may take to finish after SIGTERM (container runtimes wait 10 s by default). */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    @Option(
            names = "--port",
            defaultValue = "8790",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--allow-host",
            paramLabel = "HOST",
            description = "Let callbacks, imports, webhooks and connections reach HOST beyond public addresses: a"
                    + " host, an address, HOST:PORT, a range such as 10.0.0.0/8, loopback or private (repeatable;"
                    + " loopback is allowed anyway when listening on loopback).")
    java.util.List<String> allowHosts;

    @Option(names = "--data", defaultValue = ".scale-data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--no-workforce", negatable = false, description = "Leave live tasks pending for a human.")
    boolean noWorkforce;

    @Option(
            names = "--workforce-delay",
            defaultValue = "3s",
            converter = DurationConverter.class,
            description =
                    "How long the simulated workforce takes per task, e.g. 500ms, 3s, 2m (default: ${DEFAULT-VALUE}).")
    Duration workforceDelay;

    @Option(
            names = "--admin-token",
            description = {
                "Token for /_emulator when --host is not loopback (or env SCALE_EMULATOR_ADMIN_TOKEN, or a file named",
                "by SCALE_EMULATOR_ADMIN_TOKEN_FILE); at least 16 characters. Without one, up refuses such a host."
            })
    String adminToken;

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            description = {
                "Store data in PostgreSQL instead of SQLite, e.g. jdbc:postgresql://127.0.0.1:5432/scale.",
                "User and password come from SCALE_DB_USER and SCALE_DB_PASSWORD. Files stay under --data."
            })
    String postgresUrl;

    @Option(
            names = "--sqlite-sync",
            defaultValue = "FULL",
            description = "How SQLite syncs commits: FULL survives a power cut, NORMAL only a killed process"
                    + " (default: ${DEFAULT-VALUE}).")
    dev.scaletoolkit.infra.store.Database.Sync sqliteSync;

    @Option(
            names = "--mcp-profile",
            defaultValue = "${env:SCALE_MCP_PROFILE:-full}",
            description = "Tools the /mcp endpoint lists: core, full or readonly (default: ${DEFAULT-VALUE}).")
    String mcpProfile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var env = ScaleCli.env(spec);
        String token = adminToken != null ? adminToken : UpSettings.adminToken(spec, env);
        DemoAccount.Keys wantedKeys = UpSettings.demoKeys(spec, env);
        Profile profile = ToolsCommand.profile(spec, "--mcp-profile", mcpProfile);
        EmulatorConfig.Builder builder = EmulatorConfig.builder()
                .host(host)
                .port(port)
                .dataDir(data)
                .workforceEnabled(!noWorkforce)
                .workforceDelay(workforceDelay)
                .sqliteSync(sqliteSync)
                .adminToken(token);
        if (allowHosts != null && !allowHosts.isEmpty()) {
            java.util.List<String> entries = new java.util.ArrayList<>(EmulatorConfig.builder()
                    .host(host)
                    .build()
                    .outboundAllowList()
                    .entries());
            entries.addAll(AllowHostOption.parse(spec, allowHosts).entries());
            builder.allowHosts(entries);
        }
        if (postgresUrl != null) {
            if (!postgresUrl.startsWith("jdbc:postgresql:")) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--postgres must be a jdbc:postgresql: URL, got " + postgresUrl);
            }
            builder.postgres(postgresUrl, env.apply("SCALE_DB_USER"), env.apply("SCALE_DB_PASSWORD"));
        }
        EmulatorConfig config = builder.build();
        UpSettings.requireAdminTokenOffLoopback(spec, config);
        // The gateway (its own database, migrations, tool catalog) does not depend on the emulator: open it on a
        // second thread while the emulator starts, and register the demo account once both are there. Logging is
        // set up first, here: two threads setting it up at once would make SLF4J print a warning about it.
        org.slf4j.LoggerFactory.getILoggerFactory();
        CompletableFuture<dev.scaletoolkit.gateway.Gateway> gatewayOpening =
                CompletableFuture.supplyAsync(() -> GatewayAccess.open(spec), r -> {
                    Thread t = new Thread(r, "scale-up-gateway");
                    t.setDaemon(true);
                    t.start();
                });
        ScaleEmulator emulator;
        try {
            emulator = ScaleEmulator.start(config);
        } catch (RuntimeException | Error e) {
            gatewayOpening.thenAccept(dev.scaletoolkit.gateway.Gateway::close);
            throw e;
        }
        // Ctrl-C (or SIGTERM) only wakes this thread, which closes the emulator so SQLite is left clean.
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    awaitQuietly(closed);
                },
                "scale-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Path stateFile = EmulatorState.file(env);
        long pid = ProcessHandle.current().pid();
        dev.scaletoolkit.gateway.Gateway gateway = null;
        GatewayTriggers triggers = GatewayTriggers.NONE;
        try {
            Accounts.NewAccount demo = DemoAccount.ensure(emulator.context(), wantedKeys);
            if (!wantedKeys.matches(demo)) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "The data directory already has a demo account with other keys; it keeps them"
                                        + " (SCALE_EMULATOR_LIVE_KEY / SCALE_EMULATOR_TEST_KEY apply to a new data directory).");
            }
            Path dir = data.toAbsolutePath().normalize();
            // every other command finds this emulator through the state file, from any directory
            new EmulatorState(emulator.baseUrl(), dir, dir.resolve(DemoAccount.FILE_NAME), pid, SdkVersion.VERSION)
                    .write(stateFile);
            String mcpToken = McpToken.ensure(env, data);
            // The operator's MCP server (its tools, their schemas checked by the MCP SDK) is built on the first
            // request to /mcp: most runs of up never call it, and building it was a fifth of the start.
            String liveKey = demo.liveKey();
            LazyServlet operatorMcp = LazyServlet.of(() -> ScaleMcpServer.servlet(
                    // over HTTP the callers are remote: local files only under SCALE_UPLOAD_DIR / SCALE_EXPORT_DIR
                    Target.of(emulator, liveKey).registry().withFiles(LocalFiles.remoteFromEnv(env)),
                    profile,
                    mcpToken));
            gateway = openGateway(emulator, demo, gatewayOpening);
            triggers = GatewayTriggers.start(spec, emulator, gateway);
            emulator.mount(
                    "/mcp",
                    gateway == null
                            ? asyncHolder("scale-mcp", operatorMcp)
                            : GatewayMounts.mount(gateway, emulator, operatorMcp, mcpToken, triggers.mcpFeatures()));
            PrintWriter out = spec.commandLine().getOut();
            printBanner(out, emulator, demo, mcpToken, profile);
            out.println("Other commands find this emulator through " + stateFile + ", from any directory.");
            out.flush();
            // short commands of this build are run here for the thin client (cli.resident), until we stop
            try (var resident = dev.scaletoolkit.cli.resident.ResidentServer.start(stateFile.getParent(), pid)) {
                stop.await();
            }
        } catch (InterruptedException e) {
            // stopped by whoever started this command in a thread (tests)
            Thread.currentThread().interrupt();
        } finally {
            EmulatorState.removeIfOurs(stateFile, pid);
            triggers.close();
            emulator.close(SHUTDOWN_GRACE);
            if (gateway != null) {
                gateway.close();
            }
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        return 0;
    }

    /**
     * Opens the gateway for as long as the emulator runs and registers the demo account as the connections
     * 'emulator' and 'emulator-test'; null (with the reason on stderr) when the gateway cannot open.
     */
    private dev.scaletoolkit.gateway.Gateway openGateway(
            ScaleEmulator emulator,
            Accounts.NewAccount demo,
            CompletableFuture<dev.scaletoolkit.gateway.Gateway> opening) {
        var err = spec.commandLine().getErr();
        dev.scaletoolkit.gateway.Gateway gw = null;
        try {
            gw = opened(opening);
            AllowHostOption.keep(spec, gw, allowHosts);
            EmulatorConnections.register(gw, emulator.baseUrl() + "/v1", demo);
            err.println("Connections 'emulator' (live key) and 'emulator-test' (test key) point here (gateway: "
                    + gw.home() + "); agent tokens: ./scale tokens create");
            err.flush();
            return gw;
        } catch (RuntimeException e) {
            if (gw != null) {
                gw.close();
            }
            // The emulator works without the gateway; say why the connections are missing and go on.
            err.println("Could not open the gateway, so no connections or agent tokens: " + ScaleCli.describe(e));
            err.flush();
            return null;
        }
    }

    /** The gateway the second thread opened, or what it threw, unwrapped. */
    private static dev.scaletoolkit.gateway.Gateway opened(
            CompletableFuture<dev.scaletoolkit.gateway.Gateway> opening) {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** A holder for {@code servlet}, async as the MCP SDK's streamable transport needs. */
    private static ServletHolder asyncHolder(String name, jakarta.servlet.http.HttpServlet servlet) {
        ServletHolder holder = new ServletHolder(name, servlet);
        holder.setAsyncSupported(true);
        return holder;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void printBanner(
            PrintWriter out, ScaleEmulator emulator, Accounts.NewAccount demo, String mcpToken, Profile profile) {
        String base = emulator.baseUrl();
        out.println("scale-toolkit emulator is up (data: "
                + emulator.config().dataDir().toAbsolutePath() + ")");
        out.println();
        out.println("  API base URL   " + base + "/v1");
        out.println("  Control plane  " + base + "/_emulator/health");
        out.println("  Live API key   " + demo.liveKey());
        out.println("  Test API key   " + demo.testKey());
        out.println("  Callback auth  " + demo.callbackAuthKey() + "   (sent as scale-callback-auth)");
        out.println("  MCP endpoint   " + base + "/mcp   (streamable HTTP, profile " + profile.wireName() + ")");
        out.println("  MCP token      " + mcpToken + "   (Authorization: Bearer ...)");
        out.println("  Browser UI     " + base + "/   (Studio: labeling, review, dashboard)");
        java.util.Optional<String> link = emulator.webUi().firstSignInLink(demo.accountId(), demo.email());
        if (link.isPresent()) {
            out.println("  Set password   " + link.get() + "   (one-time link for " + demo.email() + ")");
        } else {
            out.println("  Sign in as     " + demo.email() + "   (new link: GET " + base + "/_emulator/sign-in-links)");
        }
        out.println();
        out.println("  Try:  curl -u " + demo.testKey() + ": " + base + "/v1/projects");
        out.println();
        out.println("Listening on port: " + emulator.port());
        out.flush();
    }
}
