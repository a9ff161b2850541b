package dev.scaletoolkit.infra.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretShapesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "live_0123456789abcdef0123456789abcdef",
                "test_0123456789abcdef0123456789abcdef",
                "cbk_0123456789abcdef0123456789abcdef",
                "mcp_0123456789abcdef0123456789abcdef0123456789abcdef",
                "sgt_abcdEFGH23.abcdefghijkmnpqrstuvwxyzABCDEFGH",
                "scf_abcdefghijkmnpqrstuvwxyzABCDEFGH",
                "whsec_AbCdEfGhIjKlMnOpQrStUvWxYz012-_9",
                "Bearer eyJhbGciOiJIUzI1NiJ9.e30.xyz",
                "Basic dXNlcjpwYXNzd29yZA=="
            })
    void issuedSecretsAreFoundInsideValuesAndHidden(String secret) {
        String text = "{\"note\":\"please use " + secret + " here\",\"url\":\"https://x.example/?k=" + secret + "\"}";
        assertThat(SecretShapes.containsSecret(text)).isTrue();
        String hidden = SecretShapes.redact(text, "[redacted]");
        assertThat(hidden).doesNotContain(secret).contains("[redacted]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "test_datasets7wd",
                "live_demo",
                "test_images_2024_batch",
                "live_0123456789abcdef0123456789abcdef0", // one too long
                "latest_0123456789abcdef0123456789abcdef",
                "scf_short",
                "sgt_notatoken",
                "whsec_tooShort",
                "the bearer of bad news",
                "Basic instructions for labelers",
                "Bearer tokens are explained below"
            })
    void ordinaryNamesAreLeftAlone(String name) {
        String text = "{\"project\":\"" + name + "\"}";
        assertThat(SecretShapes.redact(text, "[redacted]")).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "api_key", "password", "Authorization", "callback_auth", "x-signature"})
    void secretFieldNames(String name) {
        assertThat(SecretShapes.isSecretName(name)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void thePrefixStaysSoAReaderSeesWhichKindWasThere() {
        assertThat(SecretShapes.redact("k=live_0123456789abcdef0123456789abcdef", "[redacted]"))
                .isEqualTo("k=live_[redacted]");
    }
}
