package dev.scaletoolkit.emulator.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parsed documents kept by their stored text, for the rows every create reads again (its project and batch).
 * The row is still read each time, so the cache can never be stale, on one node or on several sharing PostgreSQL:
 * a write anywhere changes the text and the next read parses it afresh. What it saves is the parse (and the
 * garbage of a project with a long {@code param_history}), which cost more than the read.
 *
 * <p>The documents handed out are shared: callers read them and never change them (copy first). When full, the
 * cache starts over, which drops superseded versions without bookkeeping. Full counts characters as well as
 * documents: projects may be megabytes each, and a count alone would let a thousand of them fill the heap.
 */
public final class ParsedDocs {
    private final int capacity;
    private final long maxChars;
    private final ConcurrentHashMap<String, ObjectNode> byText = new ConcurrentHashMap<>();
    private final AtomicLong chars = new AtomicLong();

    /** A cache of at most {@code capacity} documents whose texts hold at most {@code maxChars} characters in all. */
    public ParsedDocs(int capacity, long maxChars) {
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /** The document {@code text} parsed, from the cache when the same text was parsed before. Do not modify it. */
    public ObjectNode read(String text) {
        ObjectNode doc = byText.get(text);
        if (doc == null) {
            doc = Docs.read(text);
            if (text.length() > maxChars) {
                return doc; // larger than the whole budget: parsed each time, never kept
            }
            if (byText.size() >= capacity || chars.addAndGet(text.length()) > maxChars) {
                byText.clear();
                chars.set(text.length());
            }
            byText.put(text, doc);
        }
        return doc;
    }
}
