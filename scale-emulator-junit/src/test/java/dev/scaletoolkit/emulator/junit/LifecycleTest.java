package dev.scaletoolkit.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.model.project.Project;
import dev.scaletoolkit.model.task.TaskType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small test classes through the JUnit engine and checks what the extension did around them: one child
 * emulator shared by the run and emptied between classes, data kept for {@link Scope#JVM}, an emulator of its own
 * for {@link Scope#ISOLATED} that is gone afterwards, and a registered extension's own settings.
 */
class LifecycleTest {
    /** What the inner classes saw, by class name: base URL, data directory and the projects they found. */
    static final Map<String, String> SEEN_URLS = new ConcurrentHashMap<>();

    static final Map<String, Path> SEEN_DIRS = new ConcurrentHashMap<>();
    static final Map<String, List<String>> SEEN_PROJECTS = new ConcurrentHashMap<>();
    static final List<String> WORKFORCE = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        SEEN_URLS.clear();
        SEEN_DIRS.clear();
        SEEN_PROJECTS.clear();
        WORKFORCE.clear();
    }

    @ScaleEmulatorTest
    static class ClassScopedA {
        @Test
        void one(RunningEmulator e) {
            record("A", e);
            createProject(e, "left-by-a");
        }
    }

    @ScaleEmulatorTest
    static class ClassScopedB {
        @Test
        void one(RunningEmulator e) {
            record("B", e);
        }
    }

    @ScaleEmulatorTest(scope = Scope.JVM)
    static class JvmScopedA {
        @Test
        void one(RunningEmulator e) {
            record("JA", e);
            createProject(e, "kept-for-jb");
        }
    }

    @ScaleEmulatorTest(scope = Scope.JVM)
    static class JvmScopedB {
        @Test
        void one(RunningEmulator e) {
            record("JB", e);
        }
    }

    @ScaleEmulatorTest(scope = Scope.ISOLATED)
    static class Isolated {
        @Test
        void one(RunningEmulator e) {
            record("I", e);
        }
    }

    static class Registered {
        @RegisterExtension
        static ScaleEmulatorExtension scale =
                ScaleEmulatorExtension.builder().workforce(false).build();

        @Test
        void one() throws Exception {
            record("R", scale.emulator());
            WORKFORCE.add(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(scale.emulator().baseUrl() + "/_emulator/workforce"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        }
    }

    static void record(String name, RunningEmulator e) {
        SEEN_URLS.put(name, e.baseUrl());
        SEEN_DIRS.put(name, e.dataDir());
        SEEN_PROJECTS.put(
                name, e.client().projects().list().stream().map(Project::name).toList());
    }

    static void createProject(RunningEmulator e, String name) {
        e.client()
                .projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(name)
                        .build());
    }

    @Test
    void classesShareOneEmulatorAndEachStartsEmpty() {
        run(ClassScopedA.class, ClassScopedB.class);

        assertThat(SEEN_URLS.get("B")).isEqualTo(SEEN_URLS.get("A"));
        assertThat(SEEN_PROJECTS.get("A")).isEmpty();
        assertThat(SEEN_PROJECTS.get("B"))
                .as("A's project was deleted before B")
                .isEmpty();
        assertThat(RunningEmulator.shared().isRunning()).isTrue();
    }

    @Test
    void jvmScopedClassesSeeWhatTheOthersLeft() {
        run(JvmScopedA.class, JvmScopedB.class);

        assertThat(SEEN_URLS.get("JB")).isEqualTo(SEEN_URLS.get("JA"));
        assertThat(SEEN_PROJECTS.get("JB")).contains("kept-for-jb");
    }

    @Test
    void anIsolatedClassHasItsOwnEmulatorStoppedAndDeletedAfterIt() {
        run(Isolated.class);

        assertThat(SEEN_URLS.get("I")).isNotEqualTo(RunningEmulator.shared().baseUrl());
        assertGone(SEEN_URLS.get("I"), SEEN_DIRS.get("I"));
    }

    @Test
    void aRegisteredExtensionAppliesItsOwnSettings() {
        run(Registered.class);

        assertThat(SEEN_PROJECTS.get("R")).isEmpty();
        assertThat(WORKFORCE).singleElement().asString().contains("\"enabled\":false");
    }

    @Test
    void anEmulatorOfItsOwnStopsAndDeletesItsDataWhenClosed() {
        String url;
        Path dir;
        try (RunningEmulator own = RunningEmulator.start()) {
            url = own.baseUrl();
            dir = own.dataDir();
            assertThat(own.client().projects().list()).isEmpty();
            assertThat(Files.isDirectory(dir)).isTrue();
            own.close();
            assertThat(own.isRunning()).isFalse();
        }
        assertGone(url, dir);
    }

    private static void run(Class<?>... classes) {
        var builder = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            builder = builder.selectors(selectClass(c));
        }
        builder.execute().testEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
    }

    private static void assertGone(String url, Path dir) {
        URI uri = URI.create(url);
        assertThat(answers(uri.getHost(), uri.getPort()))
                .as(url + " still answers")
                .isFalse();
        assertThat(Files.exists(dir)).as(dir + " still exists").isFalse();
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
