package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.mcp.McpFeatures;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.Triggers;
import picocli.CommandLine;

/**
 * The gateway's triggers inside {@code scale up}: {@code POST /callbacks/{connection}} on the emulator's port, a
 * poller per connection, webhook delivery, and the event tools and task resources on {@code /mcp}, for as long as
 * the command runs. Without a gateway the emulator still starts, without them.
 */
class GatewayTriggers implements AutoCloseable {
    static final GatewayTriggers NONE = new GatewayTriggers();

    private GatewayTriggers() {}

    /** Starts on {@code gateway} (which stays the caller's to close); {@link #NONE} when it is null or fails. */
    static GatewayTriggers start(CommandLine.Model.CommandSpec spec, ScaleEmulator emulator, Gateway gateway) {
        if (gateway == null) {
            return NONE;
        }
        var env = ScaleCli.env(spec);
        var err = spec.commandLine().getErr();
        try {
            // under the emulator's supervisor: its health and /metrics then cover the pollers and the retention sweep
            Triggers triggers = Triggers.start(
                    gateway,
                    env,
                    TriggerSettings.fromEnv(env),
                    emulator.context().supervisor());
            emulator.mount("/callbacks/*", triggers.callbackServlet());
            err.println("Callbacks to the gateway: " + emulator.baseUrl()
                    + "/callbacks/emulator (events: ./scale events tail --follow)");
            err.flush();
            return new Running(triggers);
        } catch (RuntimeException e) {
            err.println("Gateway triggers not started: " + ScaleCli.describe(e));
            err.flush();
            return NONE;
        }
    }

    McpFeatures mcpFeatures() {
        return McpFeatures.NONE;
    }

    @Override
    public void close() {}

    private static final class Running extends GatewayTriggers {
        private final Triggers triggers;

        Running(Triggers triggers) {
            this.triggers = triggers;
        }

        @Override
        McpFeatures mcpFeatures() {
            return triggers.mcpFeatures();
        }

        @Override
        public void close() {
            triggers.close();
        }
    }
}
