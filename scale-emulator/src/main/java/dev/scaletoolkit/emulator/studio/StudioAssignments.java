package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.team.TeamStore;
import dev.scaletoolkit.emulator.team.Teammates;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which Studio projects each active teammate works on, in the caller's mode ({@code studio_assignments}). Answers
 * are the full map of active members to their project names (alphabetical), members without projects included.
 */
public final class StudioAssignments {
    private final EmulatorContext context;

    public StudioAssignments(EmulatorContext context) {
        this.context = context;
    }

    /**
     * {@code GET /v1/studio/assignments} (and the answer of add and remove), handed to {@code json} in chunks of JSON text. Scale answers one unpaged map
     * of every active member to their projects, and the SDKs read it as one map, so the shape stays; it is written
     * member by member from the database, never built whole: at most {@link
     * EmulatorLimits#MAX_ASSIGNMENT_MEMBERS_LISTED} members, each with at most {@link
     * EmulatorLimits#MAX_PROJECTS_LISTED} projects.
     */
    public void streamed(Caller caller, Consumer<String> json) {
        json.accept("{");
        boolean[] firstMember = {true};
        context.db()
                .read(h -> TeamStore.forEachActiveEmail(
                        h, caller.accountId(), EmulatorLimits.MAX_ASSIGNMENT_MEMBERS_LISTED, email -> {
                            json.accept((firstMember[0] ? "" : ",")
                                    + ScaleJson.mapper().writeValueAsString(email) + ":[");
                            firstMember[0] = false;
                            boolean[] firstProject = {true};
                            StudioAssignmentStore.forEachProject(
                                    h, caller, email, EmulatorLimits.MAX_PROJECTS_LISTED, project -> {
                                        json.accept((firstProject[0] ? "" : ",")
                                                + ScaleJson.mapper().writeValueAsString(project));
                                        firstProject[0] = false;
                                    });
                            json.accept("]");
                        }));
        json.accept("}");
    }

    /** One member's projects in the caller's mode, alphabetical (at most {@link EmulatorLimits#MAX_PROJECTS_LISTED}). */
    static List<String> projectsOf(Handle h, Caller caller, String email) {
        List<String> out = new ArrayList<>();
        StudioAssignmentStore.forEachProject(h, caller, email, EmulatorLimits.MAX_PROJECTS_LISTED, out::add);
        return out;
    }

    // POST /v1/studio/assignments/add
    public void add(Handle h, Caller caller, ObjectNode body) {
        List<Teammates.Member> members = members(h, caller, body);
        List<String> projects = Fields.requireStringList(body, "projects");
        projects.forEach(p -> StudioProjects.requireInBody(h, caller, p, "projects"));
        String now = context.now();
        for (Teammates.Member m : members) {
            for (String project : projects) {
                StudioAssignmentStore.add(h, caller, m.email(), project, now);
            }
        }
    }

    /** POST /v1/studio/assignments/remove: without {@code projects}, every project of those members goes. */
    public void remove(Handle h, Caller caller, ObjectNode body) {
        List<Teammates.Member> members = members(h, caller, body);
        Optional<List<String>> projects = Fields.optStringList(body, "projects");
        projects.ifPresent(list -> list.forEach(p -> StudioProjects.requireInBody(h, caller, p, "projects")));
        for (Teammates.Member m : members) {
            if (projects.isEmpty()) {
                StudioAssignmentStore.removeAll(h, caller, m.email());
                continue;
            }
            for (String project : projects.get()) {
                StudioAssignmentStore.remove(h, caller, m.email(), project);
            }
        }
    }

    private static List<Teammates.Member> members(Handle h, Caller caller, ObjectNode body) {
        List<Teammates.Member> members = new ArrayList<>();
        for (String email : Teammates.emails(body, "emails")) {
            members.add(StudioProjects.requireActiveMember(h, caller, email, "emails"));
        }
        return members;
    }
}
