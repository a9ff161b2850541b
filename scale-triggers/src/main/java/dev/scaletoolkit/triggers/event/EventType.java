package dev.scaletoolkit.triggers.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of event the gateway records. Only terminal states of a task and a completed batch make an event. */
public enum EventType {
    TASK_COMPLETED("task.completed"),
    TASK_ERROR("task.error"),
    TASK_CANCELED("task.canceled"),
    BATCH_COMPLETED("batch.completed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The event a task in {@code status} makes, if any ({@code pending} after a recall makes none). */
    public static Optional<EventType> forTaskStatus(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "completed" -> Optional.of(TASK_COMPLETED);
            case "error" -> Optional.of(TASK_ERROR);
            case "canceled", "cancelled" -> Optional.of(TASK_CANCELED);
            default -> Optional.empty();
        };
    }

    /** Parses {@code task.completed} and the like; the message lists what is accepted. */
    public static EventType parse(String wire) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(wire == null ? "" : wire.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + wire + "'; expected one of "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(EventType::wireName).toList())));
    }
}
