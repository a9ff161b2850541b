package dev.scaletoolkit.emulator.junit;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.json.JsonValue;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One emulator started by {@link ScaleEmulatorExtension}: where it is, its account's keys, a ready client, and
 * the control plane (faults, finishing tasks, the request journal). Closed by the extension.
 */
public final class RunningEmulator implements AutoCloseable {
    private final TestEmulator emulator;
    private final ScaleClient client;
    private final EmulatorControl control;

    RunningEmulator(TestEmulator emulator) {
        this.emulator = emulator;
        this.client = ScaleClient.create(ClientOptions.builder()
                .apiKey(emulator.account().liveKey())
                .baseUrl(apiUrl())
                .build());
        this.control = EmulatorControl.of(emulator.baseUrl());
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return emulator.baseUrl();
    }

    /** {@code http://127.0.0.1:PORT/v1}: give this to any Scale client. */
    public String apiUrl() {
        return emulator.baseUrl() + "/v1";
    }

    public int port() {
        return emulator.emulator().port();
    }

    public String liveKey() {
        return emulator.account().liveKey();
    }

    public String testKey() {
        return emulator.account().testKey();
    }

    /** What the emulator sends as {@code scale-callback-auth}, for checking callbacks. */
    public String callbackAuthKey() {
        return emulator.account().callbackAuthKey();
    }

    /** A client on the live key, shared by the tests of this emulator. */
    public ScaleClient client() {
        return client;
    }

    /** A new client on the test key (Scale's test mode); close it when done. */
    public ScaleClient testClient() {
        return ScaleClient.create(
                ClientOptions.builder().apiKey(testKey()).baseUrl(apiUrl()).build());
    }

    public EmulatorControl control() {
        return control;
    }

    /** Adds a fault rule, e.g. {@code Fault.status(429).retryAfterSeconds(1).times(2)}. */
    public JsonValue addFault(Fault fault) {
        return control.addFault(fault);
    }

    public void clearFaults() {
        control.clearFaults();
    }

    /** Completes a pending task now (its callback is sent as usual). */
    public JsonValue completeTask(String taskId) {
        return control.completeTask(taskId);
    }

    /** Puts a pending task in {@code error} now. */
    public JsonValue failTask(String taskId, String message) {
        return control.failTask(taskId, message);
    }

    /** The requests the emulator received, when it keeps a journal. */
    public Optional<JsonValue> requests() {
        return control.requests();
    }

    /** Deletes all data (projects, batches, tasks, files, faults); the account and its keys stay. */
    public void reset() {
        control.reset();
    }

    public Path dataDir() {
        return emulator.dataDir();
    }

    /** The emulator itself, for what the control plane does not offer (a second account, its context). */
    public TestEmulator emulator() {
        return emulator;
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }

    @Override
    public String toString() {
        return "RunningEmulator[" + baseUrl() + "]"; // never the keys
    }
}
