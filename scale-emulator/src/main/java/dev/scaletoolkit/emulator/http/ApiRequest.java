package dev.scaletoolkit.emulator.http;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.model.jackson.ScaleJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One API call as a route sees it: the caller, path parameters, lenient query parsing and the body.
 *
 * <p>Parsing follows what real Scale clients send: empty bodies on POST and DELETE, bare JSON arrays, form-encoded
 * {@code k[]=} arrays, booleans as {@code True} or {@code true}, repeated keys for lists, and empty values meaning
 * absent.
 */
public final class ApiRequest implements Query {
    /** JSON bodies above this are refused with 413 before they are parsed. */
    public static final int MAX_JSON_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServletRequest servlet;
    private final Caller caller;
    private final Map<String, String> pathParams;
    private JsonNode body;

    public ApiRequest(HttpServletRequest servlet, Caller caller, Map<String, String> pathParams) {
        this.servlet = servlet;
        this.caller = caller;
        this.pathParams = Map.copyOf(pathParams);
    }

    public Caller caller() {
        return caller;
    }

    public String method() {
        return servlet.getMethod();
    }

    public HttpServletRequest servlet() {
        return servlet;
    }

    public String path(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(servlet.getHeader(name)).filter(s -> !s.isBlank());
    }

    // ---- query ----

    @Override
    public String[] values(String key) {
        return servlet.getParameterValues(key);
    }

    static boolean parseBool(String name, String v) {
        return Fields.parseBool(name, v);
    }

    // ---- body ----

    /** The body as JSON: an empty body is an empty object, a form body becomes an object. 400 if malformed. */
    public JsonNode body() {
        if (body == null) {
            body = readBody();
        }
        return body;
    }

    /** The body as a JSON object; 400 if it is another JSON kind. */
    public ObjectNode bodyObject() {
        JsonNode node = body();
        if (!node.isObject()) {
            throw ApiError.badRequest("Request body must be a JSON object, got a JSON " + kind(node) + ".");
        }
        return (ObjectNode) node;
    }

    private JsonNode readBody() {
        String contentType =
                Optional.ofNullable(servlet.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return formToJson();
        }
        if (contentType.startsWith("multipart/")) {
            throw ApiError.badRequest("This endpoint takes a JSON body, not multipart/form-data.");
        }
        byte[] bytes = readLimited();
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return ScaleJson.mapper().createObjectNode();
        }
        try {
            return ScaleJson.mapper().readTree(text);
        } catch (JacksonException e) {
            String why = e.getOriginalMessage();
            throw ApiError.badRequest("Request body is not valid JSON: "
                    + (why == null ? "parse error" : why.lines().findFirst().orElse(why)));
        }
    }

    private byte[] readLimited() {
        long declared = servlet.getContentLengthLong();
        if (declared > MAX_JSON_BODY_BYTES) {
            throw ApiError.tooLarge(
                    "Request body is " + declared + " bytes; the limit is " + MAX_JSON_BODY_BYTES + ".");
        }
        // The stream stays open: ApiServlet reads what is left of a refused body so the client gets its 413.
        try {
            InputStream in = servlet.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.size() > MAX_JSON_BODY_BYTES) {
                    throw ApiError.tooLarge("Request body exceeds the limit of " + MAX_JSON_BODY_BYTES + " bytes.");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiError.badRequest("Request body could not be read: " + e.getMessage());
        }
    }

    /** {@code a=1&b[]=x&b[]=y} becomes {@code {"a":"1","b":["x","y"]}}; values stay strings. */
    private JsonNode formToJson() {
        ObjectNode out = ScaleJson.mapper().createObjectNode();
        for (Map.Entry<String, String[]> e : servlet.getParameterMap().entrySet()) {
            String key = e.getKey();
            if (servlet.getQueryString() != null && isQueryOnly(key)) {
                continue;
            }
            if (key.endsWith("[]")) {
                ArrayNode arr = out.putArray(key.substring(0, key.length() - 2));
                Arrays.stream(e.getValue()).forEach(arr::add);
            } else {
                out.put(key, e.getValue()[0]);
            }
        }
        return out;
    }

    private boolean isQueryOnly(String key) {
        for (String pair : servlet.getQueryString().split("&")) {
            if (pair.split("=", 2)[0].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** A JSON kind in words, for error messages. */
    public static String kind(JsonNode node) {
        return Fields.kind(node);
    }
}
