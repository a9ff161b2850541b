package dev.scaletoolkit.client.http;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;

/**
 * Base of the JSON-body params classes: an immutable body built by a builder that also accepts any key through
 * {@code putAdditionalBodyProperty}.
 */
public abstract class BodyParams {
    private final JsonObject body;

    /**
     * Used by the params subclasses.
     *
     * @param body the checked body
     */
    protected BodyParams(JsonObject body) {
        this.body = body.copy();
    }

    /** A copy of the JSON body. */
    public JsonValue body() {
        return body.toValue();
    }

    protected String string(String key) {
        JsonValue v = body.get(key);
        return v == null || v.isNull() ? null : v.isString() ? v.stringValue() : v.toJson();
    }

    /** Shared builder plumbing. */
    public abstract static class Builder<B extends Builder<B>> {
        protected final JsonObject body = new JsonObject();

        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        protected final B set(String key, Object value) {
            body.put(key, value);
            return self();
        }

        /** Sets any body key this SDK has no setter for. */
        public B putAdditionalBodyProperty(String key, Object value) {
            return set(key, value);
        }

        protected final void require(String what, String field) {
            if (!body.hasContent(field)) {
                throw new IllegalArgumentException(what + ": '" + field + "' is required");
            }
        }
    }
}
