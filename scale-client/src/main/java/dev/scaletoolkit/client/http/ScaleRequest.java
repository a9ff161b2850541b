package dev.scaletoolkit.client.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One call to Scale, before it is sent: method, base URL, path and query, headers, an optional body, and what
 * the retry layer must know about it (whether repeating it is safe, the task {@code unique_id} of a create, the
 * caller's deadline). {@link #toString()} never shows header values, so the API key cannot leak through it.
 */
public final class ScaleRequest {
    private final String method;
    private final String baseUrl;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final RequestBody body;
    private final boolean idempotent;
    private final String createUniqueId;
    private final Instant deadline;
    private final Integer maxRetries;

    private ScaleRequest(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method").toUpperCase(Locale.ROOT);
        this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
        this.path = Objects.requireNonNull(b.path, "path");
        this.query = List.copyOf(b.query);
        this.headers = Map.copyOf(b.headers);
        this.body = b.body;
        this.idempotent = b.idempotent;
        this.createUniqueId = b.createUniqueId;
        this.deadline = b.deadline;
        this.maxRetries = b.maxRetries;
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method
     * @param baseUrl the API root, e.g. {@code https://api.scale.com/v1}
     * @param path the path below it, already percent-encoded
     * @return a builder with no query, headers or body
     */
    public static Builder builder(String method, String baseUrl, String path) {
        Builder b = new Builder();
        b.method = method;
        b.baseUrl = baseUrl;
        b.path = path;
        return b;
    }

    /**
     * A builder starting from this request, for a transport or retry layer that changes one part.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = builder(method, baseUrl, path);
        b.query.addAll(query);
        b.headers.putAll(headers);
        b.body = body;
        b.idempotent = idempotent;
        b.createUniqueId = createUniqueId;
        b.deadline = deadline;
        b.maxRetries = maxRetries;
        return b;
    }

    /**
     * The HTTP method.
     *
     * @return {@code GET}, {@code POST}…
     */
    public String method() {
        return method;
    }

    /**
     * The API root the path is appended to.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The path below the base URL, already percent-encoded.
     *
     * @return for example {@code /batches/my%20batch}
     */
    public String path() {
        return path;
    }

    /**
     * The query parameters, in order; a key may repeat.
     *
     * @return name and value pairs, not yet encoded
     */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /**
     * The headers set so far.
     *
     * @return header names to values
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The body.
     *
     * @return the body, or null for none
     */
    public RequestBody body() {
        return body;
    }

    /**
     * Whether sending this request twice has the same effect as sending it once, so the retry layer may resend it.
     *
     * @return true when a resend is safe
     */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * For a task create, the {@code unique_id} it carries, which makes retrying it safe.
     *
     * @return the id, or null for any other request
     */
    public String createUniqueId() {
        return createUniqueId;
    }

    /**
     * The instant by which the whole call, retries included, must end.
     *
     * @return the deadline, or null for none
     */
    public Instant deadline() {
        return deadline;
    }

    /**
     * A per-call override of the retry budget.
     *
     * @return the number of retries, or null to use the policy's
     */
    public Integer maxRetries() {
        return maxRetries;
    }

    /**
     * The full URI, query included.
     *
     * @return base URL, path and encoded query
     */
    public URI uri() {
        StringBuilder sb =
                new StringBuilder(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        sb.append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /**
     * The request as it is named in messages and logs: no query, no headers, so nothing secret.
     *
     * @return {@code METHOD /path}
     */
    public String describe() {
        return method + " " + path;
    }

    /**
     * Percent-encodes a query value or a path segment, leaving no reserved character as it is.
     *
     * @param value the raw text
     * @return the encoded text (a space becomes {@code %20})
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
    }

    @Override
    public String toString() {
        return "ScaleRequest[" + describe() + ", headers=" + headers.keySet() + "]";
    }

    /** Builds a {@link ScaleRequest}. */
    public static final class Builder {
        private String method;
        private String baseUrl;
        private String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RequestBody body;
        private boolean idempotent;
        private String createUniqueId;
        private Instant deadline;
        private Integer maxRetries;

        private Builder() {}

        /**
         * Replaces the path.
         *
         * @param path the path below the base URL, already percent-encoded
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Removes every query parameter.
         *
         * @return this builder
         */
        public Builder clearQuery() {
            query.clear();
            return this;
        }

        /**
         * Adds a query parameter; call again with the same name to repeat it.
         *
         * @param name the parameter name
         * @param value its value, not yet encoded; null adds nothing
         * @return this builder
         */
        public Builder query(String name, String value) {
            if (value != null) {
                query.add(Map.entry(name, value));
            }
            return this;
        }

        /**
         * Sets a header, replacing an earlier value.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Sets the body.
         *
         * @param body the body, or null for none
         * @return this builder
         */
        public Builder body(RequestBody body) {
            this.body = body;
            return this;
        }

        /**
         * Marks whether a resend is safe.
         *
         * @param idempotent true when sending twice equals sending once
         * @return this builder
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /**
         * Marks a task create with its {@code unique_id}.
         *
         * @param uniqueId the id, or null
         * @return this builder
         */
        public Builder createUniqueId(String uniqueId) {
            this.createUniqueId = uniqueId;
            return this;
        }

        /**
         * Sets the instant by which the whole call must end.
         *
         * @param deadline the deadline, or null for none
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Overrides the retry budget for this request.
         *
         * @param maxRetries the number of retries, or null for the policy's
         * @return this builder
         */
        public Builder maxRetries(Integer maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public ScaleRequest build() {
            return new ScaleRequest(this);
        }
    }
}
