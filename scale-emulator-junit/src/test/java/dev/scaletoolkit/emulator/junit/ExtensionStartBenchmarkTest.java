package dev.scaletoolkit.emulator.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.model.task.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a test run waits for: the first class (the child emulator's start included), then each further class (a
 * reset through the control plane). Prints the times, asserts nothing; run it on its own so the first class really
 * is the first: {@code ./mvnw -pl scale-emulator-junit -am test -Dgroups=benchmark
 * -Dtest=ExtensionStartBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.redirectTestOutputToFile=false}. With the standalone module packaged, the child runs from its jar, as
 * for users.
 */
@Tag("benchmark")
class ExtensionStartBenchmarkTest {
    @ScaleEmulatorTest
    static class FirstClass {
        @Test
        void createsAProject(RunningEmulator e) {
            create(e, "first");
        }
    }

    @ScaleEmulatorTest
    static class SecondClass {
        @Test
        void createsAProject(RunningEmulator e) {
            create(e, "second");
        }
    }

    @ScaleEmulatorTest
    static class ThirdClass {
        @Test
        void createsAProject(RunningEmulator e) {
            create(e, "third");
        }
    }

    static void create(RunningEmulator e, String name) {
        e.client()
                .projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(name)
                        .build());
    }

    @Test
    void printsFirstAndLaterClassTimes() {
        Path jar = Path.of("../scale-emulator-standalone/target")
                .resolve("scale-emulator-standalone-" + System.getProperty("project.version", "0.1.0-SNAPSHOT")
                        + ".jar");
        if (Files.isRegularFile(jar)) {
            System.setProperty(
                    EmulatorLauncher.JAR_PROPERTY, jar.toAbsolutePath().toString());
        }
        String from = System.getProperty(
                EmulatorLauncher.JAR_PROPERTY, "classes (" + EmulatorLauncher.CLASSPATH_PROPERTY + ")");
        long first = time(FirstClass.class);
        long second = time(SecondClass.class);
        long third = time(ThirdClass.class);
        long own = System.nanoTime();
        try (RunningEmulator isolated = RunningEmulator.start()) {
            own = System.nanoTime() - own;
        }
        System.out.printf(
                "JUnit extension start-up (emulator from %s, JVM %s, %d cores, load average %s)%n",
                from, Runtime.version(), Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("  first class, child JVM start included: %6d ms%n", first / 1_000_000);
        System.out.printf(
                "  second class (reset only):              %6d ms  (%.3f of the first)%n",
                second / 1_000_000, (double) second / first);
        System.out.printf(
                "  third class (reset only):               %6d ms  (%.3f of the first)%n",
                third / 1_000_000, (double) third / first);
        System.out.printf("  a second child JVM up (Scope.ISOLATED): %6d ms%n", own / 1_000_000);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long time(Class<?> testClass) {
        long start = System.nanoTime();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        return System.nanoTime() - start;
    }
}
