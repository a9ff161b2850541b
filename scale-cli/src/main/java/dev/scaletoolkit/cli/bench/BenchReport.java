package dev.scaletoolkit.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Prints one benchmark run: a row per operation with its ratio to the control row above it, then the totals. */
final class BenchReport {
    /** One measured operation: a short name, what it requests, and what it did. */
    record Row(String name, String what, LoadRun.Result result) {}

    private final PrintWriter out;

    BenchReport(PrintWriter out) {
        this.out = out;
    }

    void print(
            int tasks,
            double loadSeconds,
            int loadConcurrency,
            int concurrency,
            Duration window,
            Duration warmup,
            List<Row> rows,
            long dbBytes,
            long rssStart,
            long rssLoaded,
            long rssUnderLoad,
            boolean remote,
            String date,
            java.util.Optional<WrkRun.Figures> wrk) {
        out.printf(
                "scale bench, %s, %d cores, Java %s%n",
                date, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(
                "loaded %,d tasks in %.1f s (%,.0f tasks/s) through POST /v1/task/categorization on %d connections"
                        + " (no fast path)%n",
                tasks, loadSeconds, tasks / loadSeconds, loadConcurrency);
        out.printf(
                "each operation: %d connections, %s warm-up, %s measured%n%n",
                concurrency, seconds(warmup), seconds(window));
        out.printf(
                "%-22s %-48s %10s %9s %9s %8s %7s%n",
                "operation", "request", "req/s", "p50 ms", "p99 ms", "/control", "errors");
        double control = 0;
        for (Row row : rows) {
            LoadRun.Result r = row.result();
            if (row.name().startsWith("control")) {
                control = r.perSecond();
            }
            out.printf(
                    "%-22s %-48s %10.0f %9.2f %9.2f %8.3g %7d%n",
                    row.name(),
                    row.what(),
                    r.perSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    control > 0 ? r.perSecond() / control : 0.0,
                    r.errors());
        }
        out.println();
        if (wrk.isPresent() && !rows.isEmpty()) {
            WrkRun.Figures w = wrk.get();
            double ours = rows.get(0).result().perSecond();
            out.printf(
                    "control with wrk -t2 -c%d: %.0f req/s, p50 %.2f ms, p99 %.2f ms (wrk / scale bench = %.2f)%n",
                    concurrency, w.perSecond(), w.p50Millis(), w.p99Millis(), w.perSecond() / ours);
        } else {
            out.println("control with wrk: not run (wrk not installed, or --no-wrk)");
        }
        out.println("database size:          " + (remote ? "n/a (remote target)" : mib(dbBytes)));
        out.println("emulator RSS idle:      "
                + (remote
                        ? "n/a (remote target)"
                        : mib(rssStart) + " after start, " + mib(rssLoaded) + " after loading"));
        out.println("emulator RSS under load: " + (remote ? "n/a (remote target)" : mib(rssUnderLoad) + " (max)"));
        out.flush();
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
