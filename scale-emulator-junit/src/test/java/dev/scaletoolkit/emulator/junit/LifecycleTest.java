package dev.scaletoolkit.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small test classes through the JUnit engine and checks what the extension did around them: one emulator
 * per class, one per JVM when asked, and nothing left behind (port closed, data directory deleted).
 */
class LifecycleTest {
    /** What the inner classes saw: base URL and data directory of each test's emulator. */
    static final List<String> SEEN_URLS = new CopyOnWriteArrayList<>();

    static final List<Path> SEEN_DIRS = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        SEEN_URLS.clear();
        SEEN_DIRS.clear();
    }

    @ScaleEmulatorTest
    static class ClassScopedA {
        @Test
        void one(RunningEmulator e) {
            record(e);
        }

        @Test
        void two(RunningEmulator e) {
            record(e);
        }
    }

    @ScaleEmulatorTest
    static class ClassScopedB {
        @Test
        void one(RunningEmulator e) {
            record(e);
        }
    }

    @ScaleEmulatorTest(scope = Scope.JVM)
    static class JvmScopedA {
        @Test
        void one(RunningEmulator e) {
            record(e);
        }
    }

    @ScaleEmulatorTest(scope = Scope.JVM)
    static class JvmScopedB {
        @Test
        void one(RunningEmulator e) {
            record(e);
        }
    }

    static class Registered {
        @RegisterExtension
        static ScaleEmulatorExtension scale =
                ScaleEmulatorExtension.builder().workforce(false).build();

        @Test
        void one() {
            record(scale.emulator());
            assertThat(scale.client().projects().list()).isEmpty();
        }
    }

    static void record(RunningEmulator e) {
        SEEN_URLS.add(e.baseUrl());
        SEEN_DIRS.add(e.dataDir());
    }

    @Test
    void oneEmulatorPerClassStoppedAndDeletedAfterIt() {
        run(ClassScopedA.class, ClassScopedB.class);

        assertThat(SEEN_URLS).hasSize(3);
        assertThat(SEEN_URLS.get(0)).isEqualTo(SEEN_URLS.get(1));
        assertThat(SEEN_URLS.get(2)).isNotEqualTo(SEEN_URLS.get(0));
        assertNothingLeft();
    }

    @Test
    void aJvmScopedEmulatorIsSharedAcrossClassesUntilTheRunEnds() {
        run(JvmScopedA.class, JvmScopedB.class);

        assertThat(SEEN_URLS).hasSize(2);
        assertThat(SEEN_URLS.get(0)).isEqualTo(SEEN_URLS.get(1));
        assertNothingLeft();
    }

    @Test
    void aRegisteredExtensionUsesItsOwnSettings() {
        run(Registered.class);
        assertThat(SEEN_URLS).hasSize(1);
        assertNothingLeft();
    }

    private static void run(Class<?>... classes) {
        var builder = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            builder = builder.selectors(selectClass(c));
        }
        builder.execute().testEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
    }

    private static void assertNothingLeft() {
        for (String url : SEEN_URLS) {
            java.net.URI uri = java.net.URI.create(url);
            assertThat(answers(uri.getHost(), uri.getPort()))
                    .as(url + " still answers")
                    .isFalse();
        }
        for (Path dir : SEEN_DIRS) {
            assertThat(Files.exists(dir)).as(dir + " still exists").isFalse();
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
