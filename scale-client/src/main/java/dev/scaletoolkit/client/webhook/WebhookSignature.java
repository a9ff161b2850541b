package dev.scaletoolkit.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the webhooks the scale-toolkit gateway sends, in the scheme Stripe uses (so verifiers written
 * for it apply): the header {@value #HEADER} holds {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, where the HMAC's
 * key is the subscription's whole secret ({@code whsec_…}) and its message is {@code <t>.<raw body>}.
 *
 * <pre>{@code
 * WebhookSignature.verify(rawBody, request.getHeader(WebhookSignature.HEADER), secret);   // throws if not valid
 * }</pre>
 *
 * <p>Verify the raw bytes as received, before parsing: re-serialised JSON does not match. The timestamp bounds
 * replays; the default tolerance is five minutes.
 */
public final class WebhookSignature {
    /** The header the signature travels in. */
    public static final String HEADER = "Scale-Toolkit-Signature";
    /** How far a timestamp may be from now by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    /** Why a signature was refused; the message never contains the secret. */
    public static final class VerificationException extends RuntimeException {
        /**
         * A refusal.
         *
         * @param message why, without the secret
         */
        public VerificationException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The header value a sender puts on a delivery.
     *
     * @param secret the subscription's {@code whsec_…} secret
     * @param timestamp when it is sent
     * @param body the exact bytes sent
     * @return {@code t=<seconds>,v1=<hex HMAC>}
     */
    public static String header(String secret, Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
    }

    /**
     * Verifies with the default tolerance and the system clock.
     *
     * @param body the raw bytes received
     * @param header the {@value #HEADER} value, or null
     * @param secret the subscription's secret
     * @throws VerificationException when the signature is missing, wrong or stale
     */
    public static void verify(byte[] body, String header, String secret) {
        verify(body, header, secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * Verifies a body received as text (its UTF-8 bytes are what was signed).
     *
     * @param body the body as received
     * @param header the {@value #HEADER} value, or null
     * @param secret the subscription's secret
     * @throws VerificationException when the signature is missing, wrong or stale
     */
    public static void verify(String body, String header, String secret) {
        verify(body.getBytes(StandardCharsets.UTF_8), header, secret);
    }

    /**
     * Checks that one of the header's {@code v1} signatures is the HMAC of {@code body} (compared in constant time)
     * and that its timestamp is within {@code tolerance} of now.
     *
     * @param body the raw bytes received
     * @param header the {@value #HEADER} value, or null
     * @param secret the subscription's secret
     * @param tolerance how far the timestamp may be from now
     * @param clock the current time
     * @throws VerificationException when the header is missing or malformed, no signature matches, or the
     *     timestamp is too old or too far ahead
     */
    public static void verify(byte[] body, String header, String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        if (header == null || header.isBlank()) {
            throw new VerificationException("the " + HEADER + " header is missing");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new VerificationException("the " + HEADER + " timestamp is not a number");
                }
            } else if (key.equals("v1")) {
                try {
                    signatures.add(HexFormat.of().parseHex(value));
                } catch (IllegalArgumentException e) {
                    // a malformed signature simply matches nothing
                }
            }
        }
        if (timestamp == null) {
            throw new VerificationException("the " + HEADER + " header has no t=<timestamp>");
        }
        if (signatures.isEmpty()) {
            throw new VerificationException("the " + HEADER + " header has no v1=<signature>");
        }
        byte[] expected = hmac(secret, timestamp, body);
        boolean match = false;
        for (byte[] candidate : signatures) {
            match |= MessageDigest.isEqual(expected, candidate);
        }
        if (!match) {
            throw new VerificationException("no signature in the " + HEADER
                    + " header matches the body; check the secret and that the" + " body is verified as received");
        }
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new VerificationException("the signature's timestamp is " + Math.abs(age) + " s "
                    + (age > 0 ? "old" : "in the future") + ", beyond the tolerance of " + tolerance.toSeconds()
                    + " s");
        }
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
