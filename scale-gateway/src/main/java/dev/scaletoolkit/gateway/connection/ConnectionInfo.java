package dev.scaletoolkit.gateway.connection;

import java.time.Instant;

/**
 * What may be shown about a connection: never its key or secret.
 *
 * @param name the connection's name, e.g. {@code prod} or {@code emulator}
 * @param baseUrl Scale's API base URL, e.g. {@code https://api.scale.com/v1}
 * @param mode test or live
 * @param keyFingerprint the first 8 hex digits of the key's SHA-256, to tell keys apart without showing them
 * @param hasCallbackSecret whether a callback secret is stored
 * @param isDefault whether this is the default connection ({@code scale connections use})
 */
public record ConnectionInfo(
        String name,
        String baseUrl,
        Mode mode,
        String keyFingerprint,
        boolean hasCallbackSecret,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {}
