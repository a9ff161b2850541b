package dev.scaletoolkit.emulator.standalone;

import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.EmulatorMain;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.auth.Accounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standalone jar's entry point. Without {@code --test-kit} it is {@link EmulatorMain} (the same options). With
 * {@code --test-kit} it serves the JUnit extension and the Spring Boot starter, which start it as a child process:
 *
 * <ol>
 *   <li>it starts an emulator on a free loopback port with a fresh data directory and one account, with the
 *       settings of the in-process {@code TestEmulator} (a fast workforce, fast callback retries); with {@value #CLOCK_START}INSTANT its clock stands at that instant and
 *       moves only through {@code POST /_emulator/clock};
 *   <li>it prints one line, {@value #READY} followed by a JSON object ({@code base_url}, {@code live_key},
 *       {@code test_key}, {@code callback_auth_key}, {@code data_dir}, {@code pid}), on standard output;
 *   <li>it runs until its standard input ends, which happens when the parent closes it or dies, then stops the
 *       emulator, deletes the data directory and exits. A crashed test JVM therefore leaves no emulator behind.
 * </ol>
 */
public final class StandaloneMain {
    /** The prefix of the line that says the emulator is up. */
    public static final String READY = "scale-emulator-ready ";

    /** The test kit's option for a clock that stands still at an instant until the test advances it. */
    public static final String CLOCK_START = "--clock-start=";

    private StandaloneMain() {}

    /**
     * Runs the emulator.
     *
     * @param args {@code --test-kit}, or {@link EmulatorMain}'s options
     * @throws Exception when the emulator cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("--test-kit")) {
            EmulatorMain.main(args);
            return;
        }
        Clock clock = Clock.systemUTC();
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            if (arg.startsWith(CLOCK_START)) {
                clock = fixedAt(arg.substring(CLOCK_START.length()));
            } else {
                System.err.println("--test-kit takes only " + CLOCK_START + "INSTANT, got " + Arrays.toString(args));
                System.exit(2);
            }
        }
        // stdout is the protocol: only the ready line goes there.
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path dataDir = Files.createTempDirectory("scale-emulator-test");
        ScaleEmulator emulator = ScaleEmulator.start(testKitConfig(dataDir), clock);
        Accounts.NewAccount account = emulator.accounts().create("Test Co", "owner@test.example");
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("base_url", emulator.baseUrl());
        ready.put("live_key", account.liveKey());
        ready.put("test_key", account.testKey());
        ready.put("callback_auth_key", account.callbackAuthKey());
        ready.put("data_dir", dataDir.toString());
        ready.put("pid", ProcessHandle.current().pid());
        protocol.println(READY + JsonMapper.builder().build().writeValueAsString(ready));
        waitForEndOfInput(System.in);
        emulator.close();
        deleteTree(dataDir);
        System.exit(0);
    }

    /**
     * The same settings as the in-process {@code TestEmulator} of the emulator's test-jar, which this jar does not
     * carry (it is production code of the test kit, built even when tests are skipped): a test behaves alike in
     * either. The workforce and callback timings are what the JUnit extension's defaults assume.
     */
    static EmulatorConfig testKitConfig(Path dataDir) {
        return EmulatorConfig.builder()
                .port(0)
                .dataDir(dataDir)
                .workforceDelay(Duration.ofMillis(200))
                .callbackRetryDelays(Collections.nCopies(5, Duration.ofMillis(100)))
                .callbackTimeout(Duration.ofSeconds(2))
                .build();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    /** A clock standing at {@code instant} (ISO-8601) until the test moves it through the control plane. */
    private static Clock fixedAt(String instant) {
        try {
            return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            System.err.println(CLOCK_START + " takes an ISO-8601 instant such as 2026-01-05T09:00:00Z, got " + instant);
            System.exit(2);
            throw new IllegalStateException(e); // not reached
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent sends nothing; reading only notices when the pipe closes
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as the end: the parent is gone
        }
    }
}
