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
 * The control run again with wrk (a C load generator, Debian package {@code wrk}) when it is installed, so a reader
 * can see whether the benchmark's own generator limits what it measures: if wrk gets far more from the same
 * endpoint, the figures above are the generator's, not the emulator's.
 */
final class WrkRun {
    /** What wrk measured: requests/s, p50 and p99 in milliseconds. */
    record Figures(double perSecond, double p50Millis, double p99Millis) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private WrkRun() {}

    static Optional<Figures> control(URI base, int connections, Duration window) {
        long seconds = Math.max(1, Math.round(window.toMillis() / 1000.0));
        ProcessBuilder pb = new ProcessBuilder(
                        "wrk",
                        "-t2",
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        base.resolve("/_emulator/health").toString())
                .redirectErrorStream(true);
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
            return Optional.of(
                    new Figures(Double.parseDouble(rate.group(1)), percentile(out, "50%"), percentile(out, "99%")));
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
