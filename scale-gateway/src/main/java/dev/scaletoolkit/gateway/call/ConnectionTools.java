package dev.scaletoolkit.gateway.call;

import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.tools.LocalFiles;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleBackendException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tools bound to each connection, loaded once per connection and key (loading compiles every schema). A
 * rotated key or changed URL gets a fresh registry; the key itself only lives inside the backend.
 */
public final class ConnectionTools {
    /** A connection with its tools, and the same tools over a backend that records instead of writing. */
    public record Bound(
            Connection connection,
            ScaleBackend backend,
            ToolRegistry tools,
            ToolRegistry dryRun,
            DryRunBackend recorder) {}

    private static volatile ToolRegistry catalog;

    private final Connections connections;
    private final LocalFiles files;
    private final Map<String, Bound> cache = new ConcurrentHashMap<>();

    /** {@code files}: what remote callers may read and write on this machine (uploads, exports). */
    public ConnectionTools(Connections connections, LocalFiles files) {
        this.connections = connections;
        this.files = files;
    }

    /** The tools of the connection, opened now (so a rotated key is picked up). */
    public Bound bind(String connectionName) {
        Connection c = connections.require(connectionName);
        String cacheKey = c.name() + "|" + c.baseUrl() + "|" + Connections.fingerprint(c.apiKey());
        return cache.computeIfAbsent(cacheKey, k -> {
            ScaleBackend backend = ScaleBackend.http(c.baseUrl(), c.apiKey());
            DryRunBackend recorder = new DryRunBackend(backend);
            ToolRegistry tools = catalog().withFiles(files);
            return new Bound(c, backend, tools.withBackend(backend), tools.withBackend(recorder), recorder);
        });
    }

    /** The catalog alone (names, schemas, profiles), for listings and token scopes; it cannot reach Scale. */
    public static ToolRegistry catalog() {
        ToolRegistry c = catalog;
        if (c == null) {
            synchronized (ConnectionTools.class) {
                if (catalog == null) {
                    catalog = ToolRegistry.load(new ScaleBackend() {
                        @Override
                        public tools.jackson.databind.JsonNode send(
                                dev.scaletoolkit.tools.backend.ScaleRequest request) {
                            throw new ScaleBackendException(0, "the catalog is not bound to a connection", null);
                        }

                        @Override
                        public Download download(String path) {
                            throw new ScaleBackendException(0, "the catalog is not bound to a connection", null);
                        }
                    });
                }
                c = catalog;
            }
        }
        return c;
    }
}
