package dev.scaletoolkit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on standard error: a live bar with rate and ETA on a terminal (me.tongfei:progressbar),
 * else a plain line every few seconds and one at the end, so logs of CI runs stay short.
 */
abstract class Progress implements AutoCloseable {
    /** Items counted before this run (a resumed bulk run); the rate counts only this run's. */
    final long startedFrom;

    final long total;

    private Progress(long total, long startedFrom) {
        this.total = total;
        this.startedFrom = startedFrom;
    }

    static Progress start(
            boolean terminal, PrintWriter err, String what, long total, long startedFrom, LongSupplier clockMillis) {
        return terminal
                ? new Bar(what, total, startedFrom)
                : new Lines(err, what, total, startedFrom, clockMillis, 2_000);
    }

    /** {@code done} items out of {@link #total}, earlier runs included; {@code failed} of them failed. */
    abstract void update(long done, long failed);

    @Override
    public abstract void close();

    /** A live bar, redrawn in place. */
    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String what, long total, long startedFrom) {
            super(total, startedFrom);
            this.bar = new ProgressBarBuilder()
                    .setTaskName(what)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .showSpeed()
                    .setUnit(" tasks", 1)
                    .startsFrom(startedFrom, Duration.ZERO)
                    .build();
        }

        @Override
        synchronized void update(long done, long failed) {
            bar.stepTo(done);
            bar.setExtraMessage(failed == 0 ? "" : failed + " failed");
        }

        @Override
        public synchronized void close() {
            bar.close();
        }
    }

    /** Plain lines: "bulk: 120/300 (40%), 35.2/s, about 5s left, 0 failed". */
    static final class Lines extends Progress {
        private final PrintWriter err;
        private final String what;
        private final LongSupplier clock;
        private final long everyMillis;
        private final long startMillis;
        private long lastPrinted;
        private long done;
        private long failed;

        Lines(PrintWriter err, String what, long total, long startedFrom, LongSupplier clock, long everyMillis) {
            super(total, startedFrom);
            this.err = err;
            this.what = what;
            this.clock = clock;
            this.everyMillis = everyMillis;
            this.startMillis = clock.getAsLong();
            this.lastPrinted = startMillis;
            this.done = startedFrom;
        }

        @Override
        synchronized void update(long done, long failed) {
            this.done = done;
            this.failed = failed;
            long now = clock.getAsLong();
            if (now - lastPrinted >= everyMillis) {
                lastPrinted = now;
                err.println(line(now));
                err.flush();
            }
        }

        /** The line for the current state, at {@code now}. */
        synchronized String line(long now) {
            long percent = total == 0 ? 100 : done * 100 / total;
            StringBuilder s = new StringBuilder(what)
                    .append(": ")
                    .append(done)
                    .append('/')
                    .append(total)
                    .append(" (")
                    .append(percent)
                    .append("%)");
            double seconds = Math.max(0.001, (now - startMillis) / 1000.0);
            double rate = (done - startedFrom) / seconds;
            s.append(String.format(java.util.Locale.ROOT, ", %.1f/s", rate));
            if (done < total && rate > 0) {
                s.append(", about ")
                        .append(human(Math.round((total - done) / rate)))
                        .append(" left");
            }
            return s.append(", ").append(failed).append(" failed").toString();
        }

        @Override
        public synchronized void close() {
            err.println(line(clock.getAsLong()));
            err.flush();
        }

        static String human(long seconds) {
            if (seconds < 60) {
                return seconds + "s";
            }
            if (seconds < 3600) {
                return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
            }
            return seconds / 3600 + "h " + (seconds % 3600) / 60 + "m";
        }
    }
}
