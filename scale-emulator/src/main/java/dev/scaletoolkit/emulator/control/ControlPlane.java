package dev.scaletoolkit.emulator.control;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.store.DataReset;

/**
 * What the control plane does to the whole emulator: report its background workers' health, count its writes and
 * commits, and wipe its data.
 */
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

    /** The background workers that failed and wait to run again (empty while all run). */
    public java.util.List<dev.scaletoolkit.infra.work.Supervisor.Worker> workersDown() {
        return context.supervisor().down();
    }

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
