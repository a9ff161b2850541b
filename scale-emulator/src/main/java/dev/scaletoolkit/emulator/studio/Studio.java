package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
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

    /** Teammate email to the projects assigned to them. */
    public ObjectNode assignments(Caller caller) {
        return context.db().read(h -> StudioAssignments.map(h, caller));
    }

    /** Assigns {@code {"emails", "projects"}}; answers the new assignment map. */
    public ObjectNode addAssignments(Caller caller, ObjectNode body) {
        return context.db().write(h -> assignments.add(h, caller, body));
    }

    /** Unassigns {@code {"emails", "projects"}}; answers the new assignment map. */
    public ObjectNode removeAssignments(Caller caller, ObjectNode body) {
        return context.db().write(h -> assignments.remove(h, caller, body));
    }

    /** The pending Studio batches in priority order. */
    public ArrayNode batches(Caller caller) {
        return context.db().read(h -> StudioBatches.list(h, caller));
    }

    /** Puts the named batches first, in the order given. */
    public ArrayNode setPriorities(Caller caller, ObjectNode body) {
        return context.db().write(h -> StudioBatches.setPriorities(h, caller, body));
    }

    /** Back to creation order. */
    public ArrayNode resetPriorities(Caller caller) {
        return context.db().write(h -> StudioBatches.resetPriorities(h, caller));
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
