package dev.scaletoolkit.client.http;

import dev.scaletoolkit.client.error.ScaleIoException;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one request and returns whatever status came back; only a failure to talk to the server throws. Status
 * mapping and decoding happen above it, retries in a decorator around it.
 */
public interface Transport extends AutoCloseable {
    /**
     * Sends one request and waits for the answer.
     *
     * @param request the request
     * @return whatever status came back
     * @throws ScaleIoException when the server could not be reached or the connection broke
     */
    ScaleResponse execute(ScaleRequest request) throws ScaleIoException;

    /**
     * Sends one request without blocking the caller. The default runs {@link #execute} on the common pool;
     * the JDK transport uses {@code HttpClient.sendAsync}.
     *
     * @param request the request
     * @return the answer, or a future failed with {@link ScaleIoException}
     */
    default CompletableFuture<ScaleResponse> executeAsync(ScaleRequest request) {
        return CompletableFuture.supplyAsync(() -> execute(request));
    }

    /** Releases the transport's resources; the default does nothing. */
    @Override
    default void close() {}
}
