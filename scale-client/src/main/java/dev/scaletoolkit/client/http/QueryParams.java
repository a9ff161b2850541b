package dev.scaletoolkit.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Base of the query-string params classes, with {@code putExtraParam} for keys this SDK does not name. */
public abstract class QueryParams {
    private final List<Map.Entry<String, String>> query;

    /**
     * Used by the params subclasses.
     *
     * @param query the parameters, in order
     */
    protected QueryParams(List<Map.Entry<String, String>> query) {
        this.query = List.copyOf(query);
    }

    /**
     * The query parameters, in order; a key may repeat.
     *
     * @return name and value pairs
     */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /**
     * This query with {@code key} set to {@code value}, for the next page's cursor or offset.
     *
     * @param key the parameter name
     * @param value its new value
     * @return a new list; this query is unchanged
     */
    protected final List<Map.Entry<String, String>> replaced(String key, Object value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(query);
        copy.removeIf(e -> e.getKey().equals(key));
        copy.add(Map.entry(key, value.toString()));
        return copy;
    }

    /** Shared builder plumbing. */
    public abstract static class Builder<B extends Builder<B>> {
        /** The parameters added so far, in order. */
        protected final List<Map.Entry<String, String>> query = new ArrayList<>();

        /** For subclasses. */
        protected Builder() {}

        /**
         * This builder as its concrete type.
         *
         * @return this
         */
        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        /**
         * Adds a parameter, keeping earlier ones with the same name.
         *
         * @param key the parameter name
         * @param value written with {@code toString()}; null adds nothing
         * @return this builder
         */
        protected final B add(String key, Object value) {
            if (value != null) {
                query.add(Map.entry(key, value.toString()));
            }
            return self();
        }

        /**
         * Sets a parameter, dropping earlier ones with the same name.
         *
         * @param key the parameter name
         * @param value written with {@code toString()}; null only drops
         * @return this builder
         */
        protected final B replace(String key, Object value) {
            query.removeIf(e -> e.getKey().equals(key));
            return add(key, value);
        }

        /**
         * Any query parameter this SDK has no setter for.
         *
         * @param key the parameter name
         * @param value its value; null adds nothing
         * @return this builder
         */
        public B putExtraParam(String key, String value) {
            return add(key, value);
        }
    }
}
