package dev.scaletoolkit.emulator.journal;

import java.time.Instant;

/**
 * One {@code /v1} request as the journal keeps it: secrets already removed, bodies already cut to size.
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

    /** Roughly what the entry costs in memory, for the journal's byte bound. */
    long weight() {
        return 200L + length(path) + length(query) + length(requestBody) + length(responseBody);
    }

    private static long length(String s) {
        return s == null ? 0 : 2L * s.length();
    }
}
