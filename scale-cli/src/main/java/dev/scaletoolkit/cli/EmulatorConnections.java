package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.connection.Mode;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scale up} registers in the gateway: the demo account's live key as the connection {@code emulator}
 * and its test key as {@code emulator-test}, both with the demo callback secret. Each start replaces them (when
 * they differ), so they always point at the emulator that started last. {@code emulator} becomes the default connection when
 * there is none.
 */
final class EmulatorConnections {
    static final String LIVE = "emulator";
    static final String TEST = "emulator-test";

    private EmulatorConnections() {}

    static void register(Gateway gw, String apiBaseUrl, Accounts.NewAccount demo) {
        Connections c = gw.connections();
        // an emulator this installation started may be called with its keys, as api.scale.com may
        c.outbound().recordStartedEmulator(java.net.URI.create(apiBaseUrl).getAuthority());
        putIfChanged(
                c, new Connections.NewConnection(LIVE, apiBaseUrl, Mode.LIVE, demo.liveKey(), demo.callbackAuthKey()));
        putIfChanged(
                c, new Connections.NewConnection(TEST, apiBaseUrl, Mode.TEST, demo.testKey(), demo.callbackAuthKey()));
        if (c.defaultName().isEmpty()) {
            c.use(LIVE);
        }
    }

    /**
     * Replaces the connection unless it already says exactly this: a restart on the same port and data leaves the
     * gateway unchanged, so what commands remember about the default connection stays valid (no database read on
     * the first command after it).
     */
    private static void putIfChanged(Connections c, Connections.NewConnection wanted) {
        Optional<Connection> existing;
        try {
            existing = c.get(wanted.name());
        } catch (GatewayException e) {
            existing = Optional.empty(); // its URL may no longer be called: replace it
        }
        if (existing.isPresent() && same(existing.get(), wanted)) {
            return;
        }
        c.put(wanted);
    }

    private static boolean same(Connection have, Connections.NewConnection wanted) {
        return have.baseUrl().equals(wanted.baseUrl())
                && have.mode() == wanted.mode()
                && have.apiKey().equals(wanted.apiKey())
                && Objects.equals(have.callbackSecret(), wanted.callbackSecret());
    }
}
