package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.studio.Studio;

/**
 * Scale Studio under {@code /v1/studio}: project assignments of teammates, the priority order and groups of
 * pending Studio batches, and the worker groups of Studio projects. Everything follows the caller's mode, like
 * the projects it refers to.
 */
public final class StudioRoutes implements Routes {
    private final Studio studio;

    public StudioRoutes(Studio studio) {
        this.studio = studio;
    }

    @Override
    public void register(Router router) {
        router.get("/studio/assignments", req -> studio.assignments(req.caller()));
        router.post("/studio/assignments/add", req -> studio.addAssignments(req.caller(), req.bodyObject()));
        router.post("/studio/assignments/remove", req -> studio.removeAssignments(req.caller(), req.bodyObject()));
        router.get("/studio/batches", req -> studio.batches(req.caller()));
        router.post("/studio/batches/set_priorities", req -> studio.setPriorities(req.caller(), req.bodyObject()));
        router.post("/studio/batches/reset_priorities", req -> studio.resetPriorities(req.caller()));
        router.put(
                "/studio/batches/{name}",
                req -> studio.setBatchGroups(req.caller(), req.path("name"), req.bodyObject()));
        router.get("/studio/projects/{project}/groups", req -> studio.groups(req.caller(), req.path("project")));
        router.post(
                "/studio/projects/{project}/groups",
                req -> studio.createGroup(req.caller(), req.path("project"), req.bodyObject()));
        router.put(
                "/studio/projects/{project}/groups/{group}",
                req -> studio.updateGroup(req.caller(), req.path("project"), req.path("group"), req.bodyObject()));
    }
}
