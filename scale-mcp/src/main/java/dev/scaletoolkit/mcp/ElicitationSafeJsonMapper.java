package dev.scaletoolkit.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SDK's JSON mapper, except that an elicitation request is written as a plain map. With Jackson 3.2 the SDK's
 * {@code ElicitFormRequest} cannot be serialised (its {@code mode} is both the type id and a property, which
 * Jackson 3.2 refuses), so without this every elicitation fails and closes the session.
 */
public final class ElicitationSafeJsonMapper implements McpJsonMapper {
    private final McpJsonMapper delegate;

    /** Wraps {@code delegate} (normally {@link ScaleMcpServer#jsonMapper()}). */
    public ElicitationSafeJsonMapper(McpJsonMapper delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object from, Class<T> type) {
        return delegate.convertValue(plain(from), type);
    }

    @Override
    public <T> T convertValue(Object from, TypeRef<T> type) {
        return delegate.convertValue(plain(from), type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return delegate.writeValueAsString(plain(value));
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return delegate.writeValueAsBytes(plain(value));
    }

    private static Object plain(Object value) {
        if (value instanceof McpSchema.JSONRPCRequest r && r.params() instanceof McpSchema.ElicitFormRequest f) {
            return new McpSchema.JSONRPCRequest(r.jsonrpc(), r.method(), r.id(), asMap(f));
        }
        if (value instanceof McpSchema.ElicitFormRequest f) {
            return asMap(f);
        }
        return value;
    }

    private static Map<String, Object> asMap(McpSchema.ElicitFormRequest f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "form");
        m.put("message", f.message());
        m.put("requestedSchema", f.requestedSchema());
        if (f.meta() != null) {
            m.put("_meta", f.meta());
        }
        return m;
    }
}
