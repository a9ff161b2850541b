package dev.scaletoolkit.emulator.journal;

import java.time.Instant;

/**
 * One {@code /v1} request as the journal keeps it: bodies cut to size but not yet redacted. Secrets are removed by
 * {@link #redacted()} when an entry is read, not on every request: redacting parses each JSON body and runs
 * patterns over it, which cost a sixth of a create's CPU when done eagerly, and almost no entry is ever read. The
 * raw text stays in this process's memory only, which already held it while serving the request.
 *
 * @param seq position in the journal, increasing; the cursor of the listing
 * @param requestBody the body as sent (JSON text, form text or a note such as "[multipart body, 123 bytes]"), or
 *     null when there was none
 */
public record JournalEntry(
        long seq,
        String requestId,
        Instant time,
        String method,
        String path,
        String query,
        int status,
        long latencyMillis,
        String requestBody,
        String responseBody) {

    /** The entry as it may be shown: API keys, tokens and secret-named JSON fields replaced. */
    JournalEntry redacted() {
        return new JournalEntry(
                seq,
                requestId,
                time,
                method,
                Redaction.text(path),
                Redaction.query(query),
                status,
                latencyMillis,
                Redaction.body(requestBody),
                Redaction.body(responseBody));
    }

    /** Roughly what the entry costs in memory, for the journal's byte bound. */
    long weight() {
        return 200L + length(path) + length(query) + length(requestBody) + length(responseBody);
    }

    private static long length(String s) {
        return s == null ? 0 : 2L * s.length();
    }
}
