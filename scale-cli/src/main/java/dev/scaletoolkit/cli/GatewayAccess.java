package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.GatewayHome;
import dev.scaletoolkit.gateway.connection.Connections;
import java.util.function.Function;
import picocli.CommandLine;

/** Opens the gateway ({@code $SCALE_HOME}, default {@code ~/.scale}) with the command line's environment. */
final class GatewayAccess {
    private GatewayAccess() {}

    static Gateway open(CommandLine.Model.CommandSpec spec) {
        var env = ScaleCli.env(spec);
        return Gateway.open(GatewayHome.resolve(env), env);
    }

    /**
     * Runs {@code work} on the gateway's named connections only: what choosing a command's target needs, at a
     * fraction of the cost of {@link #open} (no tool gate, metrics or config files).
     */
    static <R> R connections(CommandLine.Model.CommandSpec spec, Function<Connections, R> work) {
        var env = ScaleCli.env(spec);
        return Gateway.withConnections(GatewayHome.resolve(env), env, work);
    }
}
