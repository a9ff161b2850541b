package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.team.Teammates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Worker groups of a Studio project ({@code studio_groups}, per mode). A group's {@code doc} is its wire JSON:
 * {@code {id, name, numWorkers, isSingleton, workers: [{id, email}]}}. Groups made through the API are never
 * singletons (Scale keeps those for one-worker groups of its own).
 */
public final class ProjectGroups {
    private final EmulatorContext context;

    public ProjectGroups(EmulatorContext context) {
        this.context = context;
    }

    // GET /v1/studio/projects/{project}/groups
    public static ArrayNode list(Handle h, Caller caller, String project) {
        StudioProjects.requireInPath(h, caller, project);
        ArrayNode out = Docs.object().arrayNode();
        all(h, caller, project).forEach(out::add);
        return out;
    }

    /** The project's groups in the order they were made; no checks on the project. */
    static List<ObjectNode> all(Handle h, Caller caller, String project) {
        return StudioGroupStore.all(h, caller, project);
    }

    /** A group of the project by name or by id. */
    static Optional<ObjectNode> find(Handle h, Caller caller, String project, String nameOrId) {
        return all(h, caller, project).stream()
                .filter(g -> g.path("name").asString().equals(nameOrId)
                        || g.path("id").asString().equals(nameOrId))
                .findFirst();
    }

    // POST /v1/studio/projects/{project}/groups  {name, emails[]}
    public ObjectNode create(Handle h, Caller caller, String project, ObjectNode body) {
        String name = Fields.requireString(body, "name");
        if (name.isBlank()) {
            throw ApiError.invalidParam("name", "must not be blank");
        }
        List<String> emails = emailList(body, "emails", true);
        StudioProjects.requireInPath(h, caller, project);
        if (all(h, caller, project).stream()
                .anyMatch(g -> g.path("name").asString().equals(name))) {
            throw ApiError.conflict("Project \"" + project + "\" already has a group named \"" + name + "\".");
        }
        ObjectNode group = Docs.object();
        group.put("id", context.ids().objectId());
        group.put("name", name);
        group.put("numWorkers", 0);
        group.put("isSingleton", false);
        ArrayNode workers = group.putArray("workers");
        for (String email : emails) {
            addWorker(workers, StudioProjects.requireActiveMember(h, caller, email, "emails"), caller);
        }
        group.put("numWorkers", workers.size());
        StudioGroupStore.insert(h, caller, project, group, context.now());
        return group;
    }

    // PUT /v1/studio/projects/{project}/groups/{group}  {add_emails[], remove_emails[]}
    public static ObjectNode update(Handle h, Caller caller, String project, String groupName, ObjectNode body) {
        List<String> add = emailList(body, "add_emails", false);
        List<String> remove = emailList(body, "remove_emails", false);
        if (add.isEmpty() && remove.isEmpty()) {
            throw ApiError.badRequest("Send \"add_emails\" or \"remove_emails\" (arrays of teammate emails).");
        }
        StudioProjects.requireInPath(h, caller, project);
        ObjectNode group = find(h, caller, project, groupName)
                .orElseThrow(() -> ApiError.notFound(
                        "Project \"" + project + "\" has no group \"" + groupName + "\" (by name or id)."));
        List<Teammates.Member> toAdd = new ArrayList<>();
        for (String email : add) {
            toAdd.add(StudioProjects.requireActiveMember(h, caller, email, "add_emails"));
        }
        Set<String> toRemove = new LinkedHashSet<>();
        for (String email : remove) {
            Teammates.Member m = Teammates.find(h, caller.accountId(), email)
                    .orElseThrow(() -> ApiError.invalidParam(
                            "remove_emails", "contains \"" + email + "\", who is not on the team"));
            toRemove.add(Teammates.normalize(m.email()));
        }
        ArrayNode kept = Docs.object().arrayNode();
        for (JsonNode w : group.path("workers")) {
            if (!toRemove.contains(Teammates.normalize(w.path("email").asString()))) {
                kept.add(w);
            }
        }
        for (Teammates.Member m : toAdd) {
            addWorker(kept, m, caller);
        }
        group.set("workers", kept);
        group.put("numWorkers", kept.size());
        StudioGroupStore.update(h, group);
        return group;
    }

    /** Adds a worker unless the group already has them. */
    private static void addWorker(ArrayNode workers, Teammates.Member member, Caller caller) {
        for (JsonNode w : workers) {
            if (Teammates.normalize(w.path("email").asString()).equals(Teammates.normalize(member.email()))) {
                return;
            }
        }
        ObjectNode worker = workers.addObject();
        worker.put("id", Teammates.memberId(caller.accountId(), member.email()));
        worker.put("email", member.email());
    }

    /** An optional (or required) array of email strings, checked for form, without repeats. */
    private static List<String> emailList(JsonNode body, String field, boolean required) {
        if (!Fields.present(body, field)) {
            if (required) {
                throw ApiError.missingParam(field);
            }
            return List.of();
        }
        if (!body.get(field).isArray() && !body.get(field).isString()) {
            throw ApiError.invalidParam(field, "must be an array of emails, got a " + Fields.kind(body.get(field)));
        }
        return Fields.optStringList(body, field).orElse(List.of()).isEmpty()
                ? List.of()
                : Teammates.emails(body, field);
    }
}
