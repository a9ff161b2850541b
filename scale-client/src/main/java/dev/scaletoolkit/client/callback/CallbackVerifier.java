package dev.scaletoolkit.client.callback;

import dev.scaletoolkit.client.error.ScaleDecodeException;
import dev.scaletoolkit.model.ScaleJson;
import dev.scaletoolkit.model.task.TaskCallback;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * Checks that a callback came from Scale: its {@code scale-callback-auth} header must equal one of the callback
 * auth keys (several, so a key can be rotated without dropping callbacks). The comparison takes the same time
 * whatever the header holds, so timing reveals nothing about the key.
 */
public final class CallbackVerifier {
    /** The header Scale sets on every callback. */
    public static final String HEADER = "scale-callback-auth";

    private final List<byte[]> keys;

    private CallbackVerifier(List<String> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k == null || k.isEmpty())) {
            throw new IllegalArgumentException(
                    "callback verifier: at least one non-empty callback auth key is required");
        }
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** A verifier accepting any of {@code keys} (current first, then the ones being rotated out). */
    public static CallbackVerifier of(String... keys) {
        return new CallbackVerifier(List.of(keys));
    }

    /** Whether the header value matches a key. Every key is compared, so the time does not depend on which. */
    public boolean isAuthentic(String headerValue) {
        byte[] given = (headerValue == null ? "" : headerValue).getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, given);
        }
        return match && headerValue != null;
    }

    /**
     * Verifies and parses a callback body.
     *
     * @throws CallbackAuthException when the header does not match
     * @throws ScaleDecodeException when the body is not a task callback
     */
    public TaskCallback verify(String headerValue, byte[] body) {
        if (!isAuthentic(headerValue)) {
            throw new CallbackAuthException(
                    headerValue == null
                            ? "the " + HEADER + " header is missing"
                            : "the " + HEADER + " header does not match");
        }
        return parse(body);
    }

    /** Parses a callback body without checking it. */
    public static TaskCallback parse(byte[] body) {
        try {
            TaskCallback callback = ScaleJson.mapper().readValue(body, TaskCallback.class);
            if (callback.taskId() == null && callback.task() == null) {
                throw new ScaleDecodeException("a callback body needs task_id or task", null);
            }
            return callback;
        } catch (JacksonException e) {
            throw new ScaleDecodeException("the callback body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CallbackVerifier[" + keys.size() + " key(s)]";
    }

    /** The callback did not carry a valid {@code scale-callback-auth}. The message never shows the keys. */
    public static final class CallbackAuthException extends dev.scaletoolkit.client.error.ScaleException {
        private static final long serialVersionUID = 1L;

        public CallbackAuthException(String message) {
            super(message);
        }
    }
}
