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

    /** Formats an instant as Scale does, truncated to milliseconds. */
    public static String format(Instant instant) {
        return WIRE.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Parses the forms Scale accepts in filters: a date ({@code 2021-04-25}), a timestamp with an offset or
     * {@code Z}, or a naive timestamp (with or without fractions, {@code T} or a space), which is read as UTC.
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
