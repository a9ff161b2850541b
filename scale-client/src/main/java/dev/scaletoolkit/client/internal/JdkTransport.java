package dev.scaletoolkit.client.internal;

import dev.scaletoolkit.client.error.ScaleException;
import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.http.ScaleRequest;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.http.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The transport on {@link java.net.http.HttpClient}. Every request has a connect timeout and a read timeout (cut
 * short by the caller's deadline); redirects are not followed here, because a redirect to storage must not carry
 * the API key (the file service follows them itself).
 *
 * <p>Two JDK clients are made on first use, one per scheme: {@code https://} targets get the JDK's default TLS
 * setup, plain {@code http://} targets (a local emulator) a client that never loads the CA store, so a short command
 * against a local server does not pay for TLS it will not use.
 */
public final class JdkTransport implements Transport {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;
    private final java.util.concurrent.Executor executor;
    private volatile HttpClient plain;
    private volatile HttpClient tls;

    /**
     * A transport; no connection or TLS setup happens until the first request.
     *
     * @param connectTimeout the limit on opening a connection
     * @param readTimeout the limit on waiting for an answer, unless the caller's deadline is sooner
     * @param clock tells the time left before a request's deadline
     */
    public JdkTransport(Duration connectTimeout, Duration readTimeout, Clock clock) {
        this(connectTimeout, readTimeout, clock, null);
    }

    /**
     * A transport whose asynchronous answers are handed to the caller's executor.
     *
     * @param connectTimeout the limit on opening a connection
     * @param readTimeout the limit on waiting for an answer, unless the caller's deadline is sooner
     * @param clock tells the time left before a request's deadline
     * @param executor runs the HttpClient's asynchronous work, or null for its own pool
     */
    public JdkTransport(
            Duration connectTimeout, Duration readTimeout, Clock clock, java.util.concurrent.Executor executor) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = executor;
    }

    /** The client for this target: any scheme other than plain http gets the default TLS setup. */
    private HttpClient clientFor(URI uri) {
        boolean plainHttp = NoTlsContext.isPlainHttp(uri.toString());
        HttpClient client = plainHttp ? plain : tls;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (plainHttp) {
                if (plain == null) {
                    plain = newClient(uri);
                }
                return plain;
            }
            if (tls == null) {
                tls = newClient(uri);
            }
            return tls;
        }
    }

    private HttpClient newClient(URI target) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if (NoTlsContext.isPlainHttp(target.toString())) {
            // Over plain http the JDK's default (HTTP/2) sends every new connection's first request as an h2c
            // upgrade offer, which a local emulator declines; asking for HTTP/1.1 keeps each request to one plain
            // exchange (measured: bench --sdk). Over https HTTP/2 is negotiated by ALPN and stays the default.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (executor != null) {
            builder.executor(executor);
        }
        return NoTlsContext.clientFor(target.toString(), builder);
    }

    @Override
    public ScaleResponse execute(ScaleRequest request) {
        HttpRequest built = build(request);
        try {
            HttpResponse<byte[]> response = clientFor(built.uri()).send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new ScaleResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw ioError(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaleException("interrupted during " + request.describe(), e);
        }
    }

    @Override
    public CompletableFuture<ScaleResponse> executeAsync(ScaleRequest request) {
        HttpRequest built;
        try {
            built = build(request);
        } catch (ScaleException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<byte[]>> sent =
                clientFor(built.uri()).sendAsync(built, HttpResponse.BodyHandlers.ofByteArray());
        java.util.function.BiFunction<HttpResponse<byte[]>, Throwable, ScaleResponse> answer = (response, error) -> {
            if (error == null) {
                return new ScaleResponse(
                        response.statusCode(), response.headers().map(), response.body());
            }
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof IOException io) {
                throw ioError(request, io);
            }
            throw new ScaleException("failed during " + request.describe(), cause);
        };
        // The JDK completes sendAsync's future on CompletableFuture's default pool, whatever the client's executor
        // (so that user stages never run on its own threads); the caller's executor gets the answer back here.
        return executor == null ? sent.handle(answer) : sent.handleAsync(answer, executor);
    }

    private static ScaleIoException ioError(ScaleRequest request, IOException e) {
        return new ScaleIoException(
                "I/O error on " + request.describe() + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                e);
    }

    private HttpRequest build(ScaleRequest request) {
        Duration timeout = readTimeout;
        if (request.deadline() != null) {
            Duration left = Duration.between(clock.instant(), request.deadline());
            if (left.isNegative() || left.isZero()) {
                throw new ScaleIoException(
                        "deadline passed before " + request.describe() + " was sent",
                        new java.net.http.HttpTimeoutException("deadline"));
            }
            if (left.compareTo(timeout) < 0) {
                timeout = left;
            }
        }
        HttpRequest.BodyPublisher publisher = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body().bytes());
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(request.uri()).timeout(timeout).method(request.method(), publisher);
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        if (request.body() != null) {
            builder.header("Content-Type", request.body().contentType());
        }
        return builder.build();
    }
}
