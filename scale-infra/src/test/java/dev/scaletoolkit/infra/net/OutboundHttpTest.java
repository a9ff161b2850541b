package dev.scaletoolkit.infra.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A pinned target is reached at the address that was checked, never at a fresh lookup of its name. */
class OutboundHttpTest {
    @Test
    void aPinnedRequestGoesToTheCheckedAddressWithTheNameKeptInHost() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<String> host = new AtomicReference<>();
        AtomicReference<String> path = new AtomicReference<>();
        server.createContext("/", ex -> {
            host.set(ex.getRequestHeaders().getFirst("Host"));
            path.set(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            // a name that resolves nowhere: only the pin can make this request arrive
            URI uri = URI.create("http://rebound.invalid:" + port + "/hook");
            Target pinned = new Target(uri, "rebound.invalid", InetAddress.getLoopbackAddress(), port, true);
            HttpResponse<Void> r = new OutboundHttp(Duration.ofSeconds(5))
                    .clientFor(pinned)
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(host.get()).isEqualTo("rebound.invalid:" + port);
            assertThat(path.get()).isEqualTo("/hook");
        } finally {
            server.stop(0);
        }
    }
}
