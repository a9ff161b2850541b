package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.http.JsonStream;
import dev.scaletoolkit.emulator.http.Reply;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.studio.Studio;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scale Studio under {@code /v1/studio}: project assignments of teammates, the priority order and groups of
 * pending Studio batches, and the worker groups of Studio projects. Everything follows the caller's mode, like
 * the projects it refers to.
 *
 * <p>Scale answers the assignment map and the pending batches whole, unpaged ({@code set_priorities} must name
 * every pending batch, so clients need them all), also after each change. The shapes stay; both are streamed from
 * the database after the change commits, capped by {@code EmulatorLimits}, never built in memory.
 */
public final class StudioRoutes implements Routes {
    private final Studio studio;

    public StudioRoutes(Studio studio) {
        this.studio = studio;
    }

    @Override
    public void register(Router router) {
        router.get("/studio/assignments", req -> assignments(req.caller()));
        router.post("/studio/assignments/add", req -> {
            ObjectNode body = req.bodyObject();
            studio.addAssignments(req.caller(), body);
            return assignments(req.caller());
        });
        router.post("/studio/assignments/remove", req -> {
            ObjectNode body = req.bodyObject();
            studio.removeAssignments(req.caller(), body);
            return assignments(req.caller());
        });
        router.get("/studio/batches", req -> batches(req.caller()));
        router.post("/studio/batches/set_priorities", req -> {
            ObjectNode body = req.bodyObject();
            studio.setPriorities(req.caller(), body);
            return batches(req.caller());
        });
        router.post("/studio/batches/reset_priorities", req -> {
            studio.resetPriorities(req.caller());
            return batches(req.caller());
        });
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

    private Reply assignments(Caller caller) {
        return JsonStream.text(json -> studio.assignments(caller, json));
    }

    private Reply batches(Caller caller) {
        return JsonStream.array(each -> studio.batches(caller, each));
    }
}
