package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.connection.Mode;

/**
 * What {@code scale up} registers in the gateway: the demo account's live key as the connection {@code emulator}
 * and its test key as {@code emulator-test}, both with the demo callback secret. Each start replaces them, so
 * they always point at the emulator that started last. {@code emulator} becomes the default connection when
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
        c.put(new Connections.NewConnection(LIVE, apiBaseUrl, Mode.LIVE, demo.liveKey(), demo.callbackAuthKey()));
        c.put(new Connections.NewConnection(TEST, apiBaseUrl, Mode.TEST, demo.testKey(), demo.callbackAuthKey()));
        if (c.defaultName().isEmpty()) {
            c.use(LIVE);
        }
    }
}
