package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.GatewayHome;
import picocli.CommandLine;

/** Opens the gateway ({@code $SCALE_HOME}, default {@code ~/.scale}) with the command line's environment. */
final class GatewayAccess {
    private GatewayAccess() {}

    static Gateway open(CommandLine.Model.CommandSpec spec) {
        var env = ScaleCli.env(spec);
        return Gateway.open(GatewayHome.resolve(env), env);
    }
}
