package dev.scaletoolkit.client.page;

/** Fetches the page that starts at a cursor (null for the first page). */
@FunctionalInterface
public interface PageFetcher<T> {
    Page<T> fetch(String cursor);
}
