package dev.scaletoolkit.model.batch;

import dev.scaletoolkit.model.common.Extras;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.WireExtra;
import dev.scaletoolkit.model.json.WireName;
import java.util.Map;

/**
 * The body Scale POSTs to a batch's {@code callback} when its last task completes. Scale does not document the
 * shape; this reads the batch name from {@code batch_name} or from the embedded {@code batch}.
 *
 * <p>Keys this version does not model are kept in {@link #extra()} and written back unchanged.
 *
 * @param batchName the batch's name
 * @param status the batch's status (completed)
 * @param batch the batch itself, when sent
 * @param extra keys this version does not model
 */
public record BatchCallback(
        @WireName("batch_name") String batchName,
        @WireName("status") BatchStatus status,
        @WireName("batch") Batch batch,
        @WireExtra Map<String, JsonValue> extra) {

    /**
     * Copies {@code extra} so the record stays immutable.
     *
     * @param batchName the batchName
     * @param status the status
     * @param batch the batch
     * @param extra the extra
     */
    public BatchCallback {
        extra = Extras.copy(extra);
    }

    /**
     * The batch's name, from {@code batch_name} or else from the embedded batch.
     *
     * @return the name, or null when neither carries one
     */
    public String name() {
        return batchName != null ? batchName : batch != null ? batch.name() : null;
    }
}
