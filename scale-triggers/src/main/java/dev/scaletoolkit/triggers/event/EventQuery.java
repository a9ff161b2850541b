package dev.scaletoolkit.triggers.event;

import java.util.Set;

/**
 * Which events to list: those after {@code afterId}, optionally of some types, of one connection, project, batch
 * or task. A null field does not filter.
 */
public record EventQuery(
        long afterId, Set<EventType> types, String connection, String project, String batch, String taskId, int limit) {
    public static final int MAX_LIMIT = 1000;

    public EventQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static EventQuery after(long afterId) {
        return new EventQuery(afterId, Set.of(), null, null, null, null, 100);
    }

    public EventQuery withAfter(long id) {
        return new EventQuery(id, types, connection, project, batch, taskId, limit);
    }

    public EventQuery withLimit(int n) {
        return new EventQuery(afterId, types, connection, project, batch, taskId, n);
    }

    public EventQuery withTypes(Set<EventType> t) {
        return new EventQuery(afterId, t, connection, project, batch, taskId, limit);
    }

    public EventQuery withConnection(String c) {
        return new EventQuery(afterId, types, c, project, batch, taskId, limit);
    }

    public EventQuery withProject(String p) {
        return new EventQuery(afterId, types, connection, p, batch, taskId, limit);
    }

    public EventQuery withBatch(String b) {
        return new EventQuery(afterId, types, connection, project, b, taskId, limit);
    }

    public EventQuery withTask(String t) {
        return new EventQuery(afterId, types, connection, project, batch, t, limit);
    }

    /** Whether {@code e} passes the filters (not the id bound), for events that arrive in-process. */
    public boolean matches(Event e) {
        return (types.isEmpty() || types.contains(e.type()))
                && (connection == null || connection.equals(e.connection()))
                && (project == null || project.equals(e.project()))
                && (batch == null || batch.equals(e.batch()))
                && (taskId == null || taskId.equals(e.taskId()));
    }
}
