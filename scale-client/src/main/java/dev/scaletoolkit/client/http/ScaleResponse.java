package dev.scaletoolkit.client.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A raw HTTP answer: status, headers (keys lower-cased) and body bytes.
 *
 * @param status the HTTP status
 * @param headers the headers, names in lower case
 * @param body the body bytes (empty, never null)
 */
public record ScaleResponse(int status, Map<String, List<String>> headers, byte[] body) {
    /**
     * Lower-cases header names and copies them, so lookups ignore case and the record stays immutable.
     *
     * @param status the HTTP status
     * @param headers the headers as received
     * @param body the body, or null for none
     */
    public ScaleResponse {
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
                }
            });
        }
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return its first value, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ScaleResponse[status=" + status + ", " + body.length + " bytes]";
    }
}
