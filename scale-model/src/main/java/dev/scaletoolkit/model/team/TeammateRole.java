package dev.scaletoolkit.model.team;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** A teammate's role on the team. Open: a value Scale adds later is kept as is. */
public record TeammateRole(String value) {
    /** {@code "admin"}. */
    public static final TeammateRole ADMIN = new TeammateRole("admin");
    /** {@code "manager"}. */
    public static final TeammateRole MANAGER = new TeammateRole("manager");
    /** {@code "member"}. */
    public static final TeammateRole MEMBER = new TeammateRole("member");
    /** {@code "labeler"}. */
    public static final TeammateRole LABELER = new TeammateRole("labeler");
    /** {@code "disabled"}. */
    public static final TeammateRole DISABLED = new TeammateRole("disabled");
    /** {@code "invited"}. */
    public static final TeammateRole INVITED = new TeammateRole("invited");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        /** {@code "admin"}. */
        ADMIN,
        /** {@code "manager"}. */
        MANAGER,
        /** {@code "member"}. */
        MEMBER,
        /** {@code "labeler"}. */
        LABELER,
        /** {@code "disabled"}. */
        DISABLED,
        /** {@code "invited"}. */
        INVITED
    }

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param value the {@code value} key
     */
    public TeammateRole {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The value as sent by Scale, known to this version or not.
     *
     * @param value the wire value
     * @return the open enum value
     */
    public static TeammateRole of(String value) {
        return new TeammateRole(value);
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
        return KnownValues.require(Known.class, value, "TeammateRole");
    }

    @Override
    public String toString() {
        return value;
    }
}
