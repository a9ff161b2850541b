package dev.scaletoolkit.client.bulk;

/**
 * Receives a {@link BulkProgress} after every finished item, from a worker thread: keep it quick, and make it
 * thread-safe (several workers may call it at once).
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Called after an item finished.
     *
     * @param progress counts, rate and estimated time left
     */
    void onProgress(BulkProgress progress);
}
