package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections.NewConnection;
import dev.scaletoolkit.gateway.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered default connection is read again exactly when the connections change: the gateway's other writes
 * (the trigger poller's cursors, audit, settings) leave it trusted, so a short command after {@code scale up}
 * does not open the database while the poller runs.
 */
class DefaultConnectionCacheTest {
    private static final String URL = "https://api.scale.com/v1";

    @Test
    void otherWritesKeepItChangesToConnectionsDropIt(@TempDir Path tmp) {
        Path home = tmp.resolve("home");
        Function<String, String> env = Map.<String, String>of()::get;
        DefaultConnectionCache cache = new DefaultConnectionCache(home);
        try (Gateway gw = Gateway.open(home, env)) {
            gw.connections().add(new NewConnection("first", URL, null, "live_first0123456789", null));
            gw.connections().add(new NewConnection("second", URL, null, "live_second0123456789", null));
            gw.connections().use("first");

            cache.write(cache.stamp(), new DefaultConnectionCache.Remembered("first", URL));
            assertThat(cache.read()).contains(new DefaultConnectionCache.Remembered("first", URL));

            // what the poller, the audit trail and the rest of the gateway do many times a minute
            new SettingsStore(gw.database()).put("unrelated", "1");
            new SettingsStore(gw.database()).put("unrelated", "2");
            assertThat(cache.read()).as("after unrelated writes").isPresent();

            gw.connections().use("second");
            assertThat(cache.read()).as("after the default changed").isEmpty();

            cache.write(cache.stamp(), new DefaultConnectionCache.Remembered("second", URL));
            assertThat(cache.read()).isPresent();
            gw.connections().rotate("second", "live_rotated0123456789", null);
            assertThat(cache.read()).as("after a key rotation").isEmpty();

            cache.write(cache.stamp(), new DefaultConnectionCache.Remembered("second", URL));
            gw.connections().remove("second");
            assertThat(cache.read()).as("after the default was removed").isEmpty();
        }
    }

    @Test
    void aStampTakenBeforeAChangeNeverVouchesForWhatWasReadBeforeIt(@TempDir Path tmp) {
        Path home = tmp.resolve("home");
        DefaultConnectionCache cache = new DefaultConnectionCache(home);
        try (Gateway gw = Gateway.open(home, Map.<String, String>of()::get)) {
            gw.connections().add(new NewConnection("first", URL, null, "live_first0123456789", null));
            String before = cache.stamp(); // a reader takes the stamp, then reads the database ...
            gw.connections().use("first"); // ... while another process changes the default
            cache.write(before, new DefaultConnectionCache.Remembered(null, null));
            assertThat(cache.read()).isEmpty();
        }
    }

    @Test
    void aRemadeGatewayIsReadAgain(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Function<String, String> env = Map.<String, String>of()::get;
        DefaultConnectionCache cache = new DefaultConnectionCache(home);
        try (Gateway gw = Gateway.open(home, env)) {
            gw.connections().add(new NewConnection("first", URL, null, "live_first0123456789", null));
            gw.connections().use("first");
        }
        cache.write(cache.stamp(), new DefaultConnectionCache.Remembered("first", URL));
        assertThat(cache.read()).isPresent();
        for (String f : new String[] {Gateway.DB_FILE, Gateway.DB_FILE + "-wal", Gateway.DB_FILE + "-shm"}) {
            Files.deleteIfExists(home.resolve(f));
        }
        try (Gateway gw = Gateway.open(home, env)) {
            assertThat(gw.connections().list()).isEmpty();
        }
        assertThat(cache.read()).as("a new gateway.db has no default").isEmpty();
    }
}
