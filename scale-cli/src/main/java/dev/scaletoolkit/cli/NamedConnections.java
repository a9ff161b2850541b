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
     * without its database there is no default. When the default is the {@code emulator} connection of the
     * emulator the state file names (what {@code scale up} sets up), and {@link DefaultConnectionCache} vouches
     * that the database is unchanged since it was last read, the database is not opened at all: that connection
     * holds the live key of the emulator's {@code credentials.json}, which is read instead.
     */
    static Optional<Target> defaultTarget(
            CommandLine.Model.CommandSpec spec, Optional<EmulatorState> state, Path stateFile, String adminToken) {
        var env = ScaleCli.env(spec);
        String dbUrl = env.apply(Gateway.DATABASE_URL_ENV);
        boolean postgres = dbUrl != null && !dbUrl.isBlank();
        Path home = GatewayHome.resolve(env);
        if (!postgres && !Files.exists(home.resolve(Gateway.DB_FILE))) {
            return Optional.empty();
        }
        DefaultConnectionCache cache = postgres ? null : new DefaultConnectionCache(home);
        if (cache != null) {
            Optional<DefaultConnectionCache.Remembered> known = cache.read();
            if (known.isPresent() && known.get().name() == null) {
                return Optional.empty();
            }
            Optional<Target> fast = known.flatMap(k -> runningEmulator(k, state, stateFile, adminToken));
            if (fast.isPresent()) {
                return fast;
            }
        }
        String stamp = cache == null ? "" : cache.stamp();
        return GatewayAccess.connections(spec, connections -> {
            Optional<Connection> found = connections.defaultConnection();
            if (cache != null) {
                cache.write(
                        stamp,
                        new DefaultConnectionCache.Remembered(
                                found.map(Connection::name).orElse(null),
                                found.map(c -> Target.withV1(c.baseUrl())).orElse(null)));
            }
            return found.map(c -> toTarget(c, state, stateFile, adminToken, defaultWhat(c.name())));
        });
    }

    /** The remembered default as the running emulator's target, when it is that emulator's connection. */
    private static Optional<Target> runningEmulator(
            DefaultConnectionCache.Remembered known, Optional<EmulatorState> state, Path stateFile, String adminToken) {
        if (!EmulatorConnections.LIVE.equals(known.name()) || state.isEmpty()) {
            return Optional.empty();
        }
        EmulatorState s = state.get();
        String url = Target.withV1(s.url());
        if (!url.equals(known.baseUrl())) {
            return Optional.empty();
        }
        if (!s.processAlive()) {
            throw TargetOptions.stale(stateFile, s);
        }
        return Optional.of(Target.remote(
                url, Target.readLiveKey(s.credentials()), true, adminToken, defaultWhat(known.name()) + ", " + url));
    }

    private static String defaultWhat(String name) {
        return "the default connection '" + name + "' (./scale connections use NAME to change it)";
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
