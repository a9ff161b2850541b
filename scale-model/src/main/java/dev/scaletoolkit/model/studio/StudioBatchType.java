package dev.scaletoolkit.model.studio;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** The kind of a Studio batch ({@code Production} or {@code Calibration} on the wire). Open. */
public record StudioBatchType(String value) {
    /** {@code "Production"}. */
    public static final StudioBatchType PRODUCTION = new StudioBatchType("Production");
    /** {@code "Calibration"}. */
    public static final StudioBatchType CALIBRATION = new StudioBatchType("Calibration");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        /** {@code "Production"}. */
        PRODUCTION,
        /** {@code "Calibration"}. */
        CALIBRATION
    }

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param value the {@code value} key
     */
    public StudioBatchType {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static StudioBatchType of(String value) {
        return new StudioBatchType(value);
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
        return KnownValues.require(Known.class, value, "StudioBatchType");
    }

    @Override
    public String toString() {
        return value;
    }
}
