package dev.scaletoolkit.emulator.store;

import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parsed documents kept by their stored text, for the rows every create reads again (its project and batch).
 * The row is still read each time, so the cache can never be stale, on one node or on several sharing PostgreSQL:
 * a write anywhere changes the text and the next read parses it afresh. What it saves is the parse (and the
 * garbage of a project with a long {@code param_history}), which cost more than the read.
 *
 * <p>The documents handed out are shared: callers read them and never change them (copy first). When full, the
 * cache starts over, which drops superseded versions without bookkeeping.
 */
public final class ParsedDocs {
    private final int capacity;
    private final ConcurrentHashMap<String, ObjectNode> byText = new ConcurrentHashMap<>();

    /** A cache of at most {@code capacity} documents. */
    public ParsedDocs(int capacity) {
        this.capacity = capacity;
    }

    /** The document {@code text} parsed, from the cache when the same text was parsed before. Do not modify it. */
    public ObjectNode read(String text) {
        ObjectNode doc = byText.get(text);
        if (doc == null) {
            doc = Docs.read(text);
            if (byText.size() >= capacity) {
                byText.clear();
            }
            byText.put(text, doc);
        }
        return doc;
    }
}
