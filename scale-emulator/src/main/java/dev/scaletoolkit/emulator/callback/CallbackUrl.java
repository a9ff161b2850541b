package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.infra.net.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for callback targets of tasks and batches. A target is an email address (Scale mails the result)
 * or an http(s) URL that the emulator's {@link OutboundPolicy} lets through: a public address in any spelling, or
 * one the operator allowed ({@code --allow-host}; loopback by default on a loopback emulator), never the emulator's
 * own port. The callback carries the account's {@code scale-callback-auth} secret, so the check runs twice: at
 * create without a DNS lookup, and before every send after resolving the host, with the checked address pinned.
 */
public final class CallbackUrl {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s/:]+@[^@\\s/]+\\.[^@\\s/]+");

    private CallbackUrl() {}

    /** Checks a callback given at create time; a 400 naming {@code field} when it is not acceptable. */
    public static void check(OutboundPolicy policy, String field, String value) {
        if (isEmailAddress(value)) {
            return;
        }
        URI uri = parse(value).orElse(null);
        if (uri == null) {
            throw ApiError.invalidParam(
                    field,
                    "must be a full URL starting with http:// or https://, or an email address, got \"" + value + "\"");
        }
        policy.refuseWithoutLookup(uri).ifPresent(reason -> {
            throw ApiError.invalidParam(field, reason);
        });
    }

    /**
     * Checks a callback right before it is sent, after resolving its host: the target to connect to, or why not.
     * A refused target never becomes acceptable, so the dispatcher stops retrying it.
     */
    static Target checkAtSend(OutboundPolicy policy, URI uri) throws OutboundPolicy.RefusedException {
        try {
            return policy.check(uri);
        } catch (OutboundPolicy.RefusedException e) {
            throw new OutboundPolicy.RefusedException("callback not sent: " + e.getMessage());
        }
    }

    /** Scale also accepts an email address as callback target: no scheme, one {@code @}. */
    public static boolean isEmailAddress(String value) {
        return value != null
                && !value.contains("://")
                && EMAIL.matcher(value.trim()).matches();
    }

    private static Optional<URI> parse(String value) {
        try {
            URI uri = new URI(value.trim());
            return uri.getScheme() == null || (uri.getHost() == null && uri.getRawAuthority() == null)
                    ? Optional.empty()
                    : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
