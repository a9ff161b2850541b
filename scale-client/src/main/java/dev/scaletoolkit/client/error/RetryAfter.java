package dev.scaletoolkit.client.error;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a Retry-After header: delta seconds or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {}

    /**
     * Reads a Retry-After value against the system clock.
     *
     * @param value the header value, or null
     * @return the wait it asks for (never negative), or empty when absent or unreadable
     */
    public static Optional<Duration> parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    /**
     * Reads a Retry-After value; an HTTP date is turned into the time left from {@code clock}'s now.
     *
     * @param value the header value, or null
     * @param clock the current time, for a date value
     * @return the wait it asks for (a date in the past reads as zero), or empty when absent or unreadable
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
