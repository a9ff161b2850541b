package dev.scaletoolkit.emulator.callback;

import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.file.AddressPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for callback targets of tasks and batches. A target is an email address (Scale mails the result)
 * or an http(s) URL, scheme in any case, whose host the import's {@link AddressPolicy} allows: never link-local,
 * cloud metadata, the unspecified address, broadcast or multicast, whatever spelling (a trailing dot, IPv4 inside
 * IPv6). The callback carries the account's {@code scale-callback-auth} secret, so the check runs twice: at create
 * without a DNS lookup, and before every send after resolving the host, so a name that points at a refused address
 * is caught too.
 */
public final class CallbackUrl {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s/:]+@[^@\\s/]+\\.[^@\\s/]+");

    private CallbackUrl() {}

    /** Checks a callback given at create time; a 400 naming {@code field} when it is not acceptable. */
    public static void check(String field, String value) {
        if (isEmailAddress(value)) {
            return;
        }
        URI uri = parse(value).orElse(null);
        if (uri == null) {
            throw ApiError.invalidParam(
                    field,
                    "must be a full URL starting with http:// or https://, or an email address, got \"" + value + "\"");
        }
        AddressPolicy.refuseWithoutLookup(uri).ifPresent(reason -> {
            throw ApiError.invalidParam(field, reason.replace("fetches from", "sends callbacks to"));
        });
    }

    /**
     * Checks a callback right before it is sent, after resolving its host; the reason to give up, or empty when it
     * may be sent. A refused target never becomes acceptable, so the dispatcher stops retrying it.
     */
    public static Optional<String> refuseAtSend(URI uri) {
        try {
            AddressPolicy.check(uri);
            return Optional.empty();
        } catch (AddressPolicy.RefusedException e) {
            return Optional.of("callback not sent: " + e.getMessage().replace("imports never", "callbacks never"));
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
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
