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

    /**
     * Active members and the projects assigned to each.
     *
     * @return e-mail to assigned project names
     */
    public Map<String, List<String>> listAssignments() {
        return listAssignments(RequestOptions.none());
    }

    /**
     * Active members and their projects, with per-call options.
     *
     * @param options merged on top of this service's options
     * @return e-mail to assigned project names
     * @see #listAssignments()
     */
    public Map<String, List<String>> listAssignments(RequestOptions options) {
        // GET /v1/studio/assignments
        return ctx.call("GET", "/studio/assignments", options).execute(ASSIGNMENTS);
    }

    /**
     * Assigns projects to members. Safe to repeat.
     *
     * @param emails at least one member's address
     * @param projects the project names to assign
     * @return every member's assignments afterwards
     */
    public Map<String, List<String>> addAssignments(Collection<String> emails, Collection<String> projects) {
        return addAssignments(emails, projects, RequestOptions.none());
    }

    /**
     * Assigns projects to members, with per-call options.
     *
     * @param emails at least one member's address
     * @param projects the project names to assign
     * @param options merged on top of this service's options
     * @return every member's assignments afterwards
     * @see #addAssignments(Collection, Collection)
     */
    public Map<String, List<String>> addAssignments(
            Collection<String> emails, Collection<String> projects, RequestOptions options) {
        // POST /v1/studio/assignments/add
        return ctx.call("POST", "/studio/assignments/add", options)
                .json(emailsAndProjects("add assignments", emails, projects))
                .idempotent()
                .execute(ASSIGNMENTS);
    }

    /**
     * Removes project assignments from members. Safe to repeat.
     *
     * @param emails at least one member's address
     * @param projects the project names to unassign
     * @return every member's assignments afterwards
     */
    public Map<String, List<String>> removeAssignments(Collection<String> emails, Collection<String> projects) {
        return removeAssignments(emails, projects, RequestOptions.none());
    }

    /**
     * Removes project assignments, with per-call options.
     *
     * @param emails at least one member's address
     * @param projects the project names to unassign
     * @param options merged on top of this service's options
     * @return every member's assignments afterwards
     * @see #removeAssignments(Collection, Collection)
     */
    public Map<String, List<String>> removeAssignments(
            Collection<String> emails, Collection<String> projects, RequestOptions options) {
        // POST /v1/studio/assignments/remove
        return ctx.call("POST", "/studio/assignments/remove", options)
                .json(emailsAndProjects("remove assignments", emails, projects))
                .idempotent()
                .execute(ASSIGNMENTS);
    }

    /**
     * Pending Studio batches in priority order.
     *
     * @return the batches, highest priority first
     */
    public List<StudioBatch> listBatches() {
        return listBatches(RequestOptions.none());
    }

    /**
     * Pending Studio batches, with per-call options.
     *
     * @param options merged on top of this service's options
     * @return the batches, highest priority first
     * @see #listBatches()
     */
    public List<StudioBatch> listBatches(RequestOptions options) {
        // GET /v1/studio/batches
        return ctx.call("GET", "/studio/batches", options).execute(BATCHES);
    }

    /**
     * Sets the order of all pending Studio batches; the list must name every one of them.
     *
     * @param batchNames every pending batch, highest priority first
     * @return the batches in their new order
     */
    public List<StudioBatch> setPriorities(List<String> batchNames) {
        return setPriorities(batchNames, RequestOptions.none());
    }

    /**
     * Sets the order of all pending Studio batches, with per-call options.
     *
     * @param batchNames every pending batch, highest priority first
     * @param options merged on top of this service's options
     * @return the batches in their new order
     * @see #setPriorities(List)
     */
    public List<StudioBatch> setPriorities(List<String> batchNames, RequestOptions options) {
        // POST /v1/studio/batches/set_priorities
        if (batchNames == null || batchNames.isEmpty()) {
            throw new IllegalArgumentException("set priorities: 'batches' must list every pending studio batch");
        }
        List<Map<String, String>> batches =
                batchNames.stream().map(n -> Map.of("name", n)).toList();
        return ctx.call("POST", "/studio/batches/set_priorities", options)
                .json(Map.of("batches", batches))
                .idempotent()
                .execute(BATCHES);
    }

    /**
     * Back to the default order: calibration batches first, then oldest first.
     *
     * @return the batches in their new order
     */
    public List<StudioBatch> resetPriorities() {
        return resetPriorities(RequestOptions.none());
    }

    /**
     * Back to the default order, with per-call options.
     *
     * @param options merged on top of this service's options
     * @return the batches in their new order
     * @see #resetPriorities()
     */
    public List<StudioBatch> resetPriorities(RequestOptions options) {
        // POST /v1/studio/batches/reset_priorities
        return ctx.call("POST", "/studio/batches/reset_priorities", options)
                .idempotent()
                .execute(BATCHES);
    }

    /**
     * Replaces the groups that may work on a Studio batch.
     *
     * @param batchName the batch
     * @param groups the names of the project groups that may work on it
     * @return the batch
     */
    public StudioBatch setBatchGroups(String batchName, Collection<String> groups) {
        return setBatchGroups(batchName, groups, RequestOptions.none());
    }

    /**
     * Replaces the groups of a Studio batch, with per-call options.
     *
     * @param batchName the batch
     * @param groups the project group names
     * @param options merged on top of this service's options
     * @return the batch
     * @see #setBatchGroups(String, Collection)
     */
    public StudioBatch setBatchGroups(String batchName, Collection<String> groups, RequestOptions options) {
        // PUT /v1/studio/batches/{batch_name}
        return ctx.call("PUT", "/studio/batches/" + ApiCaller.segment(batchName), options)
                .json(Map.of("groups", List.copyOf(groups)))
                .execute(StudioBatch.class);
    }

    /**
     * The labeler groups of a Studio project.
     *
     * @param project the project name
     * @return its groups
     */
    public List<ProjectGroup> listProjectGroups(String project) {
        return listProjectGroups(project, RequestOptions.none());
    }

    /**
     * The labeler groups of a Studio project, with per-call options.
     *
     * @param project the project name
     * @param options merged on top of this service's options
     * @return its groups
     * @see #listProjectGroups(String)
     */
    public List<ProjectGroup> listProjectGroups(String project, RequestOptions options) {
        // GET /v1/studio/projects/{project}/groups
        return ctx.call("GET", groupsPath(project), options).execute(GROUPS);
    }

    /**
     * Creates a labeler group in a Studio project.
     *
     * @param project the project name
     * @param name the group name
     * @param emails its members
     * @return the group
     */
    public ProjectGroup createProjectGroup(String project, String name, Collection<String> emails) {
        return createProjectGroup(project, name, emails, RequestOptions.none());
    }

    /**
     * Creates a labeler group, with per-call options.
     *
     * @param project the project name
     * @param name the group name
     * @param emails its members
     * @param options merged on top of this service's options
     * @return the group
     * @see #createProjectGroup(String, String, Collection)
     */
    public ProjectGroup createProjectGroup(
            String project, String name, Collection<String> emails, RequestOptions options) {
        // POST /v1/studio/projects/{project}/groups
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("emails", List.copyOf(emails));
        return ctx.call("POST", groupsPath(project), options).json(body).execute(ProjectGroup.class);
    }

    /**
     * Adds and removes members of a labeler group.
     *
     * @param project the project name
     * @param group the group name
     * @param addEmails members to add; may be null
     * @param removeEmails members to remove; may be null
     * @return the group afterwards
     */
    public ProjectGroup updateProjectGroup(
            String project, String group, Collection<String> addEmails, Collection<String> removeEmails) {
        return updateProjectGroup(project, group, addEmails, removeEmails, RequestOptions.none());
    }

    /**
     * Adds and removes members of a labeler group, with per-call options.
     *
     * @param project the project name
     * @param group the group name
     * @param addEmails members to add; may be null
     * @param removeEmails members to remove; may be null
     * @param options merged on top of this service's options
     * @return the group afterwards
     * @see #updateProjectGroup(String, String, Collection, Collection)
     */
    public ProjectGroup updateProjectGroup(
            String project,
            String group,
            Collection<String> addEmails,
            Collection<String> removeEmails,
            RequestOptions options) {
        // PUT /v1/studio/projects/{project}/groups/{group}
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("add_emails", addEmails == null ? List.of() : List.copyOf(addEmails));
        body.put("remove_emails", removeEmails == null ? List.of() : List.copyOf(removeEmails));
        return ctx.call("PUT", groupsPath(project) + "/" + ApiCaller.segment(group), options)
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
