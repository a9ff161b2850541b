package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.client.webhook.WebhookSignature;
import dev.scaletoolkit.infra.net.OutboundHttp;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.infra.net.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * POSTs one signed event. The host is resolved and checked against the gateway's outbound policy before every
 * attempt (a name can start pointing somewhere refused) and the connection goes to the checked address; redirects
 * are not followed.
 */
final class WebhookSender {
    private final OutboundHttp http;
    private final Supplier<OutboundPolicy> policy;
    private final Duration timeout;

    /** {@code policy} is asked before every attempt, so an allow added meanwhile counts. */
    WebhookSender(Supplier<OutboundPolicy> policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
        this.http = new OutboundHttp(timeout);
    }

    /** Null when delivered (a 2xx), else why not. */
    String send(String url, long eventId, String type, byte[] body, String secret, Instant now)
            throws InterruptedException {
        return post(url, eventId, type, body, WebhookSignature.header(secret, now, body));
    }

    /** As {@link #send}, without a signature (a replay to a local program that has no secret). */
    String sendUnsigned(String url, long eventId, String type, byte[] body) throws InterruptedException {
        return post(url, eventId, type, body, null);
    }

    private String post(String url, long eventId, String type, byte[] body, String signature)
            throws InterruptedException {
        Target target;
        try {
            target = policy.get().check(url);
        } catch (OutboundPolicy.RefusedException e) {
            return "not sent: " + e.getMessage();
        }
        URI uri = target.uri();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "scale-toolkit-gateway")
                .header("Scale-Toolkit-Event-Id", Long.toString(eventId))
                .header("Scale-Toolkit-Event-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        try {
            HttpResponse<Void> response =
                    http.clientFor(target).send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? null : "the receiver answered HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
