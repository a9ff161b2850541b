package dev.scaletoolkit.client.page;

/**
 * Fetches the page that starts at a cursor (null for the first page).
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
    /**
     * Fetches one page.
     *
     * @param cursor where the page starts, or null for the first
     * @return the page
     */
    Page<T> fetch(String cursor);
}
