package dev.scaletoolkit.client.http;

import dev.scaletoolkit.model.ScaleJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Base of the JSON-body params classes: an immutable body built by a builder that also accepts any key through
 * {@code putAdditionalBodyProperty}.
 */
public abstract class BodyParams {
    private final ObjectNode body;

    protected BodyParams(ObjectNode body) {
        this.body = body.deepCopy();
    }

    /** A copy of the JSON body. */
    public ObjectNode body() {
        return body.deepCopy();
    }

    protected String string(String key) {
        JsonNode v = body.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** Shared builder plumbing. */
    public abstract static class Builder<B extends Builder<B>> {
        protected final ObjectNode body = ScaleJson.mapper().createObjectNode();

        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        protected final B set(String key, Object value) {
            if (value == null) {
                body.remove(key);
            } else {
                body.set(key, ScaleJson.mapper().valueToTree(value));
            }
            return self();
        }

        /** Sets any body key this SDK has no setter for. */
        public B putAdditionalBodyProperty(String key, Object value) {
            return set(key, value);
        }

        protected final void require(String what, String field) {
            JsonNode v = body.get(field);
            if (v == null
                    || v.isNull()
                    || (v.isString() && v.asString().isBlank())
                    || (v.isContainer() && v.isEmpty())) {
                throw new IllegalArgumentException(what + ": '" + field + "' is required");
            }
        }
    }
}
