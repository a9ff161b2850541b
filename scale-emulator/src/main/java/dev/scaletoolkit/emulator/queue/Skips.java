package dev.scaletoolkit.emulator.queue;

import dev.scaletoolkit.emulator.EmulatorContext;
import java.util.Set;

/**
 * The tasks each labeler put aside in the browser's queue ({@code ui_skips}); they come back only when nothing else
 * is left.
 */
public final class Skips {
    private final EmulatorContext context;

    public Skips(EmulatorContext context) {
        this.context = context;
    }

    /** The ids of the tasks this teammate skipped. */
    public Set<String> of(String accountId, String email) {
        return context.db().read(h -> SkipStore.of(h, accountId, email));
    }

    /** Puts a task aside for this teammate. */
    public void add(String accountId, String email, String taskId) {
        context.db().write(h -> {
            SkipStore.add(h, accountId, email, taskId, context.now());
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
