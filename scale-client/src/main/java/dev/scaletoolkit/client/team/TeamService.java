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

    /**
     * Lists the team's members and pending invitations.
     *
     * @return every member
     */
    public List<Teammate> list() {
        return list(RequestOptions.none());
    }

    /**
     * Lists the team's members, with per-call options.
     *
     * @param options merged on top of this service's options
     * @return every member
     * @see #list()
     */
    public List<Teammate> list(RequestOptions options) {
        // GET /v1/teams
        return ctx.call("GET", "/teams", options).execute(TEAMMATES);
    }

    /**
     * Invites people with a role. Safe to repeat: inviting someone twice changes nothing.
     *
     * @param emails at least one address
     * @param role {@code labeler}, {@code member} or {@code manager}
     * @return every member after the invitation
     */
    public List<Teammate> invite(Collection<String> emails, TeammateRole role) {
        return invite(emails, role, RequestOptions.none());
    }

    /**
     * Invites people with a role, with per-call options.
     *
     * @param emails at least one address
     * @param role the role they get
     * @param options merged on top of this service's options
     * @return every member after the invitation
     * @see #invite(Collection, TeammateRole)
     */
    public List<Teammate> invite(Collection<String> emails, TeammateRole role, RequestOptions options) {
        // POST /v1/teams/invite
        return ctx.call("POST", "/teams/invite", options)
                .json(body("invite", emails, role))
                .idempotent()
                .execute(TEAMMATES);
    }

    /**
     * Changes members' role.
     *
     * @param emails at least one member's address
     * @param role the new role
     * @return every member after the change
     */
    public List<Teammate> setRole(Collection<String> emails, TeammateRole role) {
        return setRole(emails, role, RequestOptions.none());
    }

    /**
     * Changes members' role, with per-call options.
     *
     * @param emails at least one member's address
     * @param role the new role
     * @param options merged on top of this service's options
     * @return every member after the change
     * @see #setRole(Collection, TeammateRole)
     */
    public List<Teammate> setRole(Collection<String> emails, TeammateRole role, RequestOptions options) {
        // POST /v1/teams/set_role
        return ctx.call("POST", "/teams/set_role", options)
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
