package dev.scaletoolkit.gateway.audit;

import dev.scaletoolkit.gateway.Hashing;
import dev.scaletoolkit.gateway.settings.SettingsStore;
import dev.scaletoolkit.infra.store.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The append-only, hash-chained record of every tool call. Each entry's hash covers its fields and the previous
 * entry's hash; the head (last sequence number and hash) is also kept in {@code gw_settings}, so removing the
 * newest entries is noticed too. {@link #verify} names the first entry that was changed or removed.
 */
public final class AuditTrail {
    static final String HEAD = "audit_head";

    private final Database db;
    private final SettingsStore settings;

    public AuditTrail(Database db, SettingsStore settings) {
        this.db = db;
        this.settings = settings;
    }

    /** What is appended: the entry without its place in the chain. */
    public record Call(
            long atMs,
            String caller,
            String connection,
            String tool,
            String arguments,
            String outcome,
            String errorCode,
            long latencyMs,
            long costMicros,
            String confirmation) {}

    public AuditEntry append(Call c) {
        return db.write(h -> {
            Optional<AuditEntry> last = AuditStore.last(h);
            long seq = last.map(e -> e.seq() + 1).orElse(1L);
            String prev = last.map(AuditEntry::entryHash).orElse(AuditEntry.GENESIS);
            AuditEntry draft = new AuditEntry(
                    seq,
                    c.atMs(),
                    c.caller(),
                    c.connection(),
                    c.tool(),
                    c.arguments(),
                    c.outcome(),
                    c.errorCode(),
                    c.latencyMs(),
                    c.costMicros(),
                    c.confirmation(),
                    prev,
                    null);
            AuditEntry entry = draft.withHash(Hashing.sha256(draft.hashedText()));
            AuditStore.insert(h, entry);
            settings.put(h, HEAD, entry.seq() + ":" + entry.entryHash());
            return entry;
        });
    }

    public List<AuditEntry> newest(int limit) {
        return db.read(h -> AuditStore.newest(h, limit));
    }

    /** Writes every entry as one JSON object per line, oldest first. */
    public void exportJsonl(PrintWriter out) {
        db.read(h -> {
            AuditStore.each(h, e -> out.println(e.toJson().toString()));
            return null;
        });
        out.flush();
    }

    /** The result of {@link #verify}: intact, or the first bad entry and what is wrong with it. */
    public record Verification(boolean intact, long entries, Long firstBadSeq, String problem) {}

    public Verification verify() {
        AtomicReference<String> problem = new AtomicReference<>();
        AtomicReference<Long> badSeq = new AtomicReference<>();
        long[] count = {0};
        AtomicReference<AuditEntry> previous = new AtomicReference<>();
        db.read(h -> {
            AuditStore.each(h, e -> {
                if (problem.get() != null) {
                    return;
                }
                count[0]++;
                AuditEntry prev = previous.get();
                long expectedSeq = prev == null ? 1 : prev.seq() + 1;
                String expectedPrev = prev == null ? AuditEntry.GENESIS : prev.entryHash();
                if (e.seq() != expectedSeq) {
                    badSeq.set(expectedSeq);
                    problem.set("entry " + expectedSeq + (e.seq() - expectedSeq == 1 ? " was" : " and later ones were")
                            + " removed (the next entry is " + e.seq() + ")");
                } else if (!e.prevHash().equals(expectedPrev)) {
                    badSeq.set(e.seq());
                    problem.set("entry " + e.seq() + " does not follow entry " + (e.seq() - 1)
                            + " (its previous hash differs)");
                } else if (!Hashing.sameHex(
                        e.entryHash(), Hashing.sha256(e.withHash(null).hashedText()))) {
                    badSeq.set(e.seq());
                    problem.set("entry " + e.seq() + " was changed (its content no longer matches its hash)");
                }
                previous.set(e);
            });
            return null;
        });
        if (problem.get() == null) {
            Optional<String> head = settings.get(HEAD);
            AuditEntry last = previous.get();
            String actual = last == null ? null : last.seq() + ":" + last.entryHash();
            if (head.isPresent() && !head.get().equals(actual)) {
                long headSeq = Long.parseLong(head.get().split(":")[0]);
                long lastSeq = last == null ? 0 : last.seq();
                if (headSeq > lastSeq) {
                    badSeq.set(lastSeq + 1);
                    problem.set(
                            "entry " + (lastSeq + 1) + (headSeq - lastSeq == 1 ? " was" : " to " + headSeq + " were")
                                    + " removed from the end of the trail");
                } else {
                    badSeq.set(headSeq);
                    problem.set("entry " + headSeq + " was changed (the recorded head differs)");
                }
            }
        }
        return new Verification(problem.get() == null, count[0], badSeq.get(), problem.get());
    }
}
