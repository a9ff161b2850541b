package dev.scaletoolkit.client.page;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a listing, page after page, fetched lazily as the iteration goes. Each {@link #iterator()} starts
 * again from the first page. A cursor that repeats stops the walk instead of looping for ever.
 */
public final class AutoPager<T> implements Iterable<T> {
    private final PageFetcher<T> fetcher;
    private final String firstCursor;

    /**
     * A pager starting at a cursor.
     *
     * @param fetcher fetches the page at a cursor
     * @param firstCursor where to start, null for the first page
     */
    public AutoPager(PageFetcher<T> fetcher, String firstCursor) {
        this.fetcher = fetcher;
        this.firstCursor = firstCursor;
    }

    /**
     * A pager starting at the first page.
     *
     * @param fetcher fetches the page at a cursor
     */
    public AutoPager(PageFetcher<T> fetcher) {
        this(fetcher, null);
    }

    /** A new walk from the first page; pages are fetched as the iteration reaches them. */
    @Override
    public Iterator<T> iterator() {
        return new Walker();
    }

    /**
     * The items as a sequential, lazy stream.
     *
     * @return a stream that fetches pages as it goes
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    private final class Walker implements Iterator<T> {
        private final Deque<T> buffer = new ArrayDeque<>();
        private final Set<String> seenCursors = new HashSet<>();
        private String cursor = firstCursor;
        private boolean done;

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty()) {
                if (done) {
                    return false;
                }
                Page<T> page = fetcher.fetch(cursor);
                buffer.addAll(page.items());
                String next = page.nextCursor();
                // a cursor we already used would loop for ever: treat it as the end
                if (next == null || !seenCursors.add(next)) {
                    done = true;
                } else {
                    cursor = next;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.poll();
        }
    }
}
