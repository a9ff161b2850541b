package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of scale-client/README.md and of the top-level README's SDK section is a whole program: it is
 * compiled as written and run twice in its own JVM, with only the environment a user would set and no logging
 * binding (as in a new project), against one fresh emulator. A README program that stops compiling, cannot run a
 * second time (a fixed project name answers 409), or prints SLF4J's "no providers" warning fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");
    /** What each program prints when it worked. */
    private static final Map<String, String> EXPECTED = Map.of(
            "FirstTask", "completed",
            "QuickStart", " is completed",
            "Options", "test=false",
            "Bulk", "complete=true failures=0",
            "ExportAndWait", "1 tasks, ",
            "Callbacks", "called back: true",
            "RawAndAsync", "request id");

    private TestEmulator emulator;

    @TempDir
    Path work;

    @BeforeAll
    void start() {
        emulator = TestEmulator.start();
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static List<String> blocks(Path markdown, String fromHeading, String toHeading) throws Exception {
        String text = Files.readString(markdown);
        if (fromHeading != null) {
            int from = text.indexOf(fromHeading);
            int to = text.indexOf(toHeading, from + 1);
            text = text.substring(from, to < 0 ? text.length() : to);
        }
        List<String> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> everyReadmeProgramCompilesAndRunsAgainstAFreshEmulator() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        List<String> programs = new ArrayList<>(blocks(module.resolve("README.md"), null, null));
        programs.addAll(blocks(module.resolve("../README.md"), "## The Java SDK", "\n## "));
        assertThat(programs).as("Java programs in the READMEs").hasSizeGreaterThanOrEqualTo(EXPECTED.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (String source : programs) {
            Matcher name = CLASS_NAME.matcher(source);
            assertThat(name.find())
                    .as("a README program declares a public class:\n" + source)
                    .isTrue();
            String className = name.group(1);
            tests.add(DynamicTest.dynamicTest(className, () -> run(className, source)));
        }
        return tests;
    }

    private void run(String className, String source) throws Exception {
        Path dir = Files.createDirectories(work.resolve(className));
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        String classPath = withoutLoggingBinding(System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int compiled = javac.run(
                null, null, errors, "-cp", classPath, "-d", dir.toString(), "--release", "17", file.toString());
        assertThat(compiled).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        for (int time = 1; time <= 2; time++) {
            String output = runOnce(className, dir, classPath);
            assertThat(output)
                    .as("run " + time + " of " + className)
                    .contains(EXPECTED.getOrDefault(className, ""))
                    .doesNotContain("SLF4J");
        }
    }

    /** The test class path minus logback, so the programs see what an application without a binding sees. */
    private static String withoutLoggingBinding(String classPath) {
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.contains("logback")) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private String runOnce(String className, Path dir, String classPath) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                dir + File.pathSeparator + classPath,
                className);
        builder.environment().remove("SCALE_LOG");
        builder.environment().put("SCALE_API_KEY", emulator.account().liveKey());
        builder.environment().put("SCALE_BASE_URL", emulator.baseUrl() + "/v1");
        builder.environment()
                .put(
                        "SCALE_CALLBACK_AUTH_KEY",
                        emulator.emulator()
                                .accounts()
                                .callbackAuthKey(emulator.account().accountId()));
        builder.redirectErrorStream(true);
        Process program = builder.start();
        String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(program.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(program.exitValue()).as(output).isZero();
        return output;
    }
}
