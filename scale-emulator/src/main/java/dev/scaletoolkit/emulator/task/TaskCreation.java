package dev.scaletoolkit.emulator.task;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.batch.BatchSettlement;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.store.ParsedDocs;
import dev.scaletoolkit.model.ScaleTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates tasks for {@code POST /v1/task/{type}}: checks the request, places the task in its project and batch,
 * writes it and, for a test key, completes it in the same transaction (the create answer still shows it pending,
 * as Scale's does; every later read shows it completed).
 *
 * <p>Everything that only reads or computes (placement, inherited defaults, validation, the JSON) runs on the
 * request's own thread before the write; the write holds only the inserts and counters. Writes are group-committed
 * by one leader at a time, so work left inside them would run on one core for every create in flight.
 */
public final class TaskCreation {
    /** A create that lost a race for a unique_id whose winner vanished at once is tried again, this often. */
    private static final int ATTEMPTS = 3;

    private final EmulatorContext context;
    private final TaskTypes types;
    private final TaskCompletion completion;
    private final BatchSettlement batches;
    /** Projects and batches as last parsed, by their stored text: every create reads them, few change them. */
    // 1,024 documents, at most 4 M characters of text (a few tens of MB with their trees, well inside -Xmx256m)
    private final ParsedDocs parsed = new ParsedDocs(1024, 4L * 1024 * 1024);

    public TaskCreation(EmulatorContext context, TaskTypes types, TaskCompletion completion, BatchSettlement batches) {
        this.context = context;
        this.types = types;
        this.completion = completion;
        this.batches = batches;
    }

    /**
     * Creates one task and returns its wire JSON text as the create call answers it.
     *
     * @param typeName the type as written in the path (aliases allowed)
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     */
    public String create(Caller caller, String typeName, ObjectNode body, String idempotencyKey) {
        String type = types.require(typeName);
        TaskDraft draft = TaskDraft.parse(type, body, context.outbound().callbacks());
        for (int attempt = 1; ; attempt++) {
            TaskPlacement placement = context.db().read(c -> TaskPlacement.resolve(c, caller, draft, parsed));
            TaskStore.NewRow row = TaskStore.prepare(caller, build(caller, draft, placement), workDueAt(caller));
            try {
                context.db().write(h -> insert(h, caller, row, placement, idempotencyKey));
                return row.doc();
            } catch (RuntimeException e) {
                if (!TaskConflicts.isUniqueViolation(e)) {
                    throw e;
                }
                // The transaction is rolled back; name the request that won in a fresh read.
                Optional<ApiError> conflict = context.db().read(h -> winner(h, caller, draft, idempotencyKey));
                if (conflict.isPresent()) {
                    throw conflict.get();
                }
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** One task of a bulk load: its type as written in a create path, and the create body. */
    public record Item(String type, ObjectNode body) {}

    /**
     * Creates many tasks in one transaction, for the control plane's bulk load: each task is checked, placed and
     * built exactly as a single create is, then all are written together, or none (the first bad task's error names
     * its index). Idempotency keys do not apply. Returns the new task ids in order.
     */
    public List<String> createAll(Caller caller, List<Item> items) {
        List<TaskStore.NewRow> rows = new ArrayList<>(items.size());
        List<TaskPlacement> placements = new ArrayList<>(items.size());
        context.db().read(h -> {
            for (int i = 0; i < items.size(); i++) {
                try {
                    TaskDraft draft = TaskDraft.parse(
                            types.require(items.get(i).type()),
                            items.get(i).body(),
                            context.outbound().callbacks());
                    TaskPlacement placement = TaskPlacement.resolve(h, caller, draft, parsed);
                    placements.add(placement);
                    rows.add(TaskStore.prepare(caller, build(caller, draft, placement), workDueAt(caller)));
                } catch (ApiError e) {
                    throw new ApiError(e.status(), "tasks[" + i + "]: " + e.getMessage(), e.headers());
                }
            }
            return null;
        });
        try {
            context.db().write(h -> {
                for (int i = 0; i < rows.size(); i++) {
                    insert(h, caller, rows.get(i), placements.get(i), null);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (TaskConflicts.isUniqueViolation(e)) {
                throw ApiError.conflict("A unique_id of these tasks is already used (or repeated among them); no task"
                        + " was created.");
            }
            throw e;
        }
        return rows.stream().map(TaskStore.NewRow::id).toList();
    }

    private static Optional<ApiError> winner(Handle h, Caller caller, TaskDraft draft, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<String> task = IdempotencyKeyStore.holder(h, caller, idempotencyKey);
            if (task.isPresent()) {
                return Optional.of(TaskConflicts.idempotencyKeyUsed(idempotencyKey, task.get()));
            }
        }
        if (draft.uniqueId() != null) {
            return TaskStore.holderOfUniqueId(h, caller, draft.uniqueId())
                    .map(id -> TaskConflicts.uniqueIdTaken(draft.uniqueId(), id));
        }
        return Optional.empty();
    }

    /** The new task's stored doc (with internal keys), checked against its type. */
    private ObjectNode build(Caller caller, TaskDraft draft, TaskPlacement placement) {
        String id = context.ids().objectId();
        String now = context.now();
        ObjectNode params = draft.params().deepCopy();
        ObjectNode task = Docs.object();
        task.put("task_id", id);
        task.put("created_at", now);
        task.put("updated_at", now);
        task.put("type", draft.type());
        task.put("status", "pending");
        if (draft.instruction() != null) {
            task.put("instruction", draft.instruction());
        }
        task.set("params", params);
        if (draft.callbackUrl() != null) {
            task.put("callback_url", draft.callbackUrl());
        }
        task.set("metadata", draft.metadata());
        if (!draft.tags().isEmpty()) {
            draft.tags().forEach(task.putArray("tags")::add);
        }
        if (draft.uniqueId() != null) {
            task.put("unique_id", draft.uniqueId());
        }
        task.put("is_test", caller.testMode());
        if (placement.project() != null) {
            task.put("project", placement.project());
        }
        if (placement.batch() != null) {
            task.put("batch", placement.batch());
        }
        if (draft.priority() != null) {
            task.put("priority", draft.priority());
        }
        if (draft.responsesRequired() != null) {
            task.put("responses_required", draft.responsesRequired());
        }
        placement.applyTo(task, params);
        if (placement.version() != null) {
            task.put("project_param_version", placement.version());
        }
        types.validate(draft.type(), params, task.hasNonNull("instruction"));
        if (draft.clearUniqueIdOnError()) {
            task.put("_clear_unique_id_on_error", true);
        }

        return task;
    }

    private Void insert(Handle h, Caller caller, TaskStore.NewRow row, TaskPlacement placement, String idempotencyKey) {
        placement.confirm(h, caller);
        if (placement.batch() != null && !batches.taskAdded(h, caller, placement.batch())) {
            throw TaskPlacement.noBatch(caller, placement.batch());
        }
        TaskStore.insert(h, row);
        if (idempotencyKey != null) {
            IdempotencyKeyStore.insert(h, caller, idempotencyKey, row.id(), row.createdAt());
        }
        if (caller.testMode()) {
            // Test keys get no human: the task is done before the create call returns.
            completion.completeTestTask(h, caller, row.id());
        }
        return null;
    }

    /**
     * When the simulated workforce may take a live task; test tasks queue nothing. Live tasks are queued even while
     * the workforce is paused (or started paused), so that resuming it finishes them and every task after them.
     */
    private String workDueAt(Caller caller) {
        if (caller.testMode()) {
            return null;
        }
        return ScaleTime.format(context.clock().instant().plus(context.config().workforceDelay()));
    }
}
