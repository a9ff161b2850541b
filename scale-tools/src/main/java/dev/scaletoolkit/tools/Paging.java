package dev.scaletoolkit.tools;

import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pages for listings, sized for an agent's context: every listing tool takes {@code limit} (default
 * {@value #DEFAULT_LIMIT}) and answers {@code next_token} (null on the last page), whether Scale pages the endpoint
 * itself (tasks by token, batches by offset) or returns everything at once (projects, teammates, Studio batches),
 * which {@link #local} pages here.
 */
public final class Paging {
    /** Items per page when the agent gives no {@code limit}. */
    public static final int DEFAULT_LIMIT = 20;

    private static final Pattern OFFSET_TOKEN = Pattern.compile("^o(\\d{1,9})$");

    private Paging() {}

    /** The page size: {@code limit} or {@value #DEFAULT_LIMIT}. */
    public static int limit(ToolCall call) {
        Integer limit = call.integer("limit");
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** The offset an offset-based {@code next_token} stands for (0 when none was given). */
    public static int offset(ToolCall call) {
        String token = call.string("next_token");
        if (token == null) {
            return 0;
        }
        var m = OFFSET_TOKEN.matcher(token.trim());
        if (!m.matches()) {
            throw new ToolInputException("next_token", "the next_token of the previous page of this listing");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The {@code next_token} of the page after the one at {@code nextOffset}. */
    public static String token(int nextOffset) {
        return "o" + nextOffset;
    }

    /**
     * Keeps one page of {@code listData.docs} (from the offset in {@code next_token}, {@code limit} items) and adds
     * {@code total} and {@code next_token}, for endpoints that return every item at once.
     */
    public static ObjectNode local(ObjectNode listData, ToolCall call) {
        ArrayNode all = (ArrayNode) listData.get("docs");
        int offset = offset(call);
        int limit = limit(call);
        ArrayNode page = listData.arrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            page.add(all.get(i));
        }
        listData.set("docs", page);
        listData.put("total", all.size());
        if (offset + limit < all.size()) {
            listData.put("next_token", token(offset + limit));
        } else {
            listData.putNull("next_token");
        }
        return listData;
    }
}
