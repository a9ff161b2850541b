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

    public static Builder builder(String method, String baseUrl, String path) {
        Builder b = new Builder();
        b.method = method;
        b.baseUrl = baseUrl;
        b.path = path;
        return b;
    }

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

    public String method() {
        return method;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The path below the base URL, already percent-encoded, e.g. {@code /batches/my%20batch}. */
    public String path() {
        return path;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or null for none. */
    public RequestBody body() {
        return body;
    }

    /** Whether sending this request twice has the same effect as sending it once. */
    public boolean idempotent() {
        return idempotent;
    }

    /** For a task create, the {@code unique_id} it carries (which makes retrying it safe); otherwise null. */
    public String createUniqueId() {
        return createUniqueId;
    }

    /** The caller's deadline, or null for none. */
    public Instant deadline() {
        return deadline;
    }

    /** A per-call override of the retry budget, or null to use the policy's. */
    public Integer maxRetries() {
        return maxRetries;
    }

    /** The full URI, query included. */
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

    /** {@code METHOD /path}, for messages (no query, no headers). */
    public String describe() {
        return method + " " + path;
    }

    /** Percent-encodes a query value or a path segment with no safe characters (a space becomes %20). */
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

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder clearQuery() {
            query.clear();
            return this;
        }

        public Builder query(String name, String value) {
            if (value != null) {
                query.add(Map.entry(name, value));
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(RequestBody body) {
            this.body = body;
            return this;
        }

        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public Builder createUniqueId(String uniqueId) {
            this.createUniqueId = uniqueId;
            return this;
        }

        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder maxRetries(Integer maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public ScaleRequest build() {
            return new ScaleRequest(this);
        }
    }
}
