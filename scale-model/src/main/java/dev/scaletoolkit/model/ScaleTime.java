package dev.scaletoolkit.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Scale's timestamp format: ISO-8601 in UTC with exactly three fraction digits and a {@code Z}. */
public final class ScaleTime {
    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ScaleTime() {}

    /**
     * Formats an instant as Scale does, truncated to milliseconds.
     *
     * @param instant the instant to write
     * @return the text, e.g. {@code 2021-04-25T10:00:00.000Z}
     */
    public static String format(Instant instant) {
        // Written by hand: every create and update formats several timestamps, and the pattern formatter cost a
        // noticeable share of a create's CPU. Years outside 0001-9999 keep the formatter's spelling.
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return WIRE.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        char[] c = new char[24];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Parses the forms Scale accepts in filters: a date ({@code 2021-04-25}), a timestamp with an offset or
     * {@code Z}, or a naive timestamp (with or without fractions, {@code T} or a space), which is read as UTC.
     *
     * @param text the text to read
     * @return the instant, or empty when the text is none of those forms
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return Optional.of(
                        LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            String normalized = value.replace(' ', 'T');
            if (normalized.endsWith("Z") || normalized.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return Optional.of(OffsetDateTime.parse(normalized.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                        .toInstant());
            }
            return Optional.of(LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
