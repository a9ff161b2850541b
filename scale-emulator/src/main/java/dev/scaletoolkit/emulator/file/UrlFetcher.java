package dev.scaletoolkit.emulator.file;

import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.infra.net.Target;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Set;

/**
 * Downloads one import into the {@link BlobStore}. Every hop is checked by the {@link OutboundPolicy} before it
 * connects (to the address it checked); redirects are followed by hand (at most {@value #MAX_REDIRECTS}) so each target is checked too. The
 * size limit holds while streaming, whatever Content-Length claims, and a stalled server cannot hold a worker for
 * longer than the overall deadline.
 */
public final class UrlFetcher {
    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final OutboundPolicy policy;
    private final BlobStore blobs;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration deadline;

    public UrlFetcher(
            OutboundPolicy policy,
            BlobStore blobs,
            long maxBytes,
            Duration connectTimeout,
            Duration readTimeout,
            Duration deadline) {
        this.policy = policy;
        this.blobs = blobs;
        this.maxBytes = maxBytes;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.deadline = deadline;
    }

    /** The stored bytes and the type the server declared for them (may be null). */
    public record Fetched(BlobStore.Blob blob, String contentType) {}

    /** Why a fetch failed, worded for the file's {@code failure_reason}. */
    public static final class FetchFailedException extends Exception {
        public FetchFailedException(String message) {
            super(message, null, false, false);
        }
    }

    public Fetched fetch(String url) throws FetchFailedException {
        URI current;
        try {
            current = new URI(url);
        } catch (URISyntaxException e) {
            throw new FetchFailedException("The URL is malformed.");
        }
        long stopAt = System.nanoTime() + deadline.toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Target target;
            try {
                target = policy.check(current);
            } catch (OutboundPolicy.RefusedException e) {
                throw new FetchFailedException(
                        hop == 0 ? e.getMessage() : "Redirected to a refused target. " + e.getMessage());
            }
            HttpURLConnection connection = open(target);
            try {
                int status = connection.getResponseCode();
                if (REDIRECTS.contains(status)) {
                    current = nextHop(current, connection.getHeaderField("Location"), status);
                    continue;
                }
                if (status != 200) {
                    throw new FetchFailedException("The server answered HTTP " + status + " for " + describe(current)
                            + "; only 200 is accepted.");
                }
                long declared = connection.getContentLengthLong();
                if (declared > maxBytes) {
                    throw new FetchFailedException(tooLarge());
                }
                try (InputStream in = new DeadlineInputStream(connection.getInputStream(), stopAt)) {
                    return new Fetched(blobs.put(in, maxBytes), connection.getContentType());
                } catch (BlobStore.TooLargeException e) {
                    throw new FetchFailedException(tooLarge());
                }
            } catch (IOException e) {
                throw new FetchFailedException("Downloading " + describe(current) + " failed: " + summary(e));
            } finally {
                connection.disconnect();
            }
        }
        throw new FetchFailedException("More than " + MAX_REDIRECTS + " redirects.");
    }

    private HttpURLConnection open(Target target) throws FetchFailedException {
        URI uri = target.uri();
        try {
            // The checked address and nothing else: pinned when it is plain http to a name, never the JVM's proxy.
            URLConnection c = uri.toURL().openConnection(target.proxy());
            HttpURLConnection http = (HttpURLConnection) c;
            http.setInstanceFollowRedirects(false);
            http.setConnectTimeout((int) connectTimeout.toMillis());
            http.setReadTimeout((int) readTimeout.toMillis());
            http.setRequestProperty("User-Agent", "scale-emulator-file-import");
            return http;
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchFailedException("The URL " + describe(uri) + " cannot be opened: " + summary(e));
        }
    }

    private static URI nextHop(URI from, String location, int status) throws FetchFailedException {
        if (location == null || location.isBlank()) {
            throw new FetchFailedException("The server answered HTTP " + status + " without a Location header.");
        }
        try {
            return from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailedException("The server redirected to a malformed Location.");
        }
    }

    private String tooLarge() {
        return "The file is larger than the limit of " + maxBytes + " bytes (80 MB).";
    }

    /** Scheme, host and path only: a URL's user info or query may hold credentials. */
    private static String describe(URI uri) {
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String summary(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
    }

    /** Fails a read once the overall deadline has passed, so a server trickling bytes cannot hold a worker. */
    private static final class DeadlineInputStream extends FilterInputStream {
        private final long stopAt;

        DeadlineInputStream(InputStream in, long stopAt) {
            super(in);
            this.stopAt = stopAt;
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }

        private void check() throws IOException {
            if (System.nanoTime() - stopAt > 0) {
                throw new IOException("the download took longer than allowed");
            }
        }
    }
}
