package dev.scaletoolkit.client.http;

import java.util.Arrays;
import java.util.Objects;

/**
 * A request body: bytes and a content type. {@code repeatable} is false for bodies that must not be sent twice
 * (the retry layer then never resends them).
 */
public final class RequestBody {
    private final byte[] bytes;
    private final String contentType;
    private final boolean repeatable;

    private RequestBody(byte[] bytes, String contentType, boolean repeatable) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.repeatable = repeatable;
    }

    public static RequestBody json(byte[] bytes) {
        return new RequestBody(bytes, "application/json", true);
    }

    public static RequestBody of(byte[] bytes, String contentType, boolean repeatable) {
        return new RequestBody(bytes, contentType, repeatable);
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    public String contentType() {
        return contentType;
    }

    public boolean repeatable() {
        return repeatable;
    }

    public int length() {
        return bytes.length;
    }
}
