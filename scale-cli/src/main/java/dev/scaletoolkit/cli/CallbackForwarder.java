package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.file.AddressPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Forwards a received callback to a developer's app ({@code scale callbacks listen --forward-to}), as other
 * providers' CLIs do: same body, same {@code scale-callback-auth}, and the app's status goes back to the sender so
 * its retries behave as they would against the app itself. The target follows the emulator's address policy.
 */
final class CallbackForwarder {
    private final URI target;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private CallbackForwarder(URI target) {
        this.target = target;
    }

    static CallbackForwarder to(CommandLine.Model.CommandSpec spec, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forward-to: not a URL: " + url);
        }
        AddressPolicy.refuseWithoutLookup(uri).ifPresent(reason -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forward-to: the URL " + reason);
        });
        return new CallbackForwarder(uri);
    }

    /** The app's status, or 502 when it could not be reached. */
    int forward(byte[] body, String callbackAuth, PrintWriter out) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (callbackAuth != null) {
            request.header("scale-callback-auth", callbackAuth);
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            out.println("   forwarded to " + target + ": HTTP " + status);
            return status;
        } catch (IOException e) {
            out.println(
                    "   could not forward to " + target + ": " + e.getClass().getSimpleName());
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }
}
