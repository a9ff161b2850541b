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

    /**
     * The JSON body that will be sent.
     *
     * @return a copy; changing it changes nothing here
     */
    public JsonValue body() {
        return body.toValue();
    }

    /**
     * A body value as text, for the subclasses' getters.
     *
     * @param key the wire name
     * @return the string, a non-string value as JSON, or null when absent
     */
    protected String string(String key) {
        JsonValue v = body.get(key);
        return v == null || v.isNull() ? null : v.isString() ? v.stringValue() : v.toJson();
    }

    /** Shared builder plumbing. */
    public abstract static class Builder<B extends Builder<B>> {
        /** The body being built. */
        protected final JsonObject body = new JsonObject();

        /** For subclasses. */
        protected Builder() {}

        /**
         * This builder as its concrete type.
         *
         * @return this
         */
        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        /**
         * Puts a key in the body; a null value removes it.
         *
         * @param key the wire name
         * @param value written as JSON
         * @return this builder
         */
        protected final B set(String key, Object value) {
            body.put(key, value);
            return self();
        }

        /**
         * Sets any body key this SDK has no setter for (Scale's newer or undocumented params).
         *
         * @param key the wire name
         * @param value written as JSON
         * @return this builder
         */
        public B putAdditionalBodyProperty(String key, Object value) {
            return set(key, value);
        }

        /**
         * Throws when a required field is missing or empty.
         *
         * @param what the thing being built, for the message
         * @param field the wire name
         * @throws IllegalArgumentException naming both
         */
        protected final void require(String what, String field) {
            if (!body.hasContent(field)) {
                throw new IllegalArgumentException(what + ": '" + field + "' is required");
            }
        }
    }
}
