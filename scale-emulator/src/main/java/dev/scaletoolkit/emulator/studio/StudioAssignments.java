package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.team.Teammates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.node.ArrayNode;
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

    // GET /v1/studio/assignments
    public static ObjectNode map(Handle h, Caller caller) {
        ObjectNode out = Docs.object();
        for (Teammates.Member m : Teammates.all(h, caller.accountId())) {
            if (!m.isActive()) {
                continue;
            }
            ArrayNode projects = out.putArray(m.email());
            StudioAssignmentStore.projects(h, caller, m.email()).forEach(projects::add);
        }
        return out;
    }

    // POST /v1/studio/assignments/add
    public ObjectNode add(Handle h, Caller caller, ObjectNode body) {
        List<Teammates.Member> members = members(h, caller, body);
        List<String> projects = Fields.requireStringList(body, "projects");
        projects.forEach(p -> StudioProjects.requireInBody(h, caller, p, "projects"));
        String now = context.now();
        for (Teammates.Member m : members) {
            for (String project : projects) {
                StudioAssignmentStore.add(h, caller, m.email(), project, now);
            }
        }
        return map(h, caller);
    }

    /** POST /v1/studio/assignments/remove: without {@code projects}, every project of those members goes. */
    public ObjectNode remove(Handle h, Caller caller, ObjectNode body) {
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
        return map(h, caller);
    }

    private static List<Teammates.Member> members(Handle h, Caller caller, ObjectNode body) {
        List<Teammates.Member> members = new ArrayList<>();
        for (String email : Teammates.emails(body, "emails")) {
            members.add(StudioProjects.requireActiveMember(h, caller, email, "emails"));
        }
        return members;
    }
}
