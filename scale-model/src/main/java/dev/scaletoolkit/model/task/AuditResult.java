package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** The outcome recorded in a task audit entry. Open. */
public record AuditResult(String value) {
    /** {@code "accepted"}. */
    public static final AuditResult ACCEPTED = new AuditResult("accepted");
    /** {@code "rejected"}. */
    public static final AuditResult REJECTED = new AuditResult("rejected");
    /** {@code "fixed"}. */
    public static final AuditResult FIXED = new AuditResult("fixed");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        /** {@code "accepted"}. */
        ACCEPTED,
        /** {@code "rejected"}. */
        REJECTED,
        /** {@code "fixed"}. */
        FIXED
    }

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param value the {@code value} key
     */
    public AuditResult {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static AuditResult of(String value) {
        return new AuditResult(value);
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
        return KnownValues.require(Known.class, value, "AuditResult");
    }

    @Override
    public String toString() {
        return value;
    }
}
