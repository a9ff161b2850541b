package dev.scaletoolkit.model.batch;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** A batch status. Open: a value Scale adds later is kept as is. */
public record BatchStatus(String value) {
    /** {@code "staging"}. */
    public static final BatchStatus STAGING = new BatchStatus("staging");
    /** {@code "in_progress"}. */
    public static final BatchStatus IN_PROGRESS = new BatchStatus("in_progress");
    /** {@code "completed"}. */
    public static final BatchStatus COMPLETED = new BatchStatus("completed");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        /** {@code "staging"}. */
        STAGING,
        /** {@code "in_progress"}. */
        IN_PROGRESS,
        /** {@code "completed"}. */
        COMPLETED
    }

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param value the {@code value} key
     */
    public BatchStatus {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static BatchStatus of(String value) {
        return new BatchStatus(value);
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
        return KnownValues.find(Known.class, value) != null;
    }

    /**
     * The known constant; throws {@link IllegalStateException} for a value this version does not know.
     *
     * @return the known constant; throws {@link IllegalStateException} for a value this version does not know
     */
    public Known known() {
        return KnownValues.require(Known.class, value, "BatchStatus");
    }

    @Override
    public String toString() {
        return value;
    }
}
