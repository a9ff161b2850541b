package dev.scaletoolkit.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final String SECRET = "whsec_test_secret";
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] BODY = "{\"id\":1,\"type\":\"task.completed\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesStripesSchemeComputedIndependently() throws Exception {
        // HMAC-SHA256(key = secret, message = "<t>.<body>") in hex, as Stripe's verifiers compute it
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of()
                .formatHex(mac.doFinal((NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.header(SECRET, NOW, BODY))
                .isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + expected);
    }

    @Test
    void acceptsItsOwnSignatureAndOneOfSeveral() {
        String header = WebhookSignature.header(SECRET, NOW, BODY);
        WebhookSignature.verify(BODY, header, SECRET, Duration.ofMinutes(5), CLOCK);
        WebhookSignature.verify(BODY, header + ",v1=00ff", SECRET, Duration.ofMinutes(5), CLOCK);
    }

    @Test
    void refusesAChangedBodyAWrongSecretAMissingHeaderAndAnOldTimestamp() {
        String header = WebhookSignature.header(SECRET, NOW, BODY);
        byte[] changed = "{\"id\":2,\"type\":\"task.completed\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WebhookSignature.verify(changed, header, SECRET, Duration.ofMinutes(5), CLOCK))
                .isInstanceOf(WebhookSignature.VerificationException.class)
                .hasMessageContaining("matches");
        assertThatThrownBy(() -> WebhookSignature.verify(BODY, header, "whsec_other", Duration.ofMinutes(5), CLOCK))
                .isInstanceOf(WebhookSignature.VerificationException.class)
                .hasMessageNotContaining("whsec_other");
        assertThatThrownBy(() -> WebhookSignature.verify(BODY, null, SECRET, Duration.ofMinutes(5), CLOCK))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> WebhookSignature.verify(BODY, "v1=abcd", SECRET, Duration.ofMinutes(5), CLOCK))
                .hasMessageContaining("t=");
        Clock later = Clock.offset(CLOCK, Duration.ofMinutes(6));
        assertThatThrownBy(() -> WebhookSignature.verify(BODY, header, SECRET, Duration.ofMinutes(5), later))
                .hasMessageContaining("old");
    }
}
