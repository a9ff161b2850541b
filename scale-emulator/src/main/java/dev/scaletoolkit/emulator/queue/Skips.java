package dev.scaletoolkit.emulator.queue;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.studio.Reservations;
import java.util.Set;

/**
 * The tasks each labeler put aside in the browser's queue ({@code ui_skips}); they come back only when nothing else
 * is left.
 */
public final class Skips {
    private final EmulatorContext context;
    private final Reservations reservations;

    public Skips(EmulatorContext context, Reservations reservations) {
        this.context = context;
        this.reservations = reservations;
    }

    /** The ids of the tasks this teammate skipped. */
    public Set<String> of(String accountId, String email) {
        return context.db().read(h -> SkipStore.of(h, accountId, email));
    }

    /** Puts a task aside for this teammate and gives their reservation of it back, in one transaction. */
    public void add(String accountId, String email, String taskId) {
        context.db().write(h -> {
            SkipStore.add(h, accountId, email, taskId, context.now());
            reservations.giveBack(h, taskId, email);
            return null;
        });
    }

    /** Brings every skipped task back (a new round). */
    public void clear(String accountId, String email) {
        context.db().write(h -> {
            SkipStore.clear(h, accountId, email);
            return null;
        });
    }
}
