package dev.scaletoolkit.model.batch;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.Map;

/**
 * The answer of {@code GET /batches/{name}/status}: the batch status and task counts per status. A count Scale
 * leaves out reads as 0, never null.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 */
public record BatchProgress(
        @WireName("status") BatchStatus status,
        @WireName("pending") int pending,
        @WireName("completed") int completed,
        @WireName("error") int error,
        @WireName("canceled") int canceled,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Checks the required keys and copies the collections, so the record stays immutable.
     *
     * @param status the {@code status} key
     * @param pending the {@code pending} key
     * @param completed the {@code completed} key
     * @param error the {@code error} key
     * @param canceled the {@code canceled} key
     * @param extra the keys this version does not model
     */
    public BatchProgress {
        extra = Extras.copy(extra);
    }
}
