package dev.scaletoolkit.emulator.journal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The most recent {@code /v1} requests, newest first, so a test can check what its integration sent (as WireMock's
 * request journal does). Bounded in entries and in bytes: the oldest entries go first. In memory only; a restart
 * starts it empty.
 */
public final class RequestJournal {
    public static final int DEFAULT_MAX_ENTRIES = 1000;
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private final int maxEntries;
    private final long maxBytes;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private long bytes;
    private long nextSeq = 1;

    public RequestJournal() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    public RequestJournal(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** Adds an entry (its {@code seq} is assigned here) and drops the oldest ones beyond the bounds (the newest is always kept). */
    public synchronized JournalEntry add(JournalEntry entry) {
        JournalEntry stored = new JournalEntry(
                nextSeq++,
                entry.requestId(),
                entry.time(),
                entry.method(),
                entry.path(),
                entry.query(),
                entry.status(),
                entry.latencyMillis(),
                entry.requestBody(),
                entry.responseBody());
        entries.addFirst(stored);
        bytes += stored.weight();
        while (entries.size() > 1 && (entries.size() > maxEntries || bytes > maxBytes)) {
            bytes -= entries.removeLast().weight();
        }
        return stored;
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** What to list: every criterion is optional (null). */
    public record Query(
            String method, String pathPrefix, Integer status, Instant since, Instant until, Long before, int limit) {
        Predicate<JournalEntry> predicate() {
            return e -> (method == null || method.equalsIgnoreCase(e.method()))
                    && (pathPrefix == null || e.path().startsWith(pathPrefix))
                    && (status == null || matchesStatus(status, e.status()))
                    && (since == null || !e.time().isBefore(since))
                    && (until == null || e.time().isBefore(until))
                    && (before == null || e.seq() < before);
        }

        /** 400 matches 400 only; 4 matches every 4xx. */
        private static boolean matchesStatus(int wanted, int actual) {
            return wanted < 10 ? actual / 100 == wanted : actual == wanted;
        }
    }

    /** A page of entries, newest first, and the cursor of the next page (null at the end). */
    public record Page(List<JournalEntry> entries, Long nextCursor) {}

    public synchronized Page list(Query query) {
        List<JournalEntry> out = new ArrayList<>();
        Predicate<JournalEntry> keep = query.predicate();
        Iterator<JournalEntry> it = entries.iterator();
        while (it.hasNext()) {
            JournalEntry e = it.next();
            if (!keep.test(e)) {
                continue;
            }
            if (out.size() == query.limit()) {
                return new Page(out, out.get(out.size() - 1).seq());
            }
            out.add(e);
        }
        return new Page(out, null);
    }
}
