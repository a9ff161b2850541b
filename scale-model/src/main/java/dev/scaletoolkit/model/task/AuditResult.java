package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** The outcome recorded in a task audit entry. Open. */
public record AuditResult(String value) {
    public static final AuditResult ACCEPTED = new AuditResult("accepted");
    public static final AuditResult REJECTED = new AuditResult("rejected");
    public static final AuditResult FIXED = new AuditResult("fixed");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        ACCEPTED,
        REJECTED,
        FIXED
    }

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

    /** The known constant; throws {@link IllegalStateException} for a value this version does not know. */
    public Known known() {
        return KnownValues.require(Known.class, value, "AuditResult");
    }

    @Override
    public String toString() {
        return value;
    }
}
