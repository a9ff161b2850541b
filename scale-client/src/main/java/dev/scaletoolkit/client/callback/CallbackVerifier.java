package dev.scaletoolkit.client.callback;

import dev.scaletoolkit.client.error.ScaleDecodeException;
import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.model.batch.BatchCallback;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.RecordCodec;
import dev.scaletoolkit.model.task.TaskCallback;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks that a callback came from Scale: its {@code scale-callback-auth} header must equal one of the callback
 * auth keys (several, so a key can be rotated without dropping callbacks). The comparison takes the same time
 * whatever the header holds: both sides are hashed to SHA-256 first and the digests compared with
 * {@link MessageDigest#isEqual}, so neither the content nor the length of a key shows in the timing.
 */
public final class CallbackVerifier {
    /** The header Scale sets on every callback. */
    public static final String HEADER = "scale-callback-auth";

    private final List<byte[]> keyDigests;

    private CallbackVerifier(List<String> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k == null || k.isEmpty())) {
            throw new IllegalArgumentException(
                    "callback verifier: at least one non-empty callback auth key is required");
        }
        this.keyDigests = keys.stream().map(CallbackVerifier::sha256).toList();
    }

    /**
     * A verifier accepting any of {@code keys}.
     *
     * @param keys the current key first, then the ones being rotated out
     * @return the verifier
     * @throws IllegalArgumentException when no key, or an empty one, is given
     */
    public static CallbackVerifier of(String... keys) {
        return new CallbackVerifier(List.of(keys));
    }

    /**
     * Whether the header value matches a key. Every key is compared, so the time does not depend on which.
     *
     * @param headerValue the {@code scale-callback-auth} header, or null when absent
     * @return true when it equals one of the keys
     */
    public boolean isAuthentic(String headerValue) {
        byte[] given = sha256(headerValue == null ? "" : headerValue);
        boolean match = false;
        for (byte[] key : keyDigests) {
            match |= MessageDigest.isEqual(key, given);
        }
        return match && headerValue != null;
    }

    /**
     * Verifies and parses a callback body.
     *
     * @param headerValue the {@code scale-callback-auth} header, or null when absent
     * @param body the request body
     * @return the task or batch callback
     * @throws CallbackAuthException when the header does not match
     * @throws ScaleDecodeException when the body is neither a task nor a batch callback
     */
    public CallbackEvent verify(String headerValue, byte[] body) {
        if (!isAuthentic(headerValue)) {
            throw new CallbackAuthException(
                    headerValue == null
                            ? "the " + HEADER + " header is missing"
                            : "the " + HEADER + " header does not match");
        }
        return parse(body);
    }

    /**
     * Parses a callback body without checking where it came from: a task callback has {@code task_id} or
     * {@code task}; a batch callback has {@code batch_name} or {@code batch}.
     *
     * @param body the request body
     * @return the task or batch callback
     * @throws ScaleDecodeException when the body is neither
     */
    public static CallbackEvent parse(byte[] body) {
        try {
            JsonValue tree = JsonValue.parse(new String(body, StandardCharsets.UTF_8));
            if (!tree.isObject()) {
                throw new ScaleDecodeException("a callback body must be a JSON object", null);
            }
            if (!tree.path("task_id").isNull() || tree.path("task").isObject()) {
                return new CallbackEvent.TaskEvent(RecordCodec.read(tree, TaskCallback.class));
            }
            if (!tree.path("batch_name").isNull() || tree.path("batch").isObject()) {
                BatchCallback callback = RecordCodec.read(tree, BatchCallback.class);
                if (callback.name() != null) {
                    return new CallbackEvent.BatchEvent(callback);
                }
            }
            throw new ScaleDecodeException(
                    "a callback body needs task_id or task (a task callback), or batch_name or batch (a batch"
                            + " callback)",
                    null);
        } catch (IllegalArgumentException e) {
            throw new ScaleDecodeException("the callback body is not a valid callback: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackVerifier[" + keyDigests.size() + " key(s)]";
    }

    /** The callback did not carry a valid {@code scale-callback-auth}. The message never shows the keys. */
    public static final class CallbackAuthException extends ScaleException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what was wrong with the header (never its value)
         */
        public CallbackAuthException(String message) {
            super(message);
        }
    }
}
