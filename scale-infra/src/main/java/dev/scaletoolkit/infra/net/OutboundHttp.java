package dev.scaletoolkit.infra.net;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JDK {@link HttpClient}s that honour a {@link Target}'s pin: one client for unpinned targets and one per pinned
 * address (a few are kept; senders talk to few receivers). Redirects are never followed, so every hop would have
 * to pass the policy again.
 */
public final class OutboundHttp {
    private static final int KEPT = 32;

    private final Duration connectTimeout;
    /** Made on first use: building a client (selector thread, TLS context) is a visible part of a server's start. */
    private volatile HttpClient direct;

    private final Map<InetSocketAddress, HttpClient> pinned = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, HttpClient> eldest) {
            return size() > KEPT;
        }
    };

    public OutboundHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The client to send a request for {@code target} with. */
    public HttpClient clientFor(Target target) {
        if (!target.pinned()) {
            HttpClient c = direct;
            if (c == null) {
                synchronized (pinned) {
                    c = direct;
                    if (c == null) {
                        c = builder().build();
                        direct = c;
                    }
                }
            }
            return c;
        }
        synchronized (pinned) {
            return pinned.computeIfAbsent(
                    target.socketAddress(),
                    a -> builder().proxy(ProxySelector.of(a)).build());
        }
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
    }
}
