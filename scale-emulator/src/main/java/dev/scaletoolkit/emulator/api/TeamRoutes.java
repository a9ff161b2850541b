package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.http.JsonStream;
import dev.scaletoolkit.emulator.http.Reply;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.team.Teammates;
import tools.jackson.databind.node.ObjectNode;

/**
 * The team under {@code /v1/teams}: list, invite, change roles. Teams are per account, shared by both modes.
 *
 * <p>Scale answers the whole team as one bare array with no paging (the SDKs' {@code list_teammates} reads it so),
 * and invite and set_role answer it too. The shape stays; the array is streamed from the database after the change
 * commits, at most {@code EmulatorLimits.MAX_TEAM_LISTED} members, never built in memory.
 */
public final class TeamRoutes implements Routes {
    private final Teammates teammates;

    public TeamRoutes(Teammates teammates) {
        this.teammates = teammates;
    }

    @Override
    public void register(Router router) {
        router.get("/teams", req -> team(req.caller().accountId()));
        router.post("/teams/invite", req -> {
            ObjectNode body = req.bodyObject();
            teammates.invite(req.caller().accountId(), body);
            return team(req.caller().accountId());
        });
        router.post("/teams/set_role", req -> {
            ObjectNode body = req.bodyObject();
            teammates.setRole(req.caller().accountId(), body);
            return team(req.caller().accountId());
        });
    }

    private Reply team(String accountId) {
        return JsonStream.array(each -> teammates.list(accountId, each));
    }
}
