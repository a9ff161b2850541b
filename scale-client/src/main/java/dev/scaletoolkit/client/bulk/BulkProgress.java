package dev.scaletoolkit.client.bulk;

/**
 * A snapshot during a bulk submission.
 *
 * @param total items in the input
 * @param done items finished (successfully or not), earlier runs included
 * @param failed items that failed
 * @param concurrency requests currently allowed in flight (it shrinks on 429 and grows back)
 */
public record BulkProgress(int total, int done, int failed, int concurrency) {}
