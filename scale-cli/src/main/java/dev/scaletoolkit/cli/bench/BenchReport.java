package dev.scaletoolkit.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** Prints one benchmark run: a row per operation with its ratio to the control row above it, then the totals. */
final class BenchReport {
    /** One measured operation: a short name, what it requests, and what it did. */
    record Row(String name, String what, LoadRun.Result result, java.util.Optional<WrkRun.Figures> wrk) {}

    /**
     * The storage floor measured in the same run ({@link StorageFloor}) and the create row it is set against.
     *
     * @param rowsPerSecond task rows a second SQLite stored on its own
     * @param rowsPerCommit rows a commit, the create run's mean group size
     * @param sync the {@code synchronous} setting of both
     * @param creates the create row of the same run
     */
    record Floor(double rowsPerSecond, int rowsPerCommit, String sync, Row creates) {}

    private final PrintWriter out;

    BenchReport(PrintWriter out) {
        this.out = out;
    }

    void print(
            int tasks,
            double loadSeconds,
            String loadedHow,
            int concurrency,
            Duration window,
            Duration warmup,
            List<Row> rows,
            long dbBytes,
            long rssStart,
            long rssLoaded,
            long rssUnderLoad,
            double drainedPerSecond,
            long[] createGroups,
            Floor floor,
            boolean remote,
            String date,
            boolean withWrk) {
        out.printf(
                "scale bench, %s, %d cores, Java %s%n",
                date, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(
                "loaded %,d tasks in %.1f s (%,.0f tasks/s) %s%n", tasks, loadSeconds, tasks / loadSeconds, loadedHow);
        out.printf(
                "each operation: %d connections, %s warm-up, %s measured%n%n",
                concurrency, seconds(warmup), seconds(window));
        out.printf(
                "%-20s %-48s %8s %8s %8s %8s %6s | %8s %8s %8s %8s%n",
                "operation",
                "request",
                "req/s",
                "p50 ms",
                "p99 ms",
                "/control",
                "errors",
                "wrk r/s",
                "p50 ms",
                "p99 ms",
                "/control");
        double control = 0;
        double wrkControl = 0;
        for (Row row : rows) {
            LoadRun.Result r = row.result();
            if (row.name().startsWith("control")) {
                control = r.perSecond();
                wrkControl = row.wrk().map(WrkRun.Figures::perSecond).orElse(0.0);
            }
            double wrkControlNow = wrkControl;
            String byWrk = row.wrk()
                    .map(w -> String.format(
                            "%8.0f %8.2f %8.2f %8.3g%s",
                            w.perSecond(),
                            w.p50Millis(),
                            w.p99Millis(),
                            wrkControlNow > 0 ? w.perSecond() / wrkControlNow : 0.0,
                            w.errors() > 0 ? "  (" + w.errors() + " errors)" : ""))
                    .orElse(String.format("%8s %8s %8s %8s", "-", "-", "-", "-"));
            out.printf(
                    "%-20s %-48s %8.0f %8.2f %8.2f %8.3g %6d | %s%n",
                    row.name(),
                    row.what(),
                    r.perSecond(),
                    r.p50Millis(),
                    r.p99Millis(),
                    control > 0 ? r.perSecond() / control : 0.0,
                    r.errors(),
                    byWrk);
        }
        out.println();
        if (withWrk && !rows.isEmpty() && rows.get(0).wrk().isPresent()) {
            out.printf(
                    "generator check: wrk -t2 -c%d got %.2f times our generator's control rate; the columns after |"
                            + " are wrk's run of each operation%n",
                    concurrency,
                    rows.get(0).wrk().get().perSecond() / rows.get(0).result().perSecond());
        } else {
            out.println("wrk: not run (not installed, or --no-wrk); apt-get install wrk adds its columns");
        }
        if (createGroups[0] > 0) {
            out.printf(
                    "group commit (creates): %,d writes in %,d commits, %.1f writes a commit%n",
                    createGroups[1], createGroups[0], (double) createGroups[1] / createGroups[0]);
        }
        if (floor != null) {
            double ours = floor.creates().result().perSecond();
            String byWrk = floor.creates()
                    .wrk()
                    .map(w -> String.format(
                            ", wrk %,.0f/s = %.0f %%", w.perSecond(), 100 * w.perSecond() / floor.rowsPerSecond()))
                    .orElse("");
            out.printf(
                    "storage floor:          %,.0f task rows/s straight into SQLite (the emulator's schema and indexes, WAL,"
                            + " synchronous=%s, %d rows a commit, one thread, no HTTP)%n",
                    floor.rowsPerSecond(), floor.sync(), floor.rowsPerCommit());
            out.printf(
                    "creates / floor:        ours %,.0f/s = %.0f %%%s%n",
                    ours, 100 * ours / floor.rowsPerSecond(), byWrk);
        }
        if (drainedPerSecond >= 0) {
            double creates = rows.stream()
                    .filter(r -> r.name().startsWith("create"))
                    .findFirst()
                    .map(r -> r.result().perSecond())
                    .orElse(0.0);
            out.printf(
                    "workforce:              completed %,.0f pending tasks/s, oldest first, no delay (creates above: %,.0f/s)%n",
                    drainedPerSecond, creates);
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
