package dev.scaletoolkit.emulator.batch;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.callback.CallbackUrl;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batch service: create, read, list, finalize, replace metadata, set a priority, count its tasks. Each public
 * method without a {@link Handle} runs in its own transaction; the ones taking a handle join the caller's.
 */
public final class Batches {
    /** Batch priorities are unconfirmed upstream; third-party tools use values within 0–100. */
    private static final int MAX_PRIORITY = 100;

    private final EmulatorContext context;
    private final BatchSettlement settlement;
    private final BatchTasks tasks;

    public Batches(EmulatorContext context, BatchSettlement settlement, BatchTasks tasks) {
        this.context = context;
        this.settlement = settlement;
        this.tasks = tasks;
    }

    /** Creates a batch from the fields of {@code POST /v1/batches}. */
    public ObjectNode create(Caller caller, ObjectNode body) {
        return context.db().write(h -> create(h, caller, body));
    }

    /** A page of batches. */
    public ObjectNode list(Caller caller, BatchList query) {
        return context.db().read(h -> query.run(h, caller, tasks));
    }

    /** One batch; 404 when the caller has none of that name. */
    public ObjectNode retrieve(Caller caller, String name) {
        return context.db().read(h -> BatchStore.require(h, caller, name));
    }

    /** The batch's status and how many of its tasks are in each status. */
    public ObjectNode status(Caller caller, String name) {
        return context.db().read(h -> status(h, caller, name));
    }

    /** See {@link #finalizeBatch(Handle, Caller, String)}. */
    public ObjectNode finalizeBatch(Caller caller, String name) {
        return context.db().write(h -> finalizeBatch(h, caller, name));
    }

    /** Replaces the batch's metadata. */
    public ObjectNode setMetadata(Caller caller, String name, ObjectNode metadata) {
        return context.db().write(h -> setMetadata(h, caller, name, metadata));
    }

    /** Sets the batch's priority from {@code {"priority": 0..100}}. */
    public ObjectNode prioritize(Caller caller, String name, ObjectNode body) {
        return context.db().write(h -> prioritize(h, caller, name, body));
    }

    // POST /v1/batches
    public ObjectNode create(Handle h, Caller caller, ObjectNode body) {
        String projectName = Fields.requireString(body, "project");
        String name = Fields.requireString(body, "name");
        if (name.isBlank()) {
            throw ApiError.invalidParam("name", "must not be blank");
        }
        if (name.length() > 200) {
            throw ApiError.invalidParam("name", "must be at most 200 characters, got " + name.length());
        }
        Optional<String> callback = Fields.optString(body, "callback");
        callback.ifPresent(c -> CallbackUrl.check(context.outbound().callbacks(), "callback", c));
        boolean calibration = Fields.optBool(body, "calibration_batch").orElse(false);
        boolean selfLabel = Fields.optBool(body, "self_label_batch").orElse(false);
        ObjectNode metadata = Fields.optObject(body, "metadata").orElse(Docs.object());
        ObjectNode project = ProjectStore.find(h, caller, projectName)
                .orElseThrow(() -> ApiError.notFound("Project \"" + projectName
                        + "\" (given as \"project\") not found; create it first with POST /v1/projects."));
        if (BatchStore.exists(h, caller, name)) {
            throw ApiError.conflict("A batch named \"" + name + "\" already exists; batch names are unique across"
                    + " all projects of the account.");
        }
        String now = context.now();
        ObjectNode doc = Docs.object();
        doc.put("id", context.ids().objectId());
        doc.put("name", name);
        doc.put("project", projectName);
        doc.put("status", ProjectStore.stagesBatches(project) ? "staging" : "in_progress");
        callback.ifPresent(c -> doc.put("callback", c));
        doc.put("created_at", now);
        doc.put("updated_at", now);
        doc.set("metadata", metadata);
        doc.put("calibration_batch", calibration);
        doc.put("self_label_batch", selfLabel);
        BatchStore.insert(h, caller, doc);
        return doc;
    }

    /**
     * POST /v1/batches/{name}/finalize: a staging batch goes to {@code in_progress}; any other batch is returned
     * unchanged, as Scale does for accounts without Rapid or Studio. A batch whose tasks are all finished already
     * completes at once, since no later task completion would close it.
     */
    public ObjectNode finalizeBatch(Handle h, Caller caller, String name) {
        ObjectNode batch = BatchStore.require(h, caller, name);
        if (!"staging".equals(batch.path("status").asString())) {
            return batch;
        }
        String now = context.now();
        batch.put("status", "in_progress");
        batch.put("updated_at", now);
        BatchStore.update(h, caller, batch);
        return settlement.settle(h, caller, name, null).orElse(batch);
    }

    // POST /v1/batches/{name}/setMetadata — the body is the new metadata object.
    public ObjectNode setMetadata(Handle h, Caller caller, String name, ObjectNode metadata) {
        ObjectNode batch = BatchStore.require(h, caller, name);
        batch.set("metadata", metadata);
        batch.put("updated_at", context.now());
        BatchStore.update(h, caller, batch);
        return batch;
    }

    // POST /v1/batches/{name}/prioritize
    public ObjectNode prioritize(Handle h, Caller caller, String name, ObjectNode body) {
        long priority = Fields.optLong(body, "priority").orElseThrow(() -> ApiError.missingParam("priority"));
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw ApiError.invalidParam("priority", "must be between 0 and " + MAX_PRIORITY + ", got " + priority);
        }
        ObjectNode batch = BatchStore.require(h, caller, name);
        batch.put("priority", (int) priority);
        batch.put("updated_at", context.now());
        BatchStore.update(h, caller, batch);
        return batch;
    }

    // GET /v1/batches/{name}/status
    ObjectNode status(Handle h, Caller caller, String name) {
        ObjectNode batch = BatchStore.require(h, caller, name);
        ObjectNode out = Docs.object();
        out.put("status", batch.path("status").asString());
        tasks.countsIn(h, caller, name).forEach(out::put);
        return out;
    }
}
