package dev.scaletoolkit.emulator.junit;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.model.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Scale emulator running in a child JVM: where it is, its account's keys, a ready client, and the control plane
 * (faults, finishing tasks, the request journal, reset).
 *
 * <p>The JUnit extension uses {@link #shared()}, one emulator for the whole test JVM that is emptied between test
 * classes, so only the first class pays for the start. Code outside JUnit (a Spring test, a {@code main}) can use
 * {@link #shared()} too, or {@link #start()} for one of its own:
 *
 * <pre>{@code
 * try (RunningEmulator scale = RunningEmulator.start()) {
 *     Task task = scale.client().tasks().create(...);
 *     scale.completeTask(task.taskId());
 * }
 * }</pre>
 *
 * <p>The child JVM ends when it is closed, when the test JVM exits, or when the test JVM dies (the child watches
 * its standard input), and its data directory is deleted with it.
 */
public final class RunningEmulator implements AutoCloseable {
    private static RunningEmulator shared;

    private final Process process;
    private final Path log;
    private final java.util.List<String> command;
    private final boolean isShared;
    private final String baseUrl;
    private final String liveKey;
    private final String testKey;
    private final String callbackAuthKey;
    private final Path dataDir;
    private final ScaleClient client;
    private final EmulatorControl control;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final TestClock clock;
    private volatile boolean closed;
    private volatile String workforceSettings;

    private RunningEmulator(EmulatorLauncher.Started started, boolean isShared) {
        this.process = started.process();
        this.log = started.log();
        this.command = started.command();
        this.isShared = isShared;
        JsonValue ready = started.ready();
        this.baseUrl = ready.path("base_url").stringValue();
        this.liveKey = ready.path("live_key").stringValue();
        this.testKey = ready.path("test_key").stringValue();
        this.callbackAuthKey = ready.path("callback_auth_key").stringValue();
        this.dataDir = Path.of(ready.path("data_dir").stringValue());
        this.client = ScaleClient.create(
                ClientOptions.builder().apiKey(liveKey).baseUrl(apiUrl()).build());
        this.control = EmulatorControl.of(baseUrl);
        this.clock = new TestClock(baseUrl, http);
    }

    /**
     * Starts an emulator of its own in a child JVM; close it when done.
     *
     * @return the running emulator, with one account and no data
     */
    public static RunningEmulator start() {
        return new RunningEmulator(EmulatorLauncher.launch(), false);
    }

    /**
     * Starts an emulator of its own whose clock stands at {@code clockStart} and moves only through
     * {@link #clock()}; close it when done.
     *
     * @param clockStart the emulator's time until the test advances it
     * @return the running emulator, with one account and no data
     */
    public static RunningEmulator start(Instant clockStart) {
        return new RunningEmulator(EmulatorLauncher.launch(List.of("--clock-start=" + clockStart)), false);
    }

    /**
     * The emulator shared by everything in this JVM, started on the first call and stopped when the JVM exits.
     * It keeps its data between callers: call {@link #reset()} for an empty one.
     *
     * @return the shared emulator
     */
    public static synchronized RunningEmulator shared() {
        if (shared == null || !shared.process.isAlive()) {
            RunningEmulator started = new RunningEmulator(EmulatorLauncher.launch(), true);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopAtExit, "scale-emulator-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * The root of the emulator.
     *
     * @return {@code http://127.0.0.1:PORT}; the control plane is under {@code /_emulator}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The URL to give any Scale client.
     *
     * @return {@code http://127.0.0.1:PORT/v1}
     */
    public String apiUrl() {
        return baseUrl + "/v1";
    }

    /**
     * The port the emulator listens on, on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return URI.create(baseUrl).getPort();
    }

    /**
     * The account's live key: its tasks are labeled by the simulated workforce.
     *
     * @return the key
     */
    public String liveKey() {
        return liveKey;
    }

    /**
     * The account's test key (Scale's test mode).
     *
     * @return the key
     */
    public String testKey() {
        return testKey;
    }

    /**
     * What the emulator sends as {@code scale-callback-auth}, for checking callbacks.
     *
     * @return the callback auth key
     */
    public String callbackAuthKey() {
        return callbackAuthKey;
    }

    /**
     * A client on the live key, shared by the tests of this emulator; do not close it.
     *
     * @return the client
     */
    public ScaleClient client() {
        return client;
    }

    /**
     * A new client on the test key (Scale's test mode); close it when done.
     *
     * @return a new client
     */
    public ScaleClient testClient() {
        return ScaleClient.create(
                ClientOptions.builder().apiKey(testKey).baseUrl(apiUrl()).build());
    }

    /**
     * The control plane client, for what this class does not wrap.
     *
     * @return the control plane of this emulator
     */
    public EmulatorControl control() {
        return control;
    }

    /**
     * The emulator's clock, to make time pass for its workforce, leases, sessions, callback retries and sweeps
     * instead of sleeping.
     *
     * @return the clock of this emulator
     */
    public TestClock clock() {
        return clock;
    }

    /**
     * Adds a fault rule, e.g. {@code Fault.status(429).retryAfterSeconds(1).times(2)}.
     *
     * @param fault the rule
     * @return the rules now in force
     */
    public JsonValue addFault(Fault fault) {
        return control.addFault(fault);
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        control.clearFaults();
    }

    /**
     * Completes a pending task now (its callback is sent as usual).
     *
     * @param taskId the task
     * @return the completed task
     */
    public JsonValue completeTask(String taskId) {
        return control.completeTask(taskId);
    }

    /**
     * Puts a pending task in {@code error} now.
     *
     * @param taskId the task
     * @param message the error message the task reports
     * @return the failed task
     */
    public JsonValue failTask(String taskId, String message) {
        return control.failTask(taskId, message);
    }

    /**
     * The requests the emulator received, when it keeps a journal.
     *
     * @return the journal's page of requests, empty when the journal is off
     */
    public Optional<JsonValue> requests() {
        return control.requests();
    }

    /**
     * Deletes all data (projects, batches, tasks, files, faults); the account and its keys stay, and so do the
     * workforce settings last given to {@link #workforce} (under the extension, the test class's).
     */
    public void reset() {
        control.reset();
        String settings = workforceSettings;
        if (settings != null) {
            postWorkforce(settings);
        }
    }

    /**
     * Pauses or resumes the simulated workforce and sets how long it takes per task, until changed again
     * ({@link #reset()} keeps these settings).
     *
     * @param enabled whether live tasks are completed by themselves
     * @param delay how long the workforce takes per task
     */
    public void workforce(boolean enabled, Duration delay) {
        String body = "{\"enabled\":" + enabled + ",\"delay_ms\":" + delay.toMillis() + "}";
        postWorkforce(body);
        workforceSettings = body;
    }

    private void postWorkforce(String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/workforce"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the emulator refused the workforce settings " + body + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the emulator at " + baseUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The emulator's data directory (SQLite database and files), deleted when it stops.
     *
     * @return the directory
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Whether the emulator's JVM is still running.
     *
     * @return true until it stops
     */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Stops an emulator from {@link #start()}: its JVM ends and its data directory is deleted. Does nothing on the
     * {@link #shared()} one, which stops when the JVM exits.
     */
    @Override
    public void close() {
        if (!isShared) {
            stop();
        }
    }

    /**
     * At JVM exit: the test runner gives the JVM little time to end, so wait briefly. The child stops by itself
     * once its standard input is closed; only one that is not writing its class-data archive is killed after the
     * wait (the archive is adopted by the next launch).
     */
    private synchronized void stopAtExit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS) && !EmulatorLauncher.writesArchive(command)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        client.close();
        try {
            // The child stops and deletes its data when its standard input ends.
            OutputStream stdin = process.getOutputStream();
            stdin.close();
            // Writing the class-data archive (the first run on a machine) takes a while on a busy one.
            if (!process.waitFor(EmulatorLauncher.writesArchive(command) ? 90 : 15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            if (!process.isAlive() && process.exitValue() == 0) {
                Files.deleteIfExists(log); // kept when the child failed, for the reader
                EmulatorLauncher.adoptArchive(command);
            }
        } catch (IOException ignored) {
            process.destroyForcibly(); // the pipe is already gone; make sure the child is too
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RunningEmulator[" + baseUrl + "]"; // never the keys
    }
}
