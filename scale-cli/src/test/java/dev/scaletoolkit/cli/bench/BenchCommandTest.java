package dev.scaletoolkit.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.cli.ScaleCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A small {@code scale bench} run (2,000 tasks, one second per operation) against a real emulator in a child JVM:
 * every figure is printed and sane. Speed itself is never asserted here.
 */
class BenchCommandTest {
    private static final Pattern ROW = Pattern.compile(
            "^(\\S+(?: \\S+)*?)\\s{2,}(GET|POST) .*?\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.eE+-]+)\\s+(\\d+)\\s+\\|.*$");

    @Test
    void aSmallRunPrintsEveryFigure() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(name -> null);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute(
                "bench",
                "--tasks",
                "2000",
                "--duration",
                "1s",
                "--warmup",
                "300ms",
                "--concurrency",
                "4",
                "--load-concurrency",
                "2",
                "--no-wrk");

        String report = out.toString();
        assertThat(exit).as(report + err).isZero();
        assertThat(report).contains("loaded 2,000 tasks in").contains("through POST /_emulator/tasks/bulk");

        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String line : report.split("\n")) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.put(m.group(1), new double[] {
                    Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(5)),
                    Double.parseDouble(m.group(6)),
                    Double.parseDouble(m.group(7))
                });
            }
        }
        assertThat(rows.keySet())
                .as(report)
                .containsExactly(
                        "control",
                        "get",
                        "list",
                        "list project",
                        "list project+status",
                        "list batch",
                        "list p+s, 1 conn",
                        "list page 20",
                        "create (FULL)",
                        "control (NORMAL)",
                        "create (NORMAL)");
        rows.forEach((name, f) -> {
            // figures are printed and well formed; their size depends on the machine's load, so it is not tested
            assertThat(f[0]).as(name + " req/s in\n" + report).isNotNegative();
            assertThat(f[1]).as(name + " p50 in\n" + report).isNotNegative();
            assertThat(f[2]).as(name + " p99 >= p50 in\n" + report).isGreaterThanOrEqualTo(f[1]);
            assertThat(f[3]).as(name + " ratio to control in\n" + report).isNotNegative();
            assertThat(f[4]).as(name + " errors in\n" + report).isZero();
        });
        assertThat(rows.get("control")[3]).isEqualTo(1.0);
        assertThat(rows.get("control (NORMAL)")[3]).isEqualTo(1.0);

        Matcher drained = Pattern.compile("workforce:\\s+completed ([0-9,]+) pending tasks/s")
                .matcher(report);
        assertThat(drained.find()).as("workforce line in\n" + report).isTrue();
        assertThat(Long.parseLong(drained.group(1).replace(",", "")))
                .as("tasks the workforce completed a second (0 on a loaded machine is a figure too)")
                .isNotNegative();
        for (String figure : List.of("database size:", "emulator RSS idle:", "emulator RSS under load:")) {
            Matcher m =
                    Pattern.compile(Pattern.quote(figure) + "\\s+([0-9.]+) MiB").matcher(report);
            assertThat(m.find()).as(figure + " in\n" + report).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as(figure).isNotNegative();
        }
    }
}
