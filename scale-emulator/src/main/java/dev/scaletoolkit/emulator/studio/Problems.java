package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.task.TaskAccess;
import dev.scaletoolkit.emulator.task.TaskEdits;
import dev.scaletoolkit.emulator.task.TaskStore;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Problems labelers report on a task (its attachment does not load or is the wrong kind of file, the instructions
 * are unclear). A reported task leaves every labeler's queue and the reporter's reservation ends; a manager then
 * fixes the attachment URL, cancels the task (as {@code POST /v1/task/{id}/cancel} does) or returns it as it is.
 * The task stays {@code pending} meanwhile, so no answer and no callback go out for it.
 */
public final class Problems {
    /** Why a labeler could not do the task. */
    public enum Reason {
        BROKEN_ASSET("The attachment does not load"),
        WRONG_TYPE("The attachment is the wrong kind of file"),
        UNCLEAR("The instructions are unclear"),
        OTHER("Something else");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** How the reason reads on the page. */
        public String label() {
            return label;
        }

        /** The reason named in a form, case-insensitively. */
        public static Optional<Reason> parse(String name) {
            for (Reason r : values()) {
                if (r.name().equalsIgnoreCase(name)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** Where a problem stands. */
    public enum State {
        OPEN,
        FIXED,
        CANCELED,
        RETURNED
    }

    /** One report. */
    public record Problem(
            String id,
            String accountId,
            String taskId,
            String reportedBy,
            Reason reason,
            String comment,
            String reportedAt,
            State state,
            Optional<String> resolvedBy) {}

    /** What a labeler reports: on which task, who, why, and their own words (may be empty). */
    public record Report(Caller caller, String taskId, String email, Reason reason, String comment) {}

    private static final int MAX_COMMENT = 2000;

    private final EmulatorContext context;
    private final Reservations reservations;
    private final TaskEdits edits;

    public Problems(EmulatorContext context, Reservations reservations, TaskEdits edits) {
        this.context = context;
        this.reservations = reservations;
        this.edits = edits;
    }

    /** Records a report on a pending task, takes it out of the queue and ends the reporter's reservation. */
    public Problem report(Report report) {
        if (report.comment().length() > MAX_COMMENT) {
            throw ApiError.badRequest(
                    "comment is " + report.comment().length() + " characters long; keep it under " + MAX_COMMENT + ".");
        }
        return context.db().write(h -> {
            ObjectNode task = TaskAccess.require(h, report.caller(), report.taskId());
            String status = task.path("status").asString();
            if (!status.equals("pending")) {
                throw ApiError.badRequest(
                        "Task " + report.taskId() + " is " + status + "; problems are reported on pending tasks.");
            }
            Problem p = new Problem(
                    context.ids().objectId(),
                    report.caller().accountId(),
                    report.taskId(),
                    report.email(),
                    report.reason(),
                    report.comment().strip(),
                    context.now(),
                    State.OPEN,
                    Optional.empty());
            ProblemStore.insert(h, p);
            reservations.giveBack(h, report.taskId(), report.email());
            return p;
        });
    }

    /** The account's open problems, oldest first. */
    public List<Problem> open(String accountId) {
        return context.db().read(h -> ProblemStore.open(h, accountId));
    }

    /** The account's tasks that wait for a manager because of a report. */
    public Set<String> reportedTasks(String accountId) {
        return context.db().read(h -> ProblemStore.openTasks(h, accountId));
    }

    /** Points the task at a new attachment URL and returns it to the queue. */
    public void fixAttachment(Caller caller, String problemId, String url, String manager) {
        String clean = url.strip();
        if (!isWebAddress(clean)) {
            throw ApiError.badRequest("attachment must be an http:// or https:// address; got \"" + clean + "\".");
        }
        context.db().write(h -> {
            Problem p = require(h, caller, problemId);
            ObjectNode task =
                    TaskStore.find(h, caller, p.taskId()).orElseThrow(() -> ApiError.notFound(TaskAccess.NOT_FOUND));
            if (!task.path("status").asString().equals("pending")) {
                throw ApiError.badRequest("Task " + p.taskId() + " is "
                        + task.path("status").asString() + "; only a pending task's attachment can be fixed.");
            }
            if (!(task.get("params") instanceof ObjectNode params) || !params.has("attachment")) {
                throw ApiError.badRequest("Task " + p.taskId() + " has no single attachment to replace;"
                        + " cancel it or return it instead.");
            }
            params.put("attachment", clean);
            task.put("updated_at", context.now());
            TaskStore.save(h, task);
            close(h, caller, p, State.FIXED, manager);
            return null;
        });
    }

    /** Cancels the reported task (batch settled as for an API cancel) and closes the problem. */
    public void cancelTask(Caller caller, String problemId, String manager) {
        context.db().write(h -> {
            Problem p = require(h, caller, problemId);
            edits.cancel(caller, p.taskId(), false);
            close(h, caller, p, State.CANCELED, manager);
            return null;
        });
    }

    /** Returns the task to the queue unchanged. */
    public void returnTask(Caller caller, String problemId, String manager) {
        context.db().write(h -> {
            close(h, caller, require(h, caller, problemId), State.RETURNED, manager);
            return null;
        });
    }

    private Problem require(org.jdbi.v3.core.Handle h, Caller caller, String problemId) {
        return ProblemStore.find(h, caller.accountId(), problemId)
                .orElseThrow(() -> ApiError.notFound("No problem " + problemId + " in your team's account."));
    }

    private void close(org.jdbi.v3.core.Handle h, Caller caller, Problem p, State state, String manager) {
        if (!ProblemStore.close(h, caller.accountId(), p.id(), state, manager, context.now())) {
            throw ApiError.conflict("Problem " + p.id() + " was already dealt with by another manager.");
        }
    }

    private static boolean isWebAddress(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            return URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
