package dev.scaletoolkit.cli;

import dev.scaletoolkit.infra.net.AllowList;
import dev.scaletoolkit.infra.net.OutboundHttp;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.infra.net.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

/**
 * Forwards a received callback to a developer's app ({@code scale callbacks listen --forward-to}), as other
 * providers' CLIs do: same body, same {@code scale-callback-auth}, and the app's status goes back to the sender so
 * its retries behave as they would against the app itself. The target passes the one outbound policy: public
 * addresses and loopback (the app usually runs beside the CLI), anything else only with {@code --allow-host}; its
 * host is resolved and checked before every forward, and the connection goes to the address checked.
 */
final class CallbackForwarder {
    private final URI target;
    private final OutboundPolicy policy;
    private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(10));

    private CallbackForwarder(URI target, OutboundPolicy policy) {
        this.target = target;
        this.policy = policy;
    }

    /** The forwarder, or a usage error when the URL is refused before any lookup. */
    static CallbackForwarder to(CommandLine.Model.CommandSpec spec, String url, AllowList allowed) {
        OutboundPolicy policy = policy(allowed);
        URI uri;
        try {
            uri = OutboundPolicy.parse(url);
        } catch (OutboundPolicy.RefusedException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forward-to: not a URL: " + url);
        }
        policy.refuseWithoutLookup(uri).ifPresent(reason -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forward-to: the URL " + reason);
        });
        return new CallbackForwarder(uri, policy);
    }

    static OutboundPolicy policy(AllowList allowed) {
        return OutboundPolicy.of(
                "forwarded callbacks", AllowList.of(List.of("loopback")).and(allowed), "pass --allow-host HOST");
    }

    /** The app's status, 502 when it could not be reached, 403 when its address is refused (nothing sent). */
    int forward(byte[] body, String callbackAuth, PrintWriter out) {
        Target checked;
        try {
            checked = policy.check(target);
        } catch (OutboundPolicy.RefusedException e) {
            out.println("   not forwarded: " + e.getMessage());
            return 403;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (callbackAuth != null) {
            request.header("scale-callback-auth", callbackAuth);
        }
        try {
            int status = http.clientFor(checked)
                    .send(request.build(), HttpResponse.BodyHandlers.discarding())
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
