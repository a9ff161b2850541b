package dev.scaletoolkit.client.team;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.ApiCaller;
import dev.scaletoolkit.model.team.Teammate;
import dev.scaletoolkit.model.team.TeammateRole;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** The team: members, invitations and roles. */
public final class TeamService {
    private static final TypeReference<List<Teammate>> TEAMMATES = new TypeReference<>() {};
    private final ApiCaller api;
    private final RequestOptions defaults;

    public TeamService(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    public TeamService withOptions(RequestOptions options) {
        return new TeamService(api, options);
    }

    public List<Teammate> list() {
        // GET /v1/teams
        return api.call("GET", "/teams").options(defaults).execute(TEAMMATES);
    }

    /** Invites people with a role ({@code labeler}, {@code member} or {@code manager}); returns every member. */
    public List<Teammate> invite(Collection<String> emails, TeammateRole role) {
        // POST /v1/teams/invite
        return api.call("POST", "/teams/invite")
                .json(body("invite", emails, role))
                .idempotent()
                .options(defaults)
                .execute(TEAMMATES);
    }

    /** Changes members' role; returns every member. */
    public List<Teammate> setRole(Collection<String> emails, TeammateRole role) {
        // POST /v1/teams/set_role
        return api.call("POST", "/teams/set_role")
                .json(body("set role", emails, role))
                .idempotent()
                .options(defaults)
                .execute(TEAMMATES);
    }

    private static Map<String, Object> body(String what, Collection<String> emails, TeammateRole role) {
        if (emails == null || emails.isEmpty()) {
            throw new IllegalArgumentException(what + ": 'emails' needs at least one address");
        }
        if (role == null) {
            throw new IllegalArgumentException(what + ": 'team_role' is required");
        }
        return Map.of("emails", List.copyOf(emails), "team_role", role.value());
    }
}
