package dev.scaletoolkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.infra.net.AddressForms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A connection's base URL receives its API key on every call, so it is {@code https://api.scale.com}, a loopback
 * emulator this installation started, or a host the operator allowed; every other spelling is refused at add.
 */
class ConnectionBaseUrlTest {
    private static final String KEY = "live_0123456789abcdefSECRET";

    @TempDir
    static Path home;

    private static Gateway gw;

    @BeforeAll
    static void open() {
        gw = Gateway.open(home, Map.<String, String>of()::get);
    }

    @AfterAll
    static void close() {
        gw.close();
    }

    static Stream<AddressForms.Form> forms() {
        return AddressForms.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void noAddressIsABaseUrlUntilAllowed(AddressForms.Form form) {
        String url = form.url("http", 8790, "/v1");
        assertThatThrownBy(() -> gw.connections().add(new NewConnection("c", url, null, KEY, null)))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("base URL");
        assertThat(gw.connections().get("c")).isEmpty();
    }

    @Test
    void theMetadataAddressInDecimalIsRefusedEvenWhenAllowed(@TempDir Path own) {
        try (Gateway gw = Gateway.open(own, Map.<String, String>of()::get)) {
            metadataRefused(gw);
        }
    }

    private static void metadataRefused(Gateway gw) {
        gw.connections().outbound().allow(List.of("169.254.0.0/16"));
        assertThatThrownBy(() -> gw.connections().add(new NewConnection("m", "http://2852039166/v1", null, KEY, null)))
                .hasMessageContaining("cloud metadata");
        assertThatThrownBy(() ->
                        gw.connections().add(new NewConnection("m", "http://169.254.169.254/v1", null, KEY, null)))
                .hasMessageContaining("cloud metadata");
    }

    @Test
    void scaleAStartedEmulatorAndAllowedHostsAreAccepted(@TempDir Path own) {
        try (Gateway gw = Gateway.open(own, Map.<String, String>of()::get)) {
            allowed(gw);
        }
    }

    private static void allowed(Gateway gw) {
        gw.connections().add(new NewConnection("scale", "https://api.scale.com/v1", null, KEY, null));
        assertThatThrownBy(() ->
                        gw.connections().add(new NewConnection("e", "http://127.0.0.1:18790/v1", null, KEY, null)))
                .hasMessageContaining("--allow-host 127.0.0.1");
        gw.connections().outbound().recordStartedEmulator("127.0.0.1:18790");
        gw.connections().add(new NewConnection("e", "http://127.0.0.1:18790/v1", null, KEY, null));
        assertThat(gw.connections().get("e")).isPresent();
        assertThatThrownBy(() ->
                        gw.connections().add(new NewConnection("e2", "http://127.0.0.1:18791/v1", null, KEY, null)))
                .hasMessageContaining("--allow-host");
        gw.connections().outbound().allow(List.of("10.20.0.0/16"));
        gw.connections().add(new NewConnection("lab", "http://10.20.3.4:8790/v1", null, KEY, null));
        assertThatThrownBy(() ->
                        gw.connections().add(new NewConnection("other", "https://example.com/v1", null, KEY, null)))
                .hasMessageContaining("--allow-host example.com");
        assertThatThrownBy(() -> gw.connections()
                        .add(new NewConnection("port", "https://api.scale.com:99999/v1", null, KEY, null)))
                .hasMessageContaining("port 99999");
    }
}
