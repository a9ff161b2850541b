package dev.scaletoolkit.emulator.control;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.DataReset;

/** What the control plane does to the whole emulator's data: count its writes and commits, and wipe it. */
public final class ControlPlane {
    private final EmulatorContext context;

    public ControlPlane(EmulatorContext context) {
        this.context = context;
    }

    /**
     * Writes and commits since start; writes / commits is how many writes shared each group commit (and its sync).
     *
     * @param commits transactions committed
     * @param writes writes that went into them
     */
    public record Stats(long commits, long writes) {}

    /** The group-commit counters. */
    public Stats stats() {
        long[] counts = context.db().writeCounts();
        return new Stats(counts[0], counts[1]);
    }

    /**
     * Deletes all data; accounts, keys and owners stay unless {@code keepAccounts} is false.
     *
     * @return how many accounts are left
     */
    public int reset(boolean keepAccounts) {
        int accounts = DataReset.run(context, keepAccounts);
        if (!keepAccounts) {
            context.apiKeys().invalidate();
        }
        return accounts;
    }
}
