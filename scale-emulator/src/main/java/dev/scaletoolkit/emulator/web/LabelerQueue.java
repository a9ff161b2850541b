package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.emulator.queue.Skips;
import dev.scaletoolkit.emulator.studio.Consensus;
import dev.scaletoolkit.emulator.studio.Problems;
import dev.scaletoolkit.emulator.studio.Reservations;
import dev.scaletoolkit.emulator.studio.Rework;
import dev.scaletoolkit.emulator.studio.Studio;
import dev.scaletoolkit.emulator.task.TaskQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A labeler's work: the pending tasks of the Studio projects assigned to them, batch by batch in Studio priority
 * order, oldest task first within a batch, then tasks of those projects outside any pending batch. Skipped tasks
 * come back only when nothing else is left. Handing a task out reserves it: a task someone else holds is passed
 * over (a consensus task only once all its seats are taken), a consensus task the labeler answered is never
 * handed to them again, and a labeler who already holds a pending task gets that one back. Reads through the Studio services and
 * the tasks listing.
 */
final class LabelerQueue {
    /** How far back the queue looks within one batch for its oldest task (pages of 100). */
    private static final int MAX_PAGES = 20;

    private final Studio studio;
    private final Skips skips;
    private final TaskQuery query;
    private final ApiReads api;
    private final Reservations reservations;
    private final Problems problems;
    private final Rework rework;
    private final Consensus consensus;

    LabelerQueue(
            Studio studio,
            Skips skips,
            TaskQuery query,
            ApiReads api,
            Reservations reservations,
            Problems problems,
            Rework rework,
            Consensus consensus) {
        this.consensus = consensus;
        this.problems = problems;
        this.rework = rework;
        this.studio = studio;
        this.skips = skips;
        this.query = query;
        this.api = api;
        this.reservations = reservations;
    }

    /** One Studio batch the labeler works on, with its progress. */
    record Batch(String name, String project, int priority, int total, int completed) {}

    /** The projects assigned to {@code viewer}, alphabetical. */
    List<String> projects(Viewer viewer) {
        return studio.projectsOf(viewer.caller(), viewer.email());
    }

    /** The pending Studio batches of the labeler's projects, in work order. */
    List<Batch> batches(Viewer viewer) {
        Set<String> mine = Set.copyOf(projects(viewer));
        List<Batch> out = new ArrayList<>();
        studio.forEachBatch(viewer.caller(), b -> {
            if (mine.contains(b.path("projectName").asString())) {
                out.add(new Batch(
                        b.path("name").asString(),
                        b.path("projectName").asString(),
                        b.path("studioPriority").asInt(),
                        b.path("total").asInt(),
                        b.path("completed").asInt()));
            }
        });
        return out;
    }

    /** The id of the next task to label, reserved for the viewer, if any. */
    Optional<String> next(HttpServletRequest req, Viewer viewer) {
        Set<String> skipped = skips.of(viewer.accountId(), viewer.email());
        // Reported tasks wait for a manager; tasks others hold are theirs.
        Set<String> heldByOthers = new java.util.HashSet<>(problems.reportedTasks(viewer.accountId()));
        // Consensus tasks this labeler answered, or whose answers are all in, are not theirs to take again.
        heldByOthers.addAll(consensus.closedTo(viewer.accountId(), viewer.email()));
        Map<String, Boolean> seated = new java.util.HashMap<>();
        for (Reservations.Lease lease : reservations.running(viewer.accountId())) {
            if (heldByOthers.contains(lease.taskId())) {
                continue;
            }
            if (!lease.email().equals(viewer.email())) {
                // A consensus task has a seat per labeler: someone else's lease leaves the others to reserve.
                if (!seated.computeIfAbsent(
                        lease.taskId(),
                        id -> consensus.settings(viewer.accountId(), id).consensus())) {
                    heldByOthers.add(lease.taskId());
                }
            } else if (!skipped.contains(lease.taskId()) && stillPending(viewer, lease.taskId())) {
                // The labeler's own task comes back first (a reload, a second tab, Start labeling again).
                return Optional.of(lease.taskId());
            }
        }
        // Work sent back for rework comes before new work: first what was sent to this labeler, then to anyone.
        List<Rework.Attempt> reworks = new ArrayList<>(rework.waitingFor(viewer.accountId(), viewer.email()));
        reworks.sort(java.util.Comparator.comparing(a -> a.assignee().isEmpty()));
        Set<String> mine = Set.copyOf(projects(viewer));
        for (Rework.Attempt a : reworks) {
            if (!heldByOthers.contains(a.taskId())
                    && !skipped.contains(a.taskId())
                    && (viewer.isManager() || a.assignee().isPresent() || inProjects(viewer, a.taskId(), mine))
                    && reserve(viewer, a.taskId())) {
                return Optional.of(a.taskId());
            }
        }
        List<Map<String, List<String>>> places = new ArrayList<>();
        for (Batch b : batches(viewer)) {
            places.add(Map.of("batch", List.of(b.name()), "project", List.of(b.project())));
        }
        for (String project : projects(viewer)) {
            places.add(Map.of("project", List.of(project)));
        }
        List<String> fallback = new ArrayList<>();
        for (Map<String, List<String>> place : places) {
            for (String id : oldestPending(req, viewer, place)) {
                if (heldByOthers.contains(id)) {
                    continue;
                }
                if (skipped.contains(id)) {
                    fallback.add(id);
                } else if (reserve(viewer, id)) {
                    return Optional.of(id);
                }
            }
        }
        if (!fallback.isEmpty()) {
            // Everything left was skipped once: start the round again.
            skips.clear(viewer.accountId(), viewer.email());
            for (String id : fallback) {
                if (reserve(viewer, id)) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /** Reserves a task for the viewer; false when someone else took it a moment ago. */
    private boolean reserve(Viewer viewer, String taskId) {
        return reservations.reserve(viewer.accountId(), taskId, viewer.email()).granted();
    }

    private boolean stillPending(Viewer viewer, String taskId) {
        return query.find(viewer.caller(), taskId)
                .map(t -> t.path("status").asString().equals("pending")
                        || rework.openFor(viewer.accountId(), taskId, viewer.email())
                                .isPresent())
                .orElse(false);
    }

    private boolean inProjects(Viewer viewer, String taskId, Set<String> projects) {
        return query.find(viewer.caller(), taskId)
                .map(t -> projects.contains(t.path("project").asString("")))
                .orElse(false);
    }

    /** Pending task ids of one place, oldest first (the listing answers newest first). */
    private List<String> oldestPending(HttpServletRequest req, Viewer viewer, Map<String, List<String>> place) {
        List<String> ids = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, List<String>> params = new LinkedHashMap<>(place);
            params.put("status", List.of("pending"));
            params.put("limited_response", List.of("true"));
            if (token != null) {
                params.put("next_token", List.of(token));
            }
            JsonNode answer = api.v1(req, viewer.caller(), "/tasks", params);
            answer.path("docs").forEach(d -> ids.add(d.path("task_id").asString()));
            if (!answer.path("has_more").asBoolean(false)) {
                break;
            }
            token = answer.path("next_token").asString();
        }
        java.util.Collections.reverse(ids);
        return ids;
    }

    /**
     * Where a task stands in its batch (or, outside any batch, its project): "task n of m", where m counts the
     * place's tasks and n is the one the labeler is on, after those already finished.
     */
    record Position(int n, int m, String place, String name) {
        String text() {
            return "Task " + n + " of " + m + " in " + place + " " + name;
        }
    }

    /** The task's position, or empty when it belongs to neither a batch nor a project. */
    Optional<Position> position(HttpServletRequest req, Viewer viewer, JsonNode task) {
        boolean pending = task.path("status").asString().equals("pending");
        if (task.hasNonNull("batch")) {
            String batch = task.get("batch").asString();
            JsonNode counts = api.v1(req, viewer.caller(), "/batches/" + Html.url(batch) + "/status", Map.of());
            int total = 0;
            for (var e : counts.properties()) {
                if (!e.getKey().equals("status") && e.getValue().isNumber()) {
                    total += e.getValue().asInt();
                }
            }
            int finished = total - counts.path("pending").asInt(0);
            return Optional.of(new Position(at(finished, total, pending), total, "batch", batch));
        }
        if (task.hasNonNull("project")) {
            String project = task.get("project").asString();
            int total = total(req, viewer, Map.of("project", List.of(project)));
            int left = total(req, viewer, Map.of("project", List.of(project), "status", List.of("pending")));
            return Optional.of(new Position(at(total - left, total, pending), total, "project", project));
        }
        return Optional.empty();
    }

    private static int at(int finished, int total, boolean pending) {
        return Math.max(1, Math.min(total, pending ? finished + 1 : finished));
    }

    private int total(HttpServletRequest req, Viewer viewer, Map<String, List<String>> filter) {
        Map<String, List<String>> params = new LinkedHashMap<>(filter);
        params.put("limit", List.of("1"));
        params.put("limited_response", List.of("true"));
        return api.v1(req, viewer.caller(), "/tasks", params).path("total").asInt();
    }

    /** Puts a task aside for this labeler and gives its reservation back. */
    void skip(Viewer viewer, String taskId) {
        skips.add(viewer.accountId(), viewer.email(), taskId);
    }

    /** Whether the labeler may work on a task of {@code project}: assigned to it, or a manager. */
    boolean mayLabel(Viewer viewer, String project) {
        return viewer.isManager() || (project != null && projects(viewer).contains(project));
    }
}
