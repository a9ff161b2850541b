package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.infra.net.OutboundHttp;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.infra.net.Target;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Makes one callback POST the way Scale does: the JSON body, {@code Content-Type: application/json} and the
 * account's {@code scale-callback-auth} header. Redirects are not followed (a 3xx is not a 2xx). The target passes the
 * emulator's {@link OutboundPolicy} before every attempt and the connection goes to the address it checked. The auth key is
 * never put into an outcome or a log line.
 */
final class CallbackSender {
    private final OutboundHttp clients;
    private final OutboundPolicy policy;
    private final Duration timeout;

    CallbackSender(OutboundPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
        this.clients = new OutboundHttp(timeout);
    }

    /**
     * How an attempt went: delivered, worth retrying, hopeless (a malformed URL), or cut short because the
     * emulator is stopping (which does not count as an attempt).
     */
    record Outcome(boolean delivered, boolean permanent, boolean interrupted, int status, String error) {
        static Outcome delivered(int status, String note) {
            return new Outcome(true, false, false, status, note);
        }

        static Outcome retryable(int status, String error) {
            return new Outcome(false, false, false, status, error);
        }

        static Outcome permanentFailure(String error) {
            return new Outcome(false, true, false, 0, error);
        }

        static Outcome cutShort() {
            return new Outcome(false, false, true, 0, "interrupted while sending (emulator stopping)");
        }
    }

    Outcome send(String url, String body, String authKey) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Outcome.permanentFailure("the callback URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Outcome.permanentFailure("the callback URL is neither an http(s) URL nor an email address");
        }
        Target target;
        try {
            target = CallbackUrl.checkAtSend(policy, uri);
        } catch (OutboundPolicy.RefusedException e) {
            return Outcome.permanentFailure(e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("scale-callback-auth", authKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response =
                    clients.clientFor(target).send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300
                    ? Outcome.delivered(status, null)
                    : Outcome.retryable(status, "the receiver answered HTTP " + status);
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : ": " + e.getMessage();
            return Outcome.retryable(0, e.getClass().getSimpleName() + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.cutShort();
        }
    }

    /** Scale also accepts an email address as callback URL: no scheme, an {@code @}. */
    static boolean isEmailAddress(String url) {
        return url != null && !url.contains("://") && url.contains("@");
    }

    /** The URL without user info or query, for logs: either may carry a receiver's secret. */
    static String redact(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "<not a URL>";
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return "<not a URL>";
        }
    }
}
