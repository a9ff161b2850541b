package dev.scaletoolkit.client.http;

import dev.scaletoolkit.client.error.ScaleIoException;

/**
 * Sends one request and returns whatever status came back; only a failure to talk to the server throws. Status
 * mapping and decoding happen above it, retries in the {@link RetryingTransport} decorator.
 */
public interface Transport extends AutoCloseable {
    ScaleResponse execute(ScaleRequest request) throws ScaleIoException;

    @Override
    default void close() {}
}
