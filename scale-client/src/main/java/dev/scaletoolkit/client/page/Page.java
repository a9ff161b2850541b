package dev.scaletoolkit.client.page;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing: its items and the cursor of the next page (a {@code next_token}, an offset or a file
 * cursor, depending on the endpoint), empty on the last page.
 *
 * @param items the page's items, in Scale's order
 * @param nextCursor where the next page starts, or null when this is the last page
 * @param total the number of matching items across all pages, when the endpoint reports it
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor, Long total) {
    /**
     * Copies the items so the page stays immutable.
     *
     * @param items the page's items; null reads as none
     * @param nextCursor where the next page starts, or null
     * @param total the total across pages, or null
     */
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * Whether another page follows.
     *
     * @return true when {@link #nextCursor()} is set
     */
    public boolean hasNext() {
        return nextCursor != null;
    }

    /**
     * The total across all pages, when the endpoint reports it.
     *
     * @return the total, or empty
     */
    public Optional<Long> totalCount() {
        return Optional.ofNullable(total);
    }
}
