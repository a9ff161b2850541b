package dev.scaletoolkit.tools.backend;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One call to Scale's v1 API, relative to {@code /v1}. Built with the static factories and the {@code query}
 * methods; immutable once built.
 *
 * @param method HTTP method
 * @param path path under {@code /v1}, starting with {@code /}; name segments already encoded with {@link #segment}
 * @param query query parameters; a key with several values is sent repeated
 * @param body JSON body, or {@code null} for none
 * @param upload multipart upload, or {@code null}
 */
public record ScaleRequest(String method, String path, Map<String, List<String>> query, JsonNode body, Upload upload) {

    public ScaleRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        query = java.util.Collections.unmodifiableMap(copy);
    }

    /** A file sent as {@code multipart/form-data}: the part {@code file} plus plain form fields. */
    public record Upload(String fileName, String mimeType, byte[] content, Map<String, String> fields) {
        public Upload {
            fields = Map.copyOf(fields);
        }
    }

    public static ScaleRequest get(String path) {
        return new ScaleRequest("GET", path, Map.of(), null, null);
    }

    public static ScaleRequest post(String path, JsonNode body) {
        return new ScaleRequest("POST", path, Map.of(), body, null);
    }

    public static ScaleRequest put(String path, JsonNode body) {
        return new ScaleRequest("PUT", path, Map.of(), body, null);
    }

    public static ScaleRequest delete(String path, JsonNode body) {
        return new ScaleRequest("DELETE", path, Map.of(), body, null);
    }

    public static ScaleRequest upload(String path, Upload upload) {
        return new ScaleRequest("POST", path, Map.of(), null, upload);
    }

    /** Adds a query parameter; {@code null} values are skipped so optional filters can be passed as they are. */
    public ScaleRequest query(String key, Object value) {
        if (value == null) {
            return this;
        }
        return queryAll(key, List.of(String.valueOf(value)));
    }

    /** Adds a repeated query parameter; an empty list adds nothing. */
    public ScaleRequest queryAll(String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        Map<String, List<String>> next = new LinkedHashMap<>(query);
        List<String> all = new ArrayList<>(next.getOrDefault(key, List.of()));
        all.addAll(values);
        next.put(key, all);
        return new ScaleRequest(method, path, next, body, upload);
    }

    /** Percent-encodes a name for use as one path segment (spaces and slashes included), as Scale's SDK does. */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
