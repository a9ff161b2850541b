package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.triggers.TriggerSettings;
import dev.scaletoolkit.triggers.Triggers;
import picocli.CommandLine;

/**
 * The gateway's triggers inside {@code scale up}: {@code POST /callbacks/{connection}} on the emulator's port, a
 * poller per connection and webhook delivery, for as long as the command runs. Without a usable gateway the
 * emulator still starts, and the reason is printed.
 */
class GatewayTriggers implements AutoCloseable {
    static final GatewayTriggers NONE = new GatewayTriggers();

    private GatewayTriggers() {}

    static GatewayTriggers start(CommandLine.Model.CommandSpec spec, ScaleEmulator emulator) {
        var env = ScaleCli.env(spec);
        Gateway gw = null;
        try {
            gw = GatewayAccess.open(spec);
            Triggers triggers = Triggers.start(gw, env, TriggerSettings.fromEnv(env));
            emulator.mount("/callbacks/*", triggers.callbackServlet());
            spec.commandLine()
                    .getErr()
                    .println("Gateway callbacks: " + emulator.baseUrl() + "/callbacks/emulator  (events: scale events"
                            + " tail --follow)");
            spec.commandLine().getErr().flush();
            return new Running(gw, triggers);
        } catch (RuntimeException e) {
            if (gw != null) {
                gw.close();
            }
            spec.commandLine().getErr().println("Gateway triggers not started: " + ScaleCli.describe(e));
            spec.commandLine().getErr().flush();
            return NONE;
        }
    }

    @Override
    public void close() {}

    private static final class Running extends GatewayTriggers {
        private final Gateway gateway;
        private final Triggers triggers;

        Running(Gateway gateway, Triggers triggers) {
            this.gateway = gateway;
            this.triggers = triggers;
        }

        @Override
        public void close() {
            triggers.close();
            gateway.close();
        }
    }
}
