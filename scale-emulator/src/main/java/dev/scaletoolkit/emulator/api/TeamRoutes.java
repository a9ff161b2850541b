package dev.scaletoolkit.emulator.api;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.http.ApiRequest;
import dev.scaletoolkit.emulator.http.Router;
import dev.scaletoolkit.emulator.http.Routes;
import dev.scaletoolkit.emulator.team.Teammates;
import tools.jackson.databind.node.ObjectNode;

/** The team under {@code /v1/teams}: list, invite, change roles. Teams are per account, shared by both modes. */
public final class TeamRoutes implements Routes {
    private final EmulatorContext context;
    private final Teammates teammates;

    public TeamRoutes(EmulatorContext context) {
        this.context = context;
        this.teammates = new Teammates(context);
    }

    @Override
    public void register(Router router) {
        router.get("/teams", this::list);
        router.post("/teams/invite", this::invite);
        router.post("/teams/set_role", this::setRole);
    }

    // GET /v1/teams
    private Object list(ApiRequest req) {
        return context.db().read(h -> Teammates.wire(h, req.caller().accountId()));
    }

    // POST /v1/teams/invite
    private Object invite(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> teammates.invite(h, req.caller().accountId(), body));
    }

    // POST /v1/teams/set_role
    private Object setRole(ApiRequest req) {
        ObjectNode body = req.bodyObject();
        return context.db().write(h -> teammates.setRole(h, req.caller().accountId(), body));
    }
}
