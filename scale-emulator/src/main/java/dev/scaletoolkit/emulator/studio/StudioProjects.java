package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.project.ProjectStore;
import dev.scaletoolkit.emulator.team.Teammates;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/** Lookups the Studio routes share: Studio projects of the caller's mode and active teammates. */
final class StudioProjects {
    private StudioProjects() {}

    /** A Studio project named in a request body; 400 naming the field when it is unknown or not a Studio one. */
    static ObjectNode requireInBody(Handle h, Caller caller, String name, String field) {
        ObjectNode project = ProjectStore.find(h, caller, name)
                .orElseThrow(() -> ApiError.invalidParam(
                        field, "names project \"" + name + "\", which does not exist in this mode"));
        if (!ProjectStore.isStudio(project)) {
            throw ApiError.invalidParam(
                    field, "names project \"" + name + "\", which is not a Studio project (created with studio: true)");
        }
        return project;
    }

    /** A Studio project named in the path; 404 when unknown, 400 when it is not a Studio one. */
    static ObjectNode requireInPath(Handle h, Caller caller, String name) {
        ObjectNode project = ProjectStore.require(h, caller, name);
        if (!ProjectStore.isStudio(project)) {
            throw ApiError.badRequest("Project \"" + name
                    + "\" is not a Studio project; Studio groups exist only for projects created with studio: true.");
        }
        return project;
    }

    /** An active teammate; 400 naming the field when the email is unknown or the member has not joined. */
    static Teammates.Member requireActiveMember(Handle h, Caller caller, String email, String field) {
        Teammates.Member member = Teammates.find(h, caller.accountId(), email)
                .orElseThrow(() -> ApiError.invalidParam(
                        field,
                        "contains \"" + email + "\", who is not on the team; invite them with POST /v1/teams/invite"));
        if (!member.isActive()) {
            throw ApiError.invalidParam(
                    field, "contains \"" + email + "\", who is " + member.state() + " and not an active teammate");
        }
        return member;
    }
}
