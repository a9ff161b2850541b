package dev.scaletoolkit.emulator.studio;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.task.TaskFilter;
import dev.scaletoolkit.emulator.task.TaskStore;
import java.util.List;

/**
 * A fingerprint of what the dashboard shows, read from the database: task totals by status and by review verdict,
 * the answers people submitted, running reservations and open problems. Whatever node made a change, every node
 * reading the shared database sees a new fingerprint, so the live dashboard (which compares it about once a second)
 * refreshes on all of them.
 */
public final class Activity {
    private static final List<String> STATUSES = List.of("pending", "completed", "canceled", "error");
    private static final List<String> VERDICTS = List.of("accepted", "rejected");

    private final EmulatorContext context;

    public Activity(EmulatorContext context) {
        this.context = context;
    }

    /** The fingerprint for the caller's account and mode; equal strings mean nothing the dashboard shows changed. */
    public String version(Caller caller) {
        long now = context.clock().millis();
        return context.db().read(h -> {
            StringBuilder out = new StringBuilder(96);
            for (String status : STATUSES) {
                out.append(TaskStore.total(h, filter(caller, List.of(status), List.of())))
                        .append(',');
            }
            for (String verdict : VERDICTS) {
                out.append(TaskStore.total(h, filter(caller, List.of(), List.of(verdict))))
                        .append(',');
            }
            return out.append(WorkStore.version(h, caller.accountId()))
                    .append(';')
                    .append(ReservationStore.version(h, caller.accountId(), now))
                    .append(';')
                    .append(ProblemStore.openTasks(h, caller.accountId()).size())
                    .toString();
        });
    }

    private static TaskFilter filter(Caller caller, List<String> statuses, List<String> reviews) {
        return new TaskFilter(caller, statuses, List.of(), null, null, List.of(), reviews, List.of(), List.of());
    }
}
