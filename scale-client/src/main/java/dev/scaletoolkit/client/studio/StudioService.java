package dev.scaletoolkit.client.studio;

import dev.scaletoolkit.client.RawResponseView;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.model.json.RecordCodec;
import dev.scaletoolkit.model.studio.ProjectGroup;
import dev.scaletoolkit.model.studio.StudioBatch;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scale Studio: labeler assignments, batch priorities and groups, project groups. */
public final class StudioService {
    private static final Type ASSIGNMENTS = RecordCodec.mapOf(RecordCodec.listOf(String.class));
    private static final Type BATCHES = RecordCodec.listOf(StudioBatch.class);
    private static final Type GROUPS = RecordCodec.listOf(ProjectGroup.class);
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClient#studio()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public StudioService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy whose calls use these options on top of the current ones (unset settings keep their value).
     *
     * @param options the settings to change
     * @return the changed copy
     */
    public StudioService withOptions(RequestOptions options) {
        return new StudioService(ctx.with(options));
    }

    /**
     * A copy with options changed from the current ones, e.g. {@code withOptions(o -> o.maxRetries(0))}.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public StudioService withOptions(java.util.function.Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new StudioService(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * This service seen through raw responses (status, headers, request id).
     *
     * @return a view whose {@code call} returns a {@link dev.scaletoolkit.client.RawResponse}
     */
    public RawResponseView<StudioService> withRawResponse() {
        return new RawResponseView<>(observer -> new StudioService(ctx.observing(observer)));
    }

    /** Active members' e-mail → assigned project names. */
    public Map<String, List<String>> listAssignments() {
        // GET /v1/studio/assignments
        return ctx.call("GET", "/studio/assignments").execute(ASSIGNMENTS);
    }

    /** Assigns projects to members; returns every member's assignments. */
    public Map<String, List<String>> addAssignments(Collection<String> emails, Collection<String> projects) {
        // POST /v1/studio/assignments/add
        return ctx.call("POST", "/studio/assignments/add")
                .json(emailsAndProjects("add assignments", emails, projects))
                .idempotent()
                .execute(ASSIGNMENTS);
    }

    /** Removes assignments; returns every member's assignments. */
    public Map<String, List<String>> removeAssignments(Collection<String> emails, Collection<String> projects) {
        // POST /v1/studio/assignments/remove
        return ctx.call("POST", "/studio/assignments/remove")
                .json(emailsAndProjects("remove assignments", emails, projects))
                .idempotent()
                .execute(ASSIGNMENTS);
    }

    /** Pending Studio batches in priority order. */
    public List<StudioBatch> listBatches() {
        // GET /v1/studio/batches
        return ctx.call("GET", "/studio/batches").execute(BATCHES);
    }

    /** Sets the order of ALL pending Studio batches, highest priority first. */
    public List<StudioBatch> setPriorities(List<String> batchNames) {
        // POST /v1/studio/batches/set_priorities
        if (batchNames == null || batchNames.isEmpty()) {
            throw new IllegalArgumentException("set priorities: 'batches' must list every pending studio batch");
        }
        List<Map<String, String>> batches =
                batchNames.stream().map(n -> Map.of("name", n)).toList();
        return ctx.call("POST", "/studio/batches/set_priorities")
                .json(Map.of("batches", batches))
                .idempotent()
                .execute(BATCHES);
    }

    /** Back to the default order: calibration batches first, then oldest first. */
    public List<StudioBatch> resetPriorities() {
        // POST /v1/studio/batches/reset_priorities
        return ctx.call("POST", "/studio/batches/reset_priorities").idempotent().execute(BATCHES);
    }

    /** Sets (replaces) the groups that may work on a Studio batch. */
    public StudioBatch setBatchGroups(String batchName, Collection<String> groups) {
        // PUT /v1/studio/batches/{batch_name}
        return ctx.call("PUT", "/studio/batches/" + ApiCaller.segment(batchName))
                .json(Map.of("groups", List.copyOf(groups)))
                .execute(StudioBatch.class);
    }

    public List<ProjectGroup> listProjectGroups(String project) {
        // GET /v1/studio/projects/{project}/groups
        return ctx.call("GET", groupsPath(project)).execute(GROUPS);
    }

    public ProjectGroup createProjectGroup(String project, String name, Collection<String> emails) {
        // POST /v1/studio/projects/{project}/groups
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("emails", List.copyOf(emails));
        return ctx.call("POST", groupsPath(project)).json(body).execute(ProjectGroup.class);
    }

    public ProjectGroup updateProjectGroup(
            String project, String group, Collection<String> addEmails, Collection<String> removeEmails) {
        // PUT /v1/studio/projects/{project}/groups/{group}
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("add_emails", addEmails == null ? List.of() : List.copyOf(addEmails));
        body.put("remove_emails", removeEmails == null ? List.of() : List.copyOf(removeEmails));
        return ctx.call("PUT", groupsPath(project) + "/" + ApiCaller.segment(group))
                .json(body)
                .execute(ProjectGroup.class);
    }

    private static String groupsPath(String project) {
        return "/studio/projects/" + ApiCaller.segment(project) + "/groups";
    }

    private static Map<String, Object> emailsAndProjects(
            String what, Collection<String> emails, Collection<String> projects) {
        if (emails == null || emails.isEmpty()) {
            throw new IllegalArgumentException(what + ": 'emails' needs at least one address");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("emails", List.copyOf(emails));
        if (projects != null) {
            body.put("projects", List.copyOf(projects));
        }
        return body;
    }
}
