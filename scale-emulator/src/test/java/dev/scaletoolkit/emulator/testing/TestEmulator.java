package dev.scaletoolkit.emulator.testing;

import dev.scaletoolkit.emulator.EmulatorClock;
import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An emulator for tests: a fresh SQLite database in a temporary directory, a free port on 127.0.0.1, a fast
 * workforce and fast callback retries, and one account whose keys the test can use. Close it to stop the server
 * and delete the directory.
 *
 * <pre>{@code
 * try (TestEmulator scale = TestEmulator.start()) {
 *     String base = scale.baseUrl();          // http://127.0.0.1:PORT
 *     String key = scale.account().liveKey();
 * }
 * }</pre>
 */
public final class TestEmulator implements AutoCloseable {
    private final ScaleEmulator emulator;
    private final Accounts.NewAccount account;
    private final Path dataDir;
    private final boolean ownsDir;

    private TestEmulator(ScaleEmulator emulator, Accounts.NewAccount account, Path dataDir, boolean ownsDir) {
        this.emulator = emulator;
        this.account = account;
        this.dataDir = dataDir;
        this.ownsDir = ownsDir;
    }

    /** Defaults for tests: workforce after 200 ms, callback retries every 100 ms. */
    public static EmulatorConfig.Builder defaults(Path dataDir) {
        return EmulatorConfig.builder()
                .port(0)
                .dataDir(dataDir)
                .masterKeyHome(SharedKey.HOME)
                .workforceDelay(Duration.ofMillis(200))
                .callbackRetryDelays(java.util.Collections.nCopies(5, Duration.ofMillis(100)))
                .callbackTimeout(Duration.ofSeconds(2));
    }

    /**
     * One master key for every test emulator of this JVM, so that nodes sharing a PostgreSQL database, and an
     * emulator restarted on another's data directory, open each other's sealed secrets.
     */
    private static final class SharedKey {
        static final Path HOME;

        static {
            try {
                HOME = Files.createTempDirectory("scale-test-master-key");
                HOME.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static TestEmulator start() {
        return start(b -> b);
    }

    /** Starts with the test defaults changed by {@code customize}. */
    public static TestEmulator start(UnaryOperator<EmulatorConfig.Builder> customize) {
        Path dir;
        try {
            dir = Files.createTempDirectory("scale-emulator-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(customize.apply(defaults(dir)).build(), true);
    }

    /**
     * Starts with the test defaults changed by {@code customize}, reading time from {@code clock} (for example a
     * fixed one); {@link #clock()} then moves it forward.
     */
    public static TestEmulator start(UnaryOperator<EmulatorConfig.Builder> customize, Clock clock) {
        Path dir;
        try {
            dir = Files.createTempDirectory("scale-emulator-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(customize.apply(defaults(dir)).build(), true, clock);
    }

    /** Starts on an existing configuration (for restart tests that reuse a data directory). */
    public static TestEmulator start(EmulatorConfig config, boolean ownsDir) {
        return start(config, ownsDir, Clock.systemUTC());
    }

    /** Starts on an existing configuration, reading time from {@code clock}. */
    public static TestEmulator start(EmulatorConfig config, boolean ownsDir, Clock clock) {
        ScaleEmulator emulator = ScaleEmulator.start(config, clock);
        Accounts.NewAccount account = emulator.accounts().create("Test Co", "owner@test.example");
        return new TestEmulator(emulator, account, config.dataDir(), ownsDir);
    }

    /** Creates a second account, to check that accounts never see each other's data. */
    public Accounts.NewAccount newAccount(String name, String email) {
        return emulator.accounts().create(name, email);
    }

    /**
     * The emulator's clock: {@code clock().advance(Duration.ofMinutes(5))} makes five minutes pass for due work,
     * leases, sessions and timestamps, so a test never sleeps to let time go by.
     */
    public EmulatorClock clock() {
        return emulator.clock();
    }

    public ScaleEmulator emulator() {
        return emulator;
    }

    public Accounts.NewAccount account() {
        return account;
    }

    /** {@code http://127.0.0.1:PORT}, without {@code /v1}. */
    public String baseUrl() {
        return emulator.baseUrl();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        emulator.close();
        if (ownsDir) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp directory is harmless
            }
        }
    }
}
