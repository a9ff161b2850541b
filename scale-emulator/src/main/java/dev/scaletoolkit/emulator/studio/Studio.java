package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.team.Teammates;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Studio service: each method is one transaction over the project assignments ({@link StudioAssignments}),
 * the pending Studio batches ({@link StudioBatches}) and the worker groups ({@link ProjectGroups}).
 */
public final class Studio {
    private final EmulatorContext context;
    private final StudioAssignments assignments;
    private final ProjectGroups groups;

    public Studio(EmulatorContext context) {
        this.context = context;
        this.assignments = new StudioAssignments(context);
        this.groups = new ProjectGroups(context);
    }

    /** Teammate email to the projects assigned to them, streamed ({@code GET /v1/studio/assignments}). */
    public void assignments(Caller caller, Consumer<String> json) {
        assignments.streamed(caller, json);
    }

    /** The projects assigned to one member, alphabetical (the labeler's own queue). */
    public List<String> projectsOf(Caller caller, String email) {
        return context.db()
                .read(h -> Teammates.find(h, caller.accountId(), email)
                        .map(m -> StudioAssignments.projectsOf(h, caller, m.email()))
                        .orElse(List.of()));
    }

    /** Assigns {@code {"emails", "projects"}}; the route then answers the new assignment map. */
    public void addAssignments(Caller caller, ObjectNode body) {
        context.db().write(h -> {
            assignments.add(h, caller, body);
            return null;
        });
    }

    /** Unassigns {@code {"emails", "projects"}}; the route then answers the new assignment map. */
    public void removeAssignments(Caller caller, ObjectNode body) {
        context.db().write(h -> {
            assignments.remove(h, caller, body);
            return null;
        });
    }

    /**
     * The pending Studio batches in priority order ({@code GET /v1/studio/batches}), streamed. Scale answers them
     * all in one bare array (no paging; {@code set_priorities} takes the whole order back), so the shape stays and
     * the array is written a batch at a time, at most {@link EmulatorLimits#MAX_STUDIO_BATCHES_LISTED}.
     */
    public void batches(Caller caller, Consumer<String> each) {
        forEachBatch(caller, doc -> each.accept(doc.toString()));
    }

    /** Hands each pending Studio batch to {@code each} in priority order, one at a time. */
    public void forEachBatch(Caller caller, Consumer<ObjectNode> each) {
        context.db().read(h -> StudioBatches.forEach(h, caller, EmulatorLimits.MAX_STUDIO_BATCHES_LISTED, each));
    }

    /** Puts the named batches first, in the order given; the route then answers the new order. */
    public void setPriorities(Caller caller, ObjectNode body) {
        context.db().write(h -> {
            StudioBatches.setPriorities(h, caller, body);
            return null;
        });
    }

    /** Back to creation order; the route then answers the new order. */
    public void resetPriorities(Caller caller) {
        context.db().write(h -> {
            StudioBatches.resetPriorities(h, caller);
            return null;
        });
    }

    /** Which worker groups may work on a batch. */
    public ObjectNode setBatchGroups(Caller caller, String batch, ObjectNode body) {
        return context.db().write(h -> StudioBatches.setGroups(h, caller, batch, body));
    }

    /** The worker groups of a Studio project. */
    public ArrayNode groups(Caller caller, String project) {
        return context.db().read(h -> ProjectGroups.list(h, caller, project));
    }

    /** Creates a worker group. */
    public ObjectNode createGroup(Caller caller, String project, ObjectNode body) {
        return context.db().write(h -> groups.create(h, caller, project, body));
    }

    /** Changes a worker group's members or name. */
    public ObjectNode updateGroup(Caller caller, String project, String group, ObjectNode body) {
        return context.db().write(h -> ProjectGroups.update(h, caller, project, group, body));
    }
}
