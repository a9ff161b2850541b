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

    /**
     * The task type, which is also the last segment of the create path ({@code POST /v1/task/{type}}).
     *
     * @return the type
     */
    public TaskType type() {
        return type;
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
     * The {@code unique_id}, which makes the create safe to retry and lets a lost answer be recovered.
     *
     * @return the id, or empty when none was set
     */
    public Optional<String> uniqueId() {
        JsonValue id = body.get("unique_id");
        return id != null && id.isString() ? Optional.of(id.stringValue()) : Optional.empty();
    }

    /**
     * The same task with another {@code unique_id} (bulk submission sets a content-derived one).
     *
     * @param uniqueId the new id
     * @return a copy; these params are unchanged
     */
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
        /** The body being built; subclasses add their keys through {@link #set}. */
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
         * The task type this builder makes; used in the path and in error messages.
         *
         * @return the type
         */
        protected abstract TaskType type();

        /** Checks the type's own required fields; throw via {@link #require} or {@link #invalid}. */
        protected abstract void check();

        /**
         * Makes the params from a checked body.
         *
         * @param body the body, already checked
         * @return the params
         */
        protected abstract P create(JsonObject body);

        /**
         * The project; the task inherits its default params.
         *
         * @param project the project name
         * @return this builder
         */
        public B project(String project) {
            return set("project", project);
        }

        /**
         * The batch, which implies the project.
         *
         * @param batch the batch name
         * @return this builder
         */
        public B batch(String batch) {
            return set("batch", batch);
        }

        /**
         * What the labeler is asked to do (Markdown or HTML), overriding the project's default.
         *
         * @param instruction the instruction
         * @return this builder
         */
        public B instruction(String instruction) {
            return set("instruction", instruction);
        }

        /**
         * Where Scale reports the finished task.
         *
         * @param callbackUrl a URL with its scheme, or an e-mail address
         * @return this builder
         */
        public B callbackUrl(String callbackUrl) {
            return set("callback_url", callbackUrl);
        }

        /**
         * Your id for this task, unique in the account; it makes a create safe to retry.
         *
         * @param uniqueId the id
         * @return this builder
         */
        public B uniqueId(String uniqueId) {
            return set("unique_id", uniqueId);
        }

        /**
         * Whether to free the unique_id if the task later ends in error, so the same item can be sent again.
         *
         * @param clear true to free it
         * @return this builder
         */
        public B clearUniqueIdOnError(boolean clear) {
            return set("clear_unique_id_on_error", clear);
        }

        /**
         * Your own data, returned with the task; at most 10 KB once written as JSON.
         *
         * @param metadata a JSON object's worth of keys and values
         * @return this builder
         */
        public B metadata(Map<String, ?> metadata) {
            return set("metadata", metadata);
        }

        /**
         * Tags to filter tasks by later.
         *
         * @param tags the tags; null removes the key
         * @return this builder
         */
        public B tags(Collection<String> tags) {
            return set("tags", tags == null ? null : List.copyOf(tags));
        }

        /**
         * The task's priority; higher is worked on sooner.
         *
         * @param priority the priority
         * @return this builder
         */
        public B priority(int priority) {
            return set("priority", priority);
        }

        /**
         * Pre-labels for the labeler to correct, in the response format of the task type.
         *
         * @param hypothesis maps, lists and values written as JSON
         * @return this builder
         */
        public B hypothesis(Object hypothesis) {
            return set("hypothesis", hypothesis);
        }

        /**
         * Pins the version of the project's params to inherit.
         *
         * @param version a {@code param_history} version, or -1 to inherit none
         * @return this builder
         */
        public B projectVersion(int version) {
            return set("project_version", version);
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
         * Whether the body has a non-empty value for a key.
         *
         * @param key the wire name
         * @return true when present and not empty
         */
        protected final boolean has(String key) {
            return body.hasContent(key);
        }

        /**
         * Throws naming {@code field} when it is missing or empty.
         *
         * @param field the wire name
         * @param expected what a valid value looks like, for the message
         */
        protected final void require(String field, String expected) {
            if (!has(field)) {
                invalid(field, "is required: " + expected);
            }
        }

        /**
         * Throws {@link IllegalArgumentException} naming the task type, the field and the problem.
         *
         * @param field the wire name
         * @param problem what is wrong with it
         */
        protected final void invalid(String field, String problem) {
            throw new IllegalArgumentException(type().value() + " task: '" + field + "' " + problem);
        }

        /**
         * Checks the shared fields and the type's own, then builds.
         *
         * @return the params
         * @throws IllegalArgumentException naming the first field that is missing or wrong
         */
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
