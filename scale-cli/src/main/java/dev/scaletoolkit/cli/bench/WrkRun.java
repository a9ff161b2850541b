package dev.scaletoolkit.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each operation again with wrk (a C load generator, Debian package {@code wrk}) when it is installed, so a reader
 * can see whether the benchmark's own generator limits what it measures. On two cores the generator and the
 * emulator share the CPU, and wrk (two event-loop threads) leaves the emulator more of it than 32 blocking Java
 * threads do; its column is the better estimate of the emulator's own rate, ours has the HdrHistogram latencies.
 * Requests that vary (ids, projects, unique ids) come from a small Lua script written for the run.
 */
final class WrkRun {
    /** What wrk measured: requests/s, p50 and p99 in milliseconds, and answers that were not 2xx or 3xx. */
    record Figures(double perSecond, double p50Millis, double p99Millis, long errors) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");

    private WrkRun() {}

    static Optional<Figures> control(URI base, int connections, Duration window) {
        return run(base, "/_emulator/health", null, connections, window);
    }

    /** Whether a wrk binary answers on this machine. */
    static boolean installed() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Drives {@code path} (or what {@code script} sends) for {@code window} on {@code connections} connections. */
    static Optional<Figures> run(URI base, String path, java.nio.file.Path script, int connections, Duration window) {
        long seconds = Math.max(1, Math.round(window.toMillis() / 1000.0));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                "wrk",
                "-t" + Math.min(2, connections),
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "--timeout",
                "60s"));
        if (script != null) {
            command.add("-s");
            command.add(script.toString());
        }
        command.add(base.resolve(path).toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(seconds + 30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Matcher rate = RATE.matcher(out);
            if (!rate.find()) {
                return Optional.empty();
            }
            Matcher errors = ERRORS.matcher(out);
            return Optional.of(new Figures(
                    Double.parseDouble(rate.group(1)),
                    percentile(out, "50%"),
                    percentile(out, "99%"),
                    errors.find() ? Long.parseLong(errors.group(1)) : 0));
        } catch (IOException notInstalled) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A latency line of {@code --latency}'s distribution, e.g. {@code 99%    4.20ms}, in milliseconds. */
    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\b")
                .matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
