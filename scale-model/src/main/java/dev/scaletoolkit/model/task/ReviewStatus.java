package dev.scaletoolkit.model.task;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** A customer review (audit) status of a task, as used by the {@code customer_review_status} filter. Open. */
public record ReviewStatus(String value) {
    /** {@code "pending"}. */
    public static final ReviewStatus PENDING = new ReviewStatus("pending");
    /** {@code "fixed"}. */
    public static final ReviewStatus FIXED = new ReviewStatus("fixed");
    /** {@code "accepted"}. */
    public static final ReviewStatus ACCEPTED = new ReviewStatus("accepted");
    /** {@code "rejected"}. */
    public static final ReviewStatus REJECTED = new ReviewStatus("rejected");
    /** {@code "commented"}. */
    public static final ReviewStatus COMMENTED = new ReviewStatus("commented");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        /** {@code "pending"}. */
        PENDING,
        /** {@code "fixed"}. */
        FIXED,
        /** {@code "accepted"}. */
        ACCEPTED,
        /** {@code "rejected"}. */
        REJECTED,
        /** {@code "commented"}. */
        COMMENTED
    }

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param value the {@code value} key
     */
    public ReviewStatus {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static ReviewStatus of(String value) {
        return new ReviewStatus(value);
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
        return KnownValues.require(Known.class, value, "ReviewStatus");
    }

    @Override
    public String toString() {
        return value;
    }
}
