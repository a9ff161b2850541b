package dev.scaletoolkit.gateway.audit;

import dev.scaletoolkit.gateway.Hashing;
import dev.scaletoolkit.gateway.settings.SettingsStore;
import dev.scaletoolkit.infra.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The append-only, hash-chained record of every tool call. Each entry's hash covers its fields and the previous
 * entry's hash; the head (last sequence number and hash) is also kept in {@code gw_settings} and, outside the
 * database, in an owner-only file beside it ({@link AuditHeadFile}), so removing the newest entries is noticed even
 * when the copy in {@code gw_settings} is removed or rewritten along with them. {@link #verify} names the first
 * entry that was changed or removed.
 */
public final class AuditTrail {
    static final String HEAD = "audit_head";

    private final Database db;
    private final SettingsStore settings;
    private final AuditHeadFile headFile;

    /** The trail in {@code db}, its head also recorded in the file {@code audit-head} in {@code home}. */
    public AuditTrail(Database db, SettingsStore settings, Path home) {
        this.db = db;
        this.settings = settings;
        this.headFile = new AuditHeadFile(home.resolve(AuditHeadFile.NAME));
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

    /** Appends one entry (in one transaction with the head in {@code gw_settings}), then records the head file. */
    public AuditEntry append(Call c) {
        AuditEntry appended = db.write(h -> {
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
        headFile.advanceTo(new AuditHeadFile.Head(appended.seq(), appended.entryHash()));
        return appended;
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

    /**
     * The result of {@link #verify}: intact, or the first bad entry (null when no single entry can be named) and what
     * is wrong with it; {@code warning} says what could not be checked (null when everything could).
     */
    public record Verification(boolean intact, long entries, Long firstBadSeq, String problem, String warning) {}

    /** Checks every link, the head in {@code gw_settings} and the head file; an intact trail's head is recorded. */
    public Verification verify() {
        AuditHeadFile.Reading anchor = headFile.read();
        long anchorSeq = anchor.head().map(AuditHeadFile.Head::seq).orElse(0L);
        AtomicReference<String> anchoredEntryHash = new AtomicReference<>();
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
                if (e.seq() == anchorSeq) {
                    anchoredEntryHash.set(e.entryHash());
                }
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
            AuditEntry tail = previous.get();
            String actual = tail == null ? null : tail.seq() + ":" + tail.entryHash();
            if (head.isPresent() && !head.get().equals(actual)) {
                long headSeq = recordedSeq(head.get());
                long lastSeq = tail == null ? 0 : tail.seq();
                if (headSeq < 0) {
                    problem.set("the head recorded in the database is not a head (" + HEAD + " was rewritten)");
                } else if (headSeq > lastSeq) {
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
        AuditEntry last = previous.get();
        long lastSeq = last == null ? 0 : last.seq();
        String warning = null;
        if (problem.get() == null) {
            if (anchor.unreadable()) {
                problem.set("the head file " + headFile.path() + " does not hold a head (it was edited or damaged)");
            } else if (anchor.head().isPresent() && anchorSeq > lastSeq) {
                badSeq.set(lastSeq + 1);
                problem.set(
                        "entry " + (lastSeq + 1) + (anchorSeq - lastSeq == 1 ? " was" : " to " + anchorSeq + " were")
                                + " removed from the end of the trail (the head file records entry " + anchorSeq + ")");
            } else if (anchor.head().isPresent()
                    && !Hashing.sameHex(anchor.head().get().hash(), String.valueOf(anchoredEntryHash.get()))) {
                badSeq.set(anchorSeq);
                problem.set("entry " + anchorSeq + " or an earlier one was rewritten (entry " + anchorSeq
                        + " differs from the head file)");
            } else if (anchor.missing() && last != null) {
                warning = "the head file " + headFile.path() + " was missing, so removal of the newest entries"
                        + " could only be checked against the database; it now records entry " + lastSeq;
            }
        }
        if (problem.get() == null && last != null) {
            headFile.advanceTo(new AuditHeadFile.Head(last.seq(), last.entryHash()));
        }
        return new Verification(problem.get() == null, count[0], badSeq.get(), problem.get(), warning);
    }

    /** The sequence number in a head {@code seq:hash}, or -1 when the text is not one. */
    private static long recordedSeq(String head) {
        int colon = head.indexOf(':');
        try {
            return colon > 0 ? Long.parseLong(head.substring(0, colon)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
