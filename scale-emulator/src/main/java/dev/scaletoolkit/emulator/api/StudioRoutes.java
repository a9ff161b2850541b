package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.studio.ProjectGroups;
import dev.scaletoolkit.emulator.studio.StudioAssignments;
import dev.scaletoolkit.emulator.studio.StudioBatches;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scale Studio under {@code /v1/studio}: project assignments of teammates, the priority order and groups of
 * pending Studio batches, and the worker groups of Studio projects. Everything follows the caller's mode, like
 * the projects it refers to.
 */
public final class StudioRoutes implements Routes {
    private final EmulatorContext context;
    private final StudioAssignments assignments;
    private final ProjectGroups groups;

    public StudioRoutes(EmulatorContext context) {
        this.context = context;
        this.assignments = new StudioAssignments(context);
        this.groups = new ProjectGroups(context);
    }

    @Override
    public void register(Router router) {
        router.get("/studio/assignments", this::assignments);
        router.post("/studio/assignments/add", this::addAssignments);
        router.post("/studio/assignments/remove", this::removeAssignments);
        router.get("/studio/batches", this::batches);
        router.post("/studio/batches/set_priorities", this::setPriorities);
        router.post("/studio/batches/reset_priorities", this::resetPriorities);
        router.put("/studio/batches/{name}", this::setBatchGroups);
        router.get("/studio/projects/{project}/groups", this::groups);
        router.post("/studio/projects/{project}/groups", this::createGroup);
        router.put("/studio/projects/{project}/groups/{group}", this::updateGroup);
    }

    // GET /v1/studio/assignments
    private Object assignments(ApiRequest req) {
        return context.db().read(h -> StudioAssignments.map(h, req.caller()));
    }

    // POST /v1/studio/assignments/add
    private Object addAssignments(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> assignments.add(h, req.caller(), body));
    }

    // POST /v1/studio/assignments/remove
    private Object removeAssignments(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> assignments.remove(h, req.caller(), body));
    }

    // GET /v1/studio/batches
    private Object batches(ApiRequest req) {
        return context.db().read(h -> StudioBatches.list(h, req.caller()));
    }

    // POST /v1/studio/batches/set_priorities
    private Object setPriorities(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> StudioBatches.setPriorities(h, req.caller(), body));
    }

    // POST /v1/studio/batches/reset_priorities
    private Object resetPriorities(ApiRequest req) {
        return context.db().write(h -> StudioBatches.resetPriorities(h, req.caller()));
    }

    // PUT /v1/studio/batches/{name}
    private Object setBatchGroups(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> StudioBatches.setGroups(h, req.caller(), req.path("name"), body));
    }

    // GET /v1/studio/projects/{project}/groups
    private Object groups(ApiRequest req) {
        return context.db().read(h -> ProjectGroups.list(h, req.caller(), req.path("project")));
    }

    // POST /v1/studio/projects/{project}/groups
    private Object createGroup(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> groups.create(h, req.caller(), req.path("project"), body));
    }

    // PUT /v1/studio/projects/{project}/groups/{group}
    private Object updateGroup(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db()
                .write(h -> ProjectGroups.update(h, req.caller(), req.path("project"), req.path("group"), body));
    }
}
