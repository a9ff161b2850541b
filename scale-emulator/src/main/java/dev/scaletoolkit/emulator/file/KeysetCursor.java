package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.emulator.error.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page token for newest-first keyset pagination: the {@code created_at} and id of the last row of the
 * previous page. Clients treat it as a string and pass it back unchanged; keysets stay correct when rows are added
 * between pages, which offsets do not.
 */
public record KeysetCursor(String createdAt, String id) {
    private static final String PREFIX = "k1:";

    /** The token to hand to the client. */
    public String encode() {
        String raw = PREFIX + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token from the query parameter {@code field}; a token this server did not make is a 400. */
    public static KeysetCursor decode(String field, String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        if (!raw.startsWith(PREFIX)) {
            throw invalid(field);
        }
        String[] parts = raw.substring(PREFIX.length()).split("\\|", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw invalid(field);
        }
        return new KeysetCursor(parts[0], parts[1]);
    }

    private static ApiError invalid(String field) {
        return ApiError.invalidParam(
                field, "is not a token from a previous page; pass back the value this listing returned, unchanged");
    }
}
