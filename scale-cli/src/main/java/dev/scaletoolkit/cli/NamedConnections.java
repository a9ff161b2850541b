package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.gateway.GatewayHome;
import dev.scaletoolkit.gateway.connection.Connection;
import dev.scaletoolkit.gateway.connection.ConnectionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Targets from the gateway's named connections (one list of accounts for the CLI, the tools and MCP): the one
 * named by {@code --connection}, or the default set by {@code ./scale connections use NAME}.
 */
final class NamedConnections {
    private NamedConnections() {}

    /** {@code --connection NAME}: an unknown name is a usage error that suggests the closest. */
    static Target target(
            CommandLine.Model.CommandSpec spec,
            String name,
            Optional<EmulatorState> state,
            Path stateFile,
            String adminToken) {
        try {
            return GatewayAccess.connections(spec, connections -> {
                Optional<Connection> found = connections.get(name);
                if (found.isEmpty()) {
                    var names = connections.list().stream()
                            .map(ConnectionInfo::name)
                            .toList();
                    throw new CommandLine.ParameterException(
                            spec.commandLine(),
                            "--connection: no connection named '" + name + "'" + Suggest.hint(name, names)
                                    + (names.isEmpty()
                                            ? "; add one with ./scale connections add"
                                            : "; there are: " + String.join(", ", names)));
                }
                return toTarget(found.get(), state, stateFile, adminToken, "connection '" + name + "'");
            });
        } catch (GatewayException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--connection: " + e.getMessage());
        }
    }

    /**
     * The default connection, when the gateway exists and has one. The gateway is not created just to look:
     * without its database there is no default.
     */
    static Optional<Target> defaultTarget(
            CommandLine.Model.CommandSpec spec, Optional<EmulatorState> state, Path stateFile, String adminToken) {
        var env = ScaleCli.env(spec);
        String dbUrl = env.apply(Gateway.DATABASE_URL_ENV);
        boolean exists = (dbUrl != null && !dbUrl.isBlank())
                || Files.exists(GatewayHome.resolve(env).resolve(Gateway.DB_FILE));
        if (!exists) {
            return Optional.empty();
        }
        return GatewayAccess.connections(
                spec,
                connections -> connections
                        .defaultConnection()
                        .map(c -> toTarget(
                                c,
                                state,
                                stateFile,
                                adminToken,
                                "the default connection '" + c.name()
                                        + "' (./scale connections use NAME to change it)")));
    }

    private static Target toTarget(
            Connection c, Optional<EmulatorState> state, Path stateFile, String adminToken, String what) {
        String url = Target.withV1(c.baseUrl());
        // a connection 'scale up' registered outlives the emulator: when the state file says it is gone, say so
        Optional<EmulatorState> emulator =
                state.filter(s -> Target.withV1(s.url()).equals(url));
        if (emulator.isPresent() && !emulator.get().processAlive()) {
            throw TargetOptions.stale(stateFile, emulator.get());
        }
        return Target.remote(
                url,
                c.apiKey(),
                emulator.isPresent() || EmulatorConnections.LIVE.equals(c.name()),
                adminToken,
                what + ", " + url);
    }
}
