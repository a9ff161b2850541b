package dev.scaletoolkit.client.team;

import dev.scaletoolkit.client.RawResponseView;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.model.json.RecordCodec;
import dev.scaletoolkit.model.team.Teammate;
import dev.scaletoolkit.model.team.TeammateRole;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The team: members, invitations and roles. */
public final class TeamService {
    private static final Type TEAMMATES = RecordCodec.listOf(Teammate.class);
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClient#teams()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public TeamService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy whose calls use these options on top of the current ones (unset settings keep their value).
     *
     * @param options the settings to change
     * @return the changed copy
     */
    public TeamService withOptions(RequestOptions options) {
        return new TeamService(ctx.with(options));
    }

    /**
     * A copy with options changed from the current ones, e.g. {@code withOptions(o -> o.maxRetries(0))}.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public TeamService withOptions(java.util.function.Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new TeamService(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * This service seen through raw responses (status, headers, request id).
     *
     * @return a view whose {@code call} returns a {@link dev.scaletoolkit.client.RawResponse}
     */
    public RawResponseView<TeamService> withRawResponse() {
        return new RawResponseView<>(observer -> new TeamService(ctx.observing(observer)));
    }

    public List<Teammate> list() {
        // GET /v1/teams
        return ctx.call("GET", "/teams").execute(TEAMMATES);
    }

    /** Invites people with a role ({@code labeler}, {@code member} or {@code manager}); returns every member. */
    public List<Teammate> invite(Collection<String> emails, TeammateRole role) {
        // POST /v1/teams/invite
        return ctx.call("POST", "/teams/invite")
                .json(body("invite", emails, role))
                .idempotent()
                .execute(TEAMMATES);
    }

    /** Changes members' role; returns every member. */
    public List<Teammate> setRole(Collection<String> emails, TeammateRole role) {
        // POST /v1/teams/set_role
        return ctx.call("POST", "/teams/set_role")
                .json(body("set role", emails, role))
                .idempotent()
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
