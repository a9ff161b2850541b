package dev.scaletoolkit.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.task.CategorizationParams;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A class that sets {@code clockStart} owns the emulator's time: the workforce, set to five minutes a task, labels
 * nothing until the test has moved the clock five minutes, and the task's timestamps are the clock's. No real time
 * passes for any of it.
 */
@ScaleEmulatorTest(clockStart = ControlledClockTest.START, workforceDelayMillis = 5 * 60_000)
class ControlledClockTest {
    static final String START = "2026-01-05T09:00:00Z";
    private static final Instant T0 = Instant.parse(START);

    @Test
    void theWorkforceLabelsATaskOnlyWhenFiveMinutesHaveBeenMadeToPass(ScaleClient scale, TestClock clock) {
        Task created = scale.tasks()
                .create(CategorizationParams.builder()
                        .instruction("Red or blue?")
                        .attachment("tomato")
                        .attachmentType("text")
                        .categories(List.of("red", "blue"))
                        .build());
        assertThat(created.createdAt()).isEqualTo(T0);

        assertThat(clock.advance(Duration.ofMinutes(4).plusSeconds(59))).isEqualTo(T0.plusSeconds(299));
        // advance answers after the due work is done, so pending here means not due, not "not yet polled"
        assertThat(scale.tasks().retrieve(created.taskId()).status()).isEqualTo(TaskStatus.PENDING);

        clock.advance(Duration.ofSeconds(1));
        Task labeled = scale.tasks().retrieve(created.taskId());
        assertThat(labeled.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(labeled.completedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void theClockStandsStillBetweenAdvances(TestClock clock, RunningEmulator emulator) {
        Instant before = clock.now();
        emulator.client().projects().list(); // the emulator works meanwhile; its time does not move
        assertThat(clock.now()).isEqualTo(before);
        assertThat(emulator.baseUrl()).isNotEqualTo(RunningEmulator.shared().baseUrl());
    }

    @Test
    void theClockNeverMovesBack(TestClock clock) {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
    }

    @ScaleEmulatorTest(clockStart = "next tuesday")
    static class UnreadableStart {
        @Test
        void one(RunningEmulator e) {}
    }

    @Test
    void anUnreadableStartIsAConfigurationErrorNamingTheAttribute() {
        var events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UnreadableStart.class))
                .execute()
                .allEvents();
        assertThat(events.failed().stream()
                        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage)
                                .orElse("")))
                .anyMatch(m -> m.contains("clockStart") && m.contains("next tuesday"));
    }
}
