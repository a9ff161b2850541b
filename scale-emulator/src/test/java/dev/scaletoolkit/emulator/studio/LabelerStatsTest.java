package dev.scaletoolkit.emulator.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-labeler figures on hand-made answers and reviews. */
class LabelerStatsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private static WorkLog.Work work(String task, String email, String kind, int startMinute, int endMinute) {
        return new WorkLog.Work(
                task,
                "Streets",
                email,
                kind,
                T0.plus(Duration.ofMinutes(startMinute)),
                T0.plusSeconds(60L * endMinute));
    }

    private static LabelerStats.Review review(String task, int minute, boolean accepted) {
        return new LabelerStats.Review(task, T0.plus(Duration.ofMinutes(minute)), accepted);
    }

    private static LabelerStats.Row row(List<LabelerStats.Row> rows, String email) {
        return rows.stream().filter(r -> r.email().equals(email)).findFirst().orElseThrow();
    }

    @Test
    void throughputIsAnswersPerHourOfTheWindowAndTimeIsTheMedian() {
        List<LabelerStats.Row> rows = LabelerStats.compute(
                List.of(
                        work("t1", "ada@x", WorkLog.ANSWER, 0, 2),
                        work("t2", "ada@x", WorkLog.ANSWER, 2, 5),
                        work("t3", "ada@x", WorkLog.ANSWER, 5, 15),
                        work("t4", "bob@x", WorkLog.ANSWER, 0, 1)),
                List.of(),
                Duration.ofHours(2));
        LabelerStats.Row ada = row(rows, "ada@x");
        assertThat(ada.tasks()).isEqualTo(3);
        assertThat(ada.perHour()).isCloseTo(1.5, within(1e-9));
        assertThat(ada.medianTime()).isEqualTo(Duration.ofMinutes(3));
        assertThat(ada.acceptance()).isEmpty();
        assertThat(row(rows, "bob@x").perHour()).isCloseTo(0.5, within(1e-9));
        // Even counts take the mean of the middle two.
        assertThat(LabelerStats.median(
                        List.of(work("a", "c@x", WorkLog.ANSWER, 0, 1), work("b", "c@x", WorkLog.ANSWER, 0, 4))))
                .isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aReviewJudgesTheLatestAnswerBeforeItAndTheLaterVerdictStands() {
        List<WorkLog.Work> work = List.of(
                work("t1", "ada@x", WorkLog.ANSWER, 0, 2), // rejected at 10, reworked at 12, accepted at 20
                work("t1", "ada@x", WorkLog.REWORK, 10, 12),
                work("t2", "ada@x", WorkLog.ANSWER, 2, 4), // accepted at 5, then rejected at 6: rejected stands
                work("t3", "bob@x", WorkLog.ANSWER, 0, 3), // rejected at 8; Ada reworks it at 9 (not reviewed)
                work("t3", "ada@x", WorkLog.REWORK, 8, 9),
                work("t4", "bob@x", WorkLog.ANSWER, 0, 30)); // a review from before the answer judges nothing
        List<LabelerStats.Review> reviews = List.of(
                review("t1", 20, true),
                review("t1", 10, false),
                review("t2", 5, true),
                review("t2", 6, false),
                review("t3", 8, false),
                review("t4", 1, true),
                review("t9", 1, true)); // a task nobody answered in the browser
        List<LabelerStats.Row> rows = LabelerStats.compute(work, reviews, Duration.ofHours(8));

        LabelerStats.Row ada = row(rows, "ada@x");
        assertThat(ada.tasks()).isEqualTo(4);
        assertThat(ada.accepted()).isEqualTo(1);
        assertThat(ada.rejected()).isEqualTo(2);
        assertThat(ada.acceptance()).hasValueSatisfying(a -> assertThat(a).isCloseTo(1 / 3.0, within(1e-9)));
        LabelerStats.Row bob = row(rows, "bob@x");
        assertThat(bob.accepted()).isZero();
        assertThat(bob.rejected()).isEqualTo(1);
        assertThat(bob.acceptance()).hasValue(0.0);
        assertThat(rows).extracting(LabelerStats.Row::email).containsExactly("ada@x", "bob@x");
    }

    @Test
    void nobodyInTheWindowMeansNoRows() {
        assertThat(LabelerStats.compute(List.of(), List.of(review("t1", 1, true)), Duration.ofHours(1)))
                .isEmpty();
    }
}
