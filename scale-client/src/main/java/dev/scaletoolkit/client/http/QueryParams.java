package dev.scaletoolkit.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Base of the query-string params classes, with {@code putExtraParam} for keys this SDK does not name. */
public abstract class QueryParams {
    private final List<Map.Entry<String, String>> query;

    protected QueryParams(List<Map.Entry<String, String>> query) {
        this.query = List.copyOf(query);
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** This query with {@code key} set to {@code value} (for the next page's cursor or offset). */
    protected final List<Map.Entry<String, String>> replaced(String key, Object value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(query);
        copy.removeIf(e -> e.getKey().equals(key));
        copy.add(Map.entry(key, value.toString()));
        return copy;
    }

    /** Shared builder plumbing. */
    public abstract static class Builder<B extends Builder<B>> {
        protected final List<Map.Entry<String, String>> query = new ArrayList<>();

        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        protected final B add(String key, Object value) {
            if (value != null) {
                query.add(Map.entry(key, value.toString()));
            }
            return self();
        }

        protected final B replace(String key, Object value) {
            query.removeIf(e -> e.getKey().equals(key));
            return add(key, value);
        }

        /** Any query parameter this SDK has no setter for. */
        public B putExtraParam(String key, String value) {
            return add(key, value);
        }
    }
}
