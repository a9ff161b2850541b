package dev.scaletoolkit.client.task;

import dev.scaletoolkit.client.internal.JsonObject;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.task.TaskType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /task/{type}}: the parameters every task type shares (project, batch, instruction,
 * callback, unique_id, metadata, tags…) plus the type's own, set through a typed subclass
 * ({@link ImageAnnotationParams}, {@link TextCollectionParams}, …). {@code build()} checks the required fields and
 * throws {@link IllegalArgumentException} naming the field, before anything is sent. Immutable.
 */
public abstract class TaskCreateParams {
    private static final int MAX_METADATA_BYTES = 10 * 1024;

    private final TaskType type;
    private final JsonObject body;

    /**
     * Used by the typed subclasses.
     *
     * @param type the task type
     * @param body the checked body
     */
    protected TaskCreateParams(TaskType type, JsonObject body) {
        this.type = type;
        this.body = body.copy();
    }

    /** The task type, i.e. the last segment of the create path. */
    public TaskType type() {
        return type;
    }

    /** A copy of the JSON body that will be sent. */
    public JsonValue body() {
        return body.toValue();
    }

    public Optional<String> uniqueId() {
        JsonValue id = body.get("unique_id");
        return id != null && id.isString() ? Optional.of(id.stringValue()) : Optional.empty();
    }

    /** The same task with another {@code unique_id} (bulk submission sets a content-derived one). */
    public TaskCreateParams withUniqueId(String uniqueId) {
        JsonObject copy = body.copy();
        copy.put("unique_id", uniqueId);
        return new GenericTaskParams(type, copy);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[type=" + type + ", keys=" + body.keys() + "]";
    }

    /**
     * The shared part of every task builder. Subclasses add typed setters and {@link #check()}.
     *
     * @param <B> the concrete builder, so that chained calls keep their type
     * @param <P> the params it builds
     */
    public abstract static class Builder<B extends Builder<B, P>, P extends TaskCreateParams> {
        protected final JsonObject body = new JsonObject();

        protected Builder() {}

        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        /** The task type this builder makes; used in error messages. */
        protected abstract TaskType type();

        /** Checks the type's own required fields; throw via {@link #require} or {@link #invalid}. */
        protected abstract void check();

        protected abstract P create(JsonObject body);

        /** The project name; tasks inherit its default params. */
        public B project(String project) {
            return set("project", project);
        }

        /** The batch name; implies the project. */
        public B batch(String batch) {
            return set("batch", batch);
        }

        public B instruction(String instruction) {
            return set("instruction", instruction);
        }

        /** A URL (with scheme) or an e-mail address to notify when the task completes. */
        public B callbackUrl(String callbackUrl) {
            return set("callback_url", callbackUrl);
        }

        /** Your id for this task, unique in the account; makes a create safe to retry. */
        public B uniqueId(String uniqueId) {
            return set("unique_id", uniqueId);
        }

        /** Free the unique_id if the task later ends in error, so it can be submitted again. */
        public B clearUniqueIdOnError(boolean clear) {
            return set("clear_unique_id_on_error", clear);
        }

        /** Up to 10 KB of your own data, returned with the task. */
        public B metadata(Map<String, ?> metadata) {
            return set("metadata", metadata);
        }

        public B tags(Collection<String> tags) {
            return set("tags", tags == null ? null : List.copyOf(tags));
        }

        public B priority(int priority) {
            return set("priority", priority);
        }

        /** Pre-labels in the response format of the task type. */
        public B hypothesis(Object hypothesis) {
            return set("hypothesis", hypothesis);
        }

        /** Pin the project params version; -1 skips inheriting them. */
        public B projectVersion(int version) {
            return set("project_version", version);
        }

        /** Sets any body key this SDK has no setter for (Scale's newer or undocumented params). */
        public B putAdditionalBodyProperty(String key, Object value) {
            return set(key, value);
        }

        protected final B set(String key, Object value) {
            body.put(key, value);
            return self();
        }

        protected final boolean has(String key) {
            return body.hasContent(key);
        }

        /** Throws naming {@code field} when it is missing or empty. */
        protected final void require(String field, String expected) {
            if (!has(field)) {
                invalid(field, "is required: " + expected);
            }
        }

        protected final void invalid(String field, String problem) {
            throw new IllegalArgumentException(type().value() + " task: '" + field + "' " + problem);
        }

        /** Checks the shared fields and the type's own, then builds. */
        public final P build() {
            if (body.has("unique_id") && !has("unique_id")) {
                invalid("unique_id", "must not be blank");
            }
            if (body.has("callback_url")) {
                String url = String.valueOf(body.get("callback_url").toJava());
                if (!url.contains("://") && !url.contains("@")) {
                    invalid("callback_url", "must be a URL with a scheme or an e-mail address, got '" + url + "'");
                }
            }
            if (body.has("metadata")) {
                if (!body.get("metadata").isObject()) {
                    invalid("metadata", "must be a JSON object");
                }
                int size = body.get("metadata").toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (size > MAX_METADATA_BYTES) {
                    invalid("metadata", "is " + size + " bytes; Scale accepts at most 10 KB");
                }
            }
            check();
            return create(body);
        }
    }
}
