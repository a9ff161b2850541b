package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress off a terminal: a plain line every few seconds, with rate and ETA, not one line per item. */
class ProgressTest {

    @Test
    void printsAPlainLineEveryTwoSecondsWithRateAndEta() {
        AtomicLong now = new AtomicLong(1_000_000);
        StringWriter text = new StringWriter();
        Progress progress = Progress.start(false, new PrintWriter(text, true), "bulk", 300, 0, now::get);

        for (int done = 1; done <= 300; done++) {
            now.addAndGet(50); // 20 items a second
            progress.update(done, done >= 290 ? done - 289 : 0);
        }
        progress.close();

        String[] lines = text.toString().strip().split("\\R");
        // 15 s of work: a line every 2 s and the final one, not 300 lines
        assertThat(lines).hasSizeBetween(7, 9);
        assertThat(lines[0]).isEqualTo("bulk: 40/300 (13%), 20.0/s, about 13s left, 0 failed");
        assertThat(lines[lines.length - 1]).isEqualTo("bulk: 300/300 (100%), 20.0/s, 11 failed");
    }

    @Test
    void aResumedRunCountsOnlyItsOwnItemsInTheRate() {
        AtomicLong now = new AtomicLong(0);
        StringWriter text = new StringWriter();
        Progress progress = Progress.start(false, new PrintWriter(text, true), "bulk", 1000, 900, now::get);
        now.set(10_000);
        progress.update(950, 0);
        assertThat(text.toString().strip()).isEqualTo("bulk: 950/1000 (95%), 5.0/s, about 10s left, 0 failed");
    }

    @Test
    void etaReadsAsPeopleSayIt() {
        assertThat(Progress.Lines.human(42)).isEqualTo("42s");
        assertThat(Progress.Lines.human(125)).isEqualTo("2m 5s");
        assertThat(Progress.Lines.human(7260)).isEqualTo("2h 1m");
    }
}
