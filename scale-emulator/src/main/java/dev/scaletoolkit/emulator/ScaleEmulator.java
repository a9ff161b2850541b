package dev.scaletoolkit.emulator;

import dev.scaletoolkit.emulator.auth.ApiKeys;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.http.ApiServlet;
import dev.scaletoolkit.emulator.http.FaultPlan;
import dev.scaletoolkit.emulator.http.JsonErrorHandler;
import dev.scaletoolkit.emulator.http.RequestGuard;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.journal.JournalFilter;
import dev.scaletoolkit.emulator.journal.JournalRoutes;
import dev.scaletoolkit.emulator.journal.RequestJournal;
import dev.scaletoolkit.emulator.store.DataDirectory;
import dev.scaletoolkit.emulator.store.EmulatorDatabase;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.infra.crypto.MasterKey;
import dev.scaletoolkit.infra.crypto.SecretBox;
import dev.scaletoolkit.infra.store.Database;
import dev.scaletoolkit.infra.work.Supervisor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Scale-compatible server: the v1 API under {@code /v1}, the control plane under {@code /_emulator}, backed by a
 * real database. Start one with {@link #start(EmulatorConfig)}; close it to stop.
 *
 * <p>Other modules mount extra servlets (the MCP endpoint, the labeling UI) with {@link #mount} before start.
 */
public final class ScaleEmulator implements AutoCloseable {
    private final EmulatorConfig config;
    private final EmulatorContext context;
    private final EmulatorServices services;
    private final Server server;
    private final ServletContextHandler servlets;
    private final List<AutoCloseable> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ServerConnector connector;
    private final RequestJournal journal = new RequestJournal();
    private dev.scaletoolkit.emulator.web.WebUi webUi;
    private final EmulatorClock clock;

    private ScaleEmulator(EmulatorConfig config, Clock baseClock, Supervisor supervisor) {
        this.config = config;
        // Tests (and the control plane's POST /_emulator/clock) move this clock forward instead of sleeping.
        this.clock = baseClock instanceof EmulatorClock c ? c : new EmulatorClock(baseClock);
        StartWarmUp.start();
        DataDirectory.ownerOnly(config.dataDir());
        Database db = config.jdbcUrl() != null
                ? EmulatorDatabase.postgres(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword())
                : EmulatorDatabase.sqlite(config.dataDir(), config.sqliteSync());
        DataDirectory.ownerOnly(config.dataDir()); // again, now that the database files exist
        this.server = new Server(threadPool());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Scale clients percent-encode '/' inside project and batch names; Jetty rejects that by default.
        http.setUriCompliance(UriCompliance.DEFAULT.with(
                "scale-names",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        this.context = new EmulatorContext(
                config,
                db,
                clock,
                new Ids(clock),
                new ApiKeys(db),
                new FaultPlan(),
                this::baseUrl,
                supervisor,
                new SecretBox(masterKey(config)),
                EmulatorOutbound.of(config, this::port));
        dev.scaletoolkit.emulator.auth.SecretsAtRest.sealLegacy(context);
        this.services = EmulatorServices.create(context);
        this.servlets = new ServletContextHandler();
        servlets.setContextPath("/");
        servlets.getServletHandler().setDecodeAmbiguousURIs(true);
        servlets.setErrorHandler(new JsonErrorHandler());
        server.setErrorHandler(new JsonErrorHandler());
        JournalFilter.install(servlets, journal, clock);
        RequestGuard.install(servlets, config);
        // Counts requests in flight, so a stop with a grace period lets them finish (close(Duration)).
        org.eclipse.jetty.server.handler.GracefulHandler graceful =
                new org.eclipse.jetty.server.handler.GracefulHandler();
        graceful.setHandler(servlets);
        server.setHandler(graceful);
        mountApi();
    }

    /** The variable that, when set, holds the master key (base64 of 32 bytes) for every node of an installation. */
    public static final String MASTER_KEY_ENV = "SCALE_MASTER_KEY";

    /** {@code SCALE_MASTER_KEY}, else {@code master.key} in the configured home (the data directory by default). */
    private static MasterKey masterKey(EmulatorConfig config) {
        java.nio.file.Path home = config.masterKeyHome() != null ? config.masterKeyHome() : config.dataDir();
        return MasterKey.load(home, MASTER_KEY_ENV, System::getenv);
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("scale-emulator");
        return pool;
    }

    /** Creates, starts and returns an emulator; the database is migrated first. */
    public static ScaleEmulator start(EmulatorConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static ScaleEmulator start(EmulatorConfig config, Clock clock) {
        return start(config, clock, new Supervisor(clock, Supervisor.DEFAULT_BACKOFF));
    }

    /**
     * As {@link #start(EmulatorConfig, Clock)} with the supervisor the background workers run under (a test hands
     * in one whose back-off it controls).
     */
    public static ScaleEmulator start(EmulatorConfig config, Clock clock, Supervisor supervisor) {
        ScaleEmulator emulator = new ScaleEmulator(config, clock, supervisor);
        try {
            emulator.startServer();
        } catch (Exception e) {
            emulator.close();
            throw new IllegalStateException("Emulator failed to start: " + e.getMessage(), e);
        }
        return emulator;
    }

    private void mountApi() {
        Router api = new Router();
        for (Routes routes : EmulatorRoutes.all(services)) {
            routes.register(api);
        }
        ApiServlet v1 = new ApiServlet(
                "/v1", api, req -> context.apiKeys().authenticate(req.getHeader("Authorization")), context.faults());
        ServletHolder v1Holder = new ServletHolder("scale-v1", v1);
        // Uploads stream to disk and stop at Scale's 80 MB limit rather than after buffering.
        v1Holder.getRegistration()
                .setMultipartConfig(new jakarta.servlet.MultipartConfigElement(
                        System.getProperty("java.io.tmpdir"),
                        EmulatorLimits.MAX_FILE_BYTES,
                        EmulatorLimits.MAX_REQUEST_BYTES,
                        1024 * 1024));
        servlets.addServlet(v1Holder, "/v1/*");

        webUi = new dev.scaletoolkit.emulator.web.WebUi(context, services, new JournalRoutes(journal));
        Router admin = new Router();
        EmulatorRoutes.admin(context, services).register(admin);
        new JournalRoutes(journal).register(admin);
        webUi.controlPlaneRoutes().register(admin);
        ApiServlet adminServlet = new ApiServlet("/_emulator", admin, this::authorizeAdmin, null);
        servlets.addServlet(new ServletHolder("scale-admin", adminServlet), "/_emulator/*");
        // The browser UI owns "/"; any path it does not know keeps Scale's JSON 404.
        ServletHolder web = new ServletHolder("web-ui", webUi.servlet());
        // The live dashboard keeps its event stream open without holding a thread.
        web.setAsyncSupported(true);
        servlets.addServlet(web, "/");
    }

    private dev.scaletoolkit.emulator.auth.Caller authorizeAdmin(HttpServletRequest req) {
        if (config.adminToken() == null && config.isLoopback()) {
            return null;
        }
        String header = req.getHeader("Authorization");
        String expected = "Bearer " + config.adminToken();
        if (config.adminToken() == null
                || header == null
                || !java.security.MessageDigest.isEqual(
                        header.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw ApiError.unauthorized(
                    "The control plane needs 'Authorization: Bearer <admin token>' when the emulator is not bound"
                            + " to loopback.");
        }
        return null;
    }

    /** Reports every request (method, coarse route, status, duration) to {@code observer}, e.g. for metrics. */
    public void observeRequests(RequestObserver observer) {
        servlets.addFilter(
                observingFilter(observer), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
    }

    private static org.eclipse.jetty.ee10.servlet.FilterHolder observingFilter(RequestObserver observer) {
        var holder = new org.eclipse.jetty.ee10.servlet.FilterHolder(new RequestObserver.ObservingFilter(observer));
        holder.setAsyncSupported(true); // the live dashboard's event stream is asynchronous
        return holder;
    }

    /** Adds a servlet at {@code pathSpec} (for example {@code /mcp}); works before or after start. */
    public void mount(String pathSpec, ServletHolder holder) {
        servlets.addServlet(holder, pathSpec);
    }

    private void startServer() throws Exception {
        server.start();
        for (AutoCloseable worker : EmulatorRoutes.workers(context, services)) {
            workers.add(worker);
        }
    }

    /** The running background worker of {@code type} (the workforce, the callback dispatcher), if any. */
    public <T> java.util.Optional<T> worker(Class<T> type) {
        return workers.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The base address without {@code /v1}, for example {@code http://127.0.0.1:8790}. */
    public String baseUrl() {
        if (config.publicBaseUrl() != null) {
            return config.publicBaseUrl();
        }
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port();
    }

    /** Account management, for tests and seeding. */
    public dev.scaletoolkit.emulator.auth.Accounts accounts() {
        return new dev.scaletoolkit.emulator.auth.Accounts(context);
    }

    /** The browser UI served under {@code /}. */
    public dev.scaletoolkit.emulator.web.WebUi webUi() {
        return webUi;
    }

    /**
     * The emulator's services, for code mounted beside the API (the labeling UI): {@code services().completion()}
     * completes and fails tasks exactly as the workforce and the control plane do.
     */
    public EmulatorServices services() {
        return services;
    }

    /** The clock every part of this emulator reads; {@link EmulatorClock#advance} makes time pass. */
    public EmulatorClock clock() {
        return clock;
    }

    public EmulatorContext context() {
        return context;
    }

    public EmulatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Stops the emulator, first letting the requests in flight finish for up to {@code grace} (new connections are
     * refused at once), then stopping the background workers: what was acknowledged is committed, and callbacks not
     * yet sent stay in the outbox for the next start. {@code scale up} uses this on SIGTERM.
     */
    public void close(Duration grace) {
        if (webUi != null) {
            webUi.close(); // open dashboard streams end now rather than hold the grace period
        }
        try {
            server.setStopTimeout(grace.toMillis());
            server.stop();
        } catch (Exception ignored) {
            // stopping
        }
        for (int i = workers.size() - 1; i >= 0; i--) {
            try {
                workers.get(i).close();
            } catch (Exception ignored) {
                // stopping: nothing useful to do with a failure here
            }
        }
        context.supervisor().close();
        context.db().close();
    }
}
