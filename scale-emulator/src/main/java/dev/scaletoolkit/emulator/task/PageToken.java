package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Ids;
import dev.scaletoolkit.model.ScaleTime;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last task of a page, sent to clients as an opaque {@code next_token}. Pages are cut by
 * (created_at, id) rather than by offset, so tasks created while a client pages through never shift a page.
 */
record PageToken(String createdAt, String id) {
    private static final String VERSION = "t1";

    String encode() {
        String plain = VERSION + "|" + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token this server issued; anything else is a 400 naming {@code next_token}. */
    static PageToken decode(String token) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = plain.split("\\|", -1);
        if (parts.length != 3
                || !parts[0].equals(VERSION)
                || ScaleTime.parse(parts[1]).isEmpty()
                || !Ids.isObjectId(parts[2])) {
            throw invalid();
        }
        return new PageToken(parts[1], parts[2]);
    }

    private static ApiError invalid() {
        return ApiError.invalidParam(
                "next_token", "is not a token from an earlier page of GET /v1/tasks; pass next_token back unchanged");
    }
}
