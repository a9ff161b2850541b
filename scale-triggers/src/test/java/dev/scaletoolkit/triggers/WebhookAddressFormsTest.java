package dev.scaletoolkit.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.infra.net.AddressForms;
import dev.scaletoolkit.triggers.event.EventType;
import dev.scaletoolkit.triggers.webhook.Webhooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Webhooks pass the same outbound policy as every other path: each spelling of the shared table alike. */
class WebhookAddressFormsTest {
    @TempDir
    static Path home;

    private static Gateway gateway;
    private static Webhooks webhooks;

    @BeforeAll
    static void open() {
        gateway = Gateway.open(home, name -> null);
        webhooks = Triggers.webhooks(gateway, name -> null);
    }

    @AfterAll
    static void close() {
        gateway.close();
    }

    static Stream<AddressForms.Form> forms() {
        return AddressForms.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everySpellingIsJudgedAsTheAddressItIs(AddressForms.Form form) {
        String url = form.url("http", 8080, "/hook");
        if (form.refused()) {
            assertThatThrownBy(() -> webhooks.add(url, Set.of(EventType.TASK_COMPLETED), null, null))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("webhook URL");
        } else {
            assertThat(webhooks.add(url, Set.of(EventType.TASK_COMPLETED), null, null)
                            .webhook()
                            .url())
                    .isEqualTo(url);
        }
    }

    @Test
    void anOperatorAllowLetsAPrivateHostThroughAndNothingElse() {
        String url = "http://10.9.8.7:8080/hook";
        assertThatThrownBy(() -> webhooks.add(url, Set.of(EventType.TASK_COMPLETED), null, null))
                .hasMessageContaining("--allow-host 10.9.8.7");
        gateway.connections().outbound().allow(List.of("10.9.8.7"));
        assertThat(webhooks.add(url, Set.of(EventType.TASK_COMPLETED), null, null)
                        .webhook()
                        .url())
                .isEqualTo(url);
        assertThatThrownBy(() -> webhooks.add("http://10.9.8.6:8080/", Set.of(EventType.TASK_COMPLETED), null, null))
                .isInstanceOf(GatewayException.class);
    }
}
