package dev.scaletoolkit.client.bulk;

import java.time.Duration;

/**
 * A snapshot during a bulk submission, enough for a progress bar.
 *
 * @param total items in the input
 * @param done items finished (successfully or not), earlier runs included
 * @param failed items that failed
 * @param concurrency requests currently allowed in flight (it shrinks on 429 and grows back)
 * @param elapsed time since this run started
 * @param ratePerSecond items finished per second in this run (earlier runs' items excluded), 0 at first
 * @param eta the estimated time left at the current rate, or null while no rate is known yet
 */
public record BulkProgress(
        int total, int done, int failed, int concurrency, Duration elapsed, double ratePerSecond, Duration eta) {

    /**
     * The share of items finished.
     *
     * @return a value from 0 to 1 (1 for an empty input)
     */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
