package dev.scaletoolkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp formatter spells every instant exactly as the pattern formatter would. */
class ScaleTimeTest {
    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeThePatternAcrossTheYearsAndAtTheEdges() {
        SplittableRandom random = new SplittableRandom(20261129);
        long max = Instant.parse("9999-12-31T23:59:59.999Z").getEpochSecond();
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertThat(ScaleTime.format(t)).isEqualTo(PATTERN.format(t.truncatedTo(ChronoUnit.MILLIS)));
        }
        for (String edge : new String[] {
            "1970-01-01T00:00:00Z", "2026-11-29T23:59:59.999999999Z", "2000-02-29T12:00:00.001Z", "0000-01-01T00:00:00Z"
        }) {
            Instant t = Instant.parse(edge);
            assertThat(ScaleTime.format(t)).isEqualTo(PATTERN.format(t.truncatedTo(ChronoUnit.MILLIS)));
        }
        assertThat(ScaleTime.format(Instant.parse("2026-11-29T08:05:03.042Z"))).isEqualTo("2026-11-29T08:05:03.042Z");
    }
}
