package dev.scaletoolkit.model.studio;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.Map;

/**
 * A labeler in a project group.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record GroupWorker(
        @WireName("id") String id,
        @WireName("email") String email,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param id the {@code id} key
     * @param email the {@code email} key
     * @param extra the keys this version does not model
     */
    public GroupWorker {
        extra = Extras.copy(extra);
    }
}
