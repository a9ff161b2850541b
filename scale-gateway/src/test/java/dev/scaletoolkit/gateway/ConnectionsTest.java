package dev.scaletoolkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.ConnectionInfo;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.connection.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {
    private static final String KEY = "live_0123456789abcdefSECRET";
    private static final String SECRET = "cbk_topsecretcallback";

    @Test
    void addGetListRotateRemove(@TempDir Path tmp) {
        Path home = tmp.resolve("home");
        try (Gateway gw = Gateway.open(home, Map.<String, String>of()::get)) {
            ConnectionInfo added =
                    gw.connections().add(new NewConnection("prod", "https://api.scale.com/v1/", null, KEY, SECRET));
            assertThat(added.mode()).isEqualTo(Mode.LIVE);
            assertThat(added.baseUrl()).isEqualTo("https://api.scale.com/v1");
            assertThat(added.toString()).doesNotContain(KEY).doesNotContain(SECRET);

            Connection prod = gw.connections().require("prod");
            assertThat(prod.apiKey()).isEqualTo(KEY);
            assertThat(prod.callbackSecret()).isEqualTo(SECRET);
            assertThat(prod.toString()).doesNotContain(KEY).doesNotContain(SECRET);

            assertThatThrownBy(() -> gw.connections().add(new NewConnection("prod", null, null, KEY, null)))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("exists");

            gw.connections().rotate("prod", "test_newkey", null);
            Connection rotated = gw.connections().require("prod");
            assertThat(rotated.apiKey()).isEqualTo("test_newkey");
            assertThat(rotated.mode()).isEqualTo(Mode.TEST);
            assertThat(rotated.callbackSecret()).as("kept across rotation").isEqualTo(SECRET);

            gw.connections().use("prod");
            assertThat(gw.connections().defaultName()).contains("prod");
            assertThat(gw.connections().list())
                    .singleElement()
                    .satisfies(i -> assertThat(i.isDefault()).isTrue());

            gw.connections().remove("prod");
            assertThat(gw.connections().get("prod")).isEmpty();
            assertThat(gw.connections().defaultName()).isEmpty();
            assertThatThrownBy(() -> gw.connections().require("prod"))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("no connection named 'prod'");
        }
    }

    @Test
    void refusesBadInputNamingTheField(@TempDir Path home) {
        try (Gateway gw = Gateway.open(home, Map.<String, String>of()::get)) {
            assertThatThrownBy(() -> gw.connections().add(new NewConnection("Bad Name", null, null, KEY, null)))
                    .hasMessageContaining("connection name");
            assertThatThrownBy(() -> gw.connections().add(new NewConnection("x", "ftp://h", null, KEY, null)))
                    .hasMessageContaining("base URL");
            assertThatThrownBy(() -> gw.connections().add(new NewConnection("x", null, null, "sk-123", null)))
                    .hasMessageContaining("--mode");
            assertThatThrownBy(() -> gw.connections().add(new NewConnection("x", null, null, "live_a b", null)))
                    .hasMessageContaining("API key")
                    .hasMessageNotContaining("live_a b");
        }
    }

    @Test
    void keysAreSealedAtRestAndTheHomeIsOwnerOnly(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("scale-home");
        try (Gateway gw = Gateway.open(home, Map.<String, String>of()::get)) {
            gw.connections().add(new NewConnection("prod", null, null, KEY, SECRET));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("master.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("gateway.db"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(home)) {
            for (Path f : files.toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(KEY).doesNotContain(SECRET);
            }
        }
        // reopening with the same key file reads the key back
        try (Gateway gw = Gateway.open(home, Map.<String, String>of()::get)) {
            assertThat(gw.connections().require("prod").apiKey()).isEqualTo(KEY);
        }
    }

    @Test
    void aDifferentMasterKeyCannotOpenTheSecrets(@TempDir Path home) {
        String k1 = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        String k2 = Base64.getEncoder().encodeToString(other);
        try (Gateway gw = Gateway.open(home, Map.of("SCALE_GATEWAY_MASTER_KEY", k1)::get)) {
            gw.connections().add(new NewConnection("prod", null, null, KEY, null));
        }
        assertThat(Files.exists(home.resolve("master.key")))
                .as("no key file when the env holds the key")
                .isFalse();
        try (Gateway gw = Gateway.open(home, Map.of("SCALE_GATEWAY_MASTER_KEY", k2)::get)) {
            assertThatThrownBy(() -> gw.connections().require("prod"))
                    .hasMessageContaining("does not open with this master key")
                    .hasMessageNotContaining(KEY);
            // listing needs no key
            assertThat(gw.connections().list()).extracting(ConnectionInfo::name).containsExactly("prod");
        }
    }

    @Test
    void aKeyFileOthersCanReadIsRefused(@TempDir Path home) throws Exception {
        Gateway.open(home, Map.<String, String>of()::get).close();
        Files.setPosixFilePermissions(home.resolve("master.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Gateway.open(home, Map.<String, String>of()::get))
                .hasMessageContaining("can be read by other users");
    }
}
