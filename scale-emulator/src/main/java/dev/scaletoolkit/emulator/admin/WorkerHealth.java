package dev.scaletoolkit.emulator.admin;

import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.infra.work.Supervisor;
import dev.scaletoolkit.model.ScaleTime;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code GET /_emulator/health}: {@code status} is {@code ok} while every background worker runs and
 * {@code degraded} while one is down (it failed and waits for its back-off to pass), with {@code workers_down}
 * naming each, since when and why. The server still answers, so the status code stays 200; monitors read the
 * field.
 */
public final class WorkerHealth {
    private WorkerHealth() {}

    /** The health body for these workers that are down (none: {@code ok}). */
    public static ObjectNode of(List<Supervisor.Worker> workersDown, String version) {
        List<Supervisor.Worker> down = workersDown.stream()
                .sorted(Comparator.comparing(Supervisor.Worker::name))
                .toList();
        ObjectNode out = Docs.object();
        out.put("status", down.isEmpty() ? "ok" : "degraded");
        out.put("version", version);
        if (!down.isEmpty()) {
            ArrayNode workers = out.putArray("workers_down");
            for (Supervisor.Worker w : down) {
                ObjectNode o = workers.addObject();
                o.put("name", w.name());
                w.downSince().ifPresent(t -> o.put("since", ScaleTime.format(t)));
                w.lastError().ifPresent(e -> o.put("error", e));
                o.put("failures", w.failures());
            }
        }
        return out;
    }
}
