package dev.scaletoolkit.triggers.webhook;

import dev.scaletoolkit.client.webhook.WebhookSignature;
import dev.scaletoolkit.emulator.file.AddressPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * POSTs one signed event. The host is resolved and checked against the address policy before every attempt (a
 * name can start pointing somewhere refused); redirects are not followed.
 */
final class WebhookSender {
    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        URI uri = URI.create(url);
        try {
            AddressPolicy.check(uri);
        } catch (AddressPolicy.RefusedException e) {
            return "not sent: " + e.getMessage();
        }
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
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? null : "the receiver answered HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
