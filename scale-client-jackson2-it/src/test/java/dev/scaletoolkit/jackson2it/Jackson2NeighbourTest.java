package dev.scaletoolkit.jackson2it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application on Jackson 2.17 uses the SDK against a real emulator: every call works, and its own Jackson 2
 * mapper writes an SDK task as the JSON Scale sent (params and response included), not as internals.
 */
@ScaleEmulatorTest(workforce = false)
class Jackson2NeighbourTest {

    /** The SDK's class path with the application's Jackson 2 jars in place of the test JVM's Jackson 2 jars. */
    private static String applicationClassPath() throws Exception {
        Path appJackson = Path.of(System.getProperty("app.jackson.dir"));
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(appJackson)) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> entries.add(p.toString()));
        }
        assertThat(entries)
                .as("the application's Jackson jars in " + appJackson)
                .hasSize(4);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains(File.separator + "com" + File.separator + "fasterxml" + File.separator + "jackson")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void anApplicationOnJackson217UsesTheSdkAndWritesItsTasks(RunningEmulator emulator) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                applicationClassPath(),
                Jackson2App.class.getName());
        builder.environment().put("SCALE_API_KEY", emulator.testKey());
        builder.environment().put("SCALE_BASE_URL", emulator.baseUrl() + "/v1");
        builder.environment().remove("SCALE_LOG");
        builder.redirectErrorStream(true);
        Process app = builder.start();
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(app.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("databind " + System.getProperty("app.jackson.version"))
                .contains("annotations: old (no JsonSerializeAs)")
                .contains("params.attachment=https://example.com/j2/0.png")
                .contains("bulk complete=true")
                .contains("listed 6 status=completed")
                .doesNotContain("NoClassDefFoundError");
        assertThat(output).containsPattern("conflict names [0-9a-f]{24}");
        String appJson = output.lines()
                .filter(l -> l.startsWith("app-json "))
                .findFirst()
                .orElseThrow()
                .substring("app-json ".length());
        assertThat(appJson)
                .contains("\"task_id\":")
                .contains("\"params\":{")
                .contains("\"attachment\":\"https://example.com/j2/0.png\"")
                .contains("\"response\":{")
                .doesNotContain("\"object\":")
                .doesNotContain("\"nodeType\"");
    }
}
