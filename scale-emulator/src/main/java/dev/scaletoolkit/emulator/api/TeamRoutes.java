package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.team.Teammates;

/** The team under {@code /v1/teams}: list, invite, change roles. Teams are per account, shared by both modes. */
public final class TeamRoutes implements Routes {
    private final Teammates teammates;

    public TeamRoutes(Teammates teammates) {
        this.teammates = teammates;
    }

    @Override
    public void register(Router router) {
        router.get("/teams", req -> teammates.list(req.caller().accountId()));
        router.post("/teams/invite", req -> teammates.invite(req.caller().accountId(), req.bodyObject()));
        router.post("/teams/set_role", req -> teammates.setRole(req.caller().accountId(), req.bodyObject()));
    }
}
