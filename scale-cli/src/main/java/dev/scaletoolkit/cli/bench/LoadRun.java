package dev.scaletoolkit.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Drives one operation at a fixed concurrency for a fixed time (closed loop: each connection sends its next request
 * when the last is answered) after a warm-up, and records every latency in an HdrHistogram.
 */
final class LoadRun {
    /** Makes the next request of one connection. */
    interface Requests {
        /** @param seq a number unique within this connection, for unique ids */
        Request next(SplittableRandom random, int connection, long seq);
    }

    record Request(String method, String path, byte[] body) {
        static Request get(String path) {
            return new Request("GET", path, null);
        }
    }

    /** What one operation did in its measured window (from the end of warm-up to the last answer). */
    record Result(
            String name, long requests, long errors, Duration window, Histogram latencyMicros, String firstError) {
        double perSecond() {
            return requests / (window.toNanos() / 1e9);
        }

        double p50Millis() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    private LoadRun() {}

    static Result run(
            String name,
            URI base,
            String authorization,
            int concurrency,
            Duration warmup,
            Duration window,
            Requests requests) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + window.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(measureFrom);
        String[] firstError = new String[1];
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Histogram h = new Histogram(60_000_000L, 3);
            histograms.add(h);
            int connection = c;
            Thread t = new Thread(
                    () -> {
                        SplittableRandom random = new SplittableRandom(31L * connection + 7);
                        try (RawHttp http = new RawHttp(base, authorization)) {
                            boolean measuredOne = false;
                            for (long seq = 0; ; seq++) {
                                long before = System.nanoTime();
                                if (before >= end && measuredOne) {
                                    return;
                                }
                                measuredOne |= before >= measureFrom;
                                Request r = requests.next(random, connection, seq);
                                boolean ok;
                                String problem = null;
                                try {
                                    RawHttp.Response resp = http.send(r.method(), r.path(), r.body());
                                    ok = resp.status() / 100 == 2;
                                    if (!ok) {
                                        problem = resp.status() + " " + resp.text();
                                    }
                                } catch (IOException e) {
                                    ok = false;
                                    problem = e.toString();
                                }
                                long after = System.nanoTime();
                                if (before >= measureFrom) {
                                    // sent in the window: counted even if answered after it, which the window
                                    // then stretches to cover (a slow operation never reads as zero)
                                    lastAnswer.accumulateAndGet(after, Math::max);
                                    h.recordValue(Math.max(1, (after - before) / 1000));
                                    if (!ok) {
                                        errors.incrementAndGet();
                                    }
                                }
                                if (problem != null) {
                                    synchronized (firstError) {
                                        if (firstError[0] == null) {
                                            firstError[0] = problem;
                                        }
                                    }
                                }
                            }
                        }
                    },
                    "bench-" + name + "-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring " + name, e);
            }
        }
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        Duration measured = Duration.ofNanos(Math.max(window.toNanos(), lastAnswer.get() - measureFrom));
        return new Result(name, all.getTotalCount(), errors.get(), measured, all, firstError[0]);
    }
}
