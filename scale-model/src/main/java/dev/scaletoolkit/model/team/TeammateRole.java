package dev.scaletoolkit.model.team;

import dev.scaletoolkit.model.common.KnownValues;
import dev.scaletoolkit.model.json.WireValue;
import java.util.Objects;

/** A teammate's role on the team. Open: a value Scale adds later is kept as is. */
public record TeammateRole(String value) {
    public static final TeammateRole ADMIN = new TeammateRole("admin");
    public static final TeammateRole MANAGER = new TeammateRole("manager");
    public static final TeammateRole MEMBER = new TeammateRole("member");
    public static final TeammateRole LABELER = new TeammateRole("labeler");
    public static final TeammateRole DISABLED = new TeammateRole("disabled");
    public static final TeammateRole INVITED = new TeammateRole("invited");

    /** The values this version knows, for {@code switch} statements. */
    public enum Known {
        ADMIN,
        MANAGER,
        MEMBER,
        LABELER,
        DISABLED,
        INVITED
    }

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
        return KnownValues.require(Known.class, value, "TeammateRole");
    }

    @Override
    public String toString() {
        return value;
    }
}
