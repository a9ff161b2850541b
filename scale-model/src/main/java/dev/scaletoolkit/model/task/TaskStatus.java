package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/**
 * A task's status. Open: a value Scale adds later is kept as is ({@link #isKnown()} is then false) instead of
 * failing the whole response.
 */
public record TaskStatus(String value) {
    /** {@code "pending"}. */
    public static final TaskStatus PENDING = new TaskStatus("pending");
    /** {@code "completed"}. */
    public static final TaskStatus COMPLETED = new TaskStatus("completed");
    /** {@code "canceled"}. */
    public static final TaskStatus CANCELED = new TaskStatus("canceled");
    /** {@code "error"}. */
    public static final TaskStatus ERROR = new TaskStatus("error");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        /** {@code "pending"}. */
        PENDING,
        /** {@code "completed"}. */
        COMPLETED,
        /** {@code "canceled"}. */
        CANCELED,
        /** {@code "error"}. */
        ERROR
    }

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param value the {@code value} key
     */
    public TaskStatus {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static TaskStatus of(String value) {
        return new TaskStatus(value);
    }

    /**
     * The value as Scale sends it.
     *
     * @return the wire value
     */
    @WireValue
    @Override
    public String value() {
        return value;
    }

    /**
     * Whether this version of the SDK knows the value.
     *
     * @return false for a value Scale added later
     */
    public boolean isKnown() {
        return dev.scaletoolkit.model.common.KnownValues.find(Known.class, value) != null;
    }

    /**
     * The known constant; throws {@link IllegalStateException} for a value this version does not know.
     *
     * @return the known constant; throws {@link IllegalStateException} for a value this version does not know
     */
    public Known known() {
        return dev.scaletoolkit.model.common.KnownValues.require(Known.class, value, "task status");
    }

    /**
     * True once the task will not change by itself any more (completed, canceled or error).
     *
     * @return true once the task will not change by itself any more (completed, canceled or error)
     */
    public boolean isFinal() {
        return equals(COMPLETED) || equals(CANCELED) || equals(ERROR);
    }

    @Override
    public String toString() {
        return value;
    }
}
