package dev.scaletoolkit.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that talks to a Scale, and the order in which the target is chosen:
 *
 * <ol>
 *   <li>explicit flags: {@code --embedded}, {@code --base-url} (with a key from the environment), {@code --port}
 *       / {@code --data} (an emulator running there), {@code --connection NAME};
 *   <li>{@code SCALE_API_KEY} (or the variable named by {@code --api-key-env}) with {@code SCALE_BASE_URL};
 *   <li>the default connection of the gateway ({@code ./scale connections use NAME});
 *   <li>the emulator {@code ./scale up} recorded in {@code $SCALE_HOME/emulator.json};
 *   <li>else nothing: exit code 3 with what to do. A throwaway emulator is never started unasked.
 * </ol>
 *
 * <p>Keys are read from the environment or the emulator's data directory, never from the command line, where
 * shell history and process lists would keep them. When the target is not what the user typed, one line on
 * standard error says which it is.
 */
final class TargetOptions {
    static final String DEFAULT_KEY_VARIABLE = "SCALE_API_KEY";

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "Scale API base URL, e.g. https://api.scale.com/v1. Needs an API key in the environment.")
    String baseUrl;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            defaultValue = DEFAULT_KEY_VARIABLE,
            description = "Environment variable that holds the API key (default: ${DEFAULT-VALUE}).")
    String apiKeyEnv;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Talk to the emulator listening on this port of 127.0.0.1.")
    Integer port;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The emulator's data directory (where its keys are); with --embedded, where to keep data.")
    Path data;

    @Option(
            names = "--connection",
            paramLabel = "NAME",
            description = "Use this named connection (./scale connections list shows them).")
    String connection;

    @Option(
            names = "--embedded",
            description = "Start a throwaway emulator inside this command (on --data if given, else a temporary"
                    + " directory) instead of talking to a running one.")
    boolean embedded;

    /** Resolves the Scale to talk to; bad combinations are usage errors (exit code 2), no Scale is exit code 3. */
    Target resolve(CommandLine.Model.CommandSpec spec) {
        Target target = resolveUnchecked(spec);
        target.requireListening();
        return target;
    }

    /**
     * As {@link #resolve}, without checking that a Scale on this machine listens: for {@code scale mcp}, which an
     * agent host may start before the emulator and which reports an unreachable Scale on each call instead.
     */
    Target resolveUnchecked(CommandLine.Model.CommandSpec spec) {
        Target target = choose(spec);
        ScaleCli.remember(spec, target);
        return target;
    }

    private Target choose(CommandLine.Model.CommandSpec spec) {
        Function<String, String> env = ScaleCli.env(spec);
        CommandLine cli = spec.commandLine();
        String key = env.apply(apiKeyEnv);
        boolean hasKey = key != null && !key.isBlank();
        if (!hasKey && !DEFAULT_KEY_VARIABLE.equals(apiKeyEnv)) {
            throw new CommandLine.ParameterException(
                    cli, "--api-key-env names " + apiKeyEnv + ", which is not set or is empty");
        }
        if (embedded) {
            if (baseUrl != null || port != null || connection != null) {
                throw new CommandLine.ParameterException(
                        cli, "--embedded starts its own emulator: leave out --base-url, --port and --connection");
            }
            return notice(spec, Target.embedded(data));
        }
        if (baseUrl != null) {
            if (!hasKey) {
                throw new CommandLine.ParameterException(
                        cli,
                        "--base-url needs an API key: set " + apiKeyEnv
                                + " (or name another variable with --api-key-env)");
            }
            return Target.remote(baseUrl, key.trim(), baseUrl);
        }
        Path stateFile = EmulatorState.file(env);
        Optional<EmulatorState> state = EmulatorState.read(stateFile);
        String adminToken = env.apply("SCALE_EMULATOR_ADMIN_TOKEN");
        if (port != null || data != null) {
            if (connection != null) {
                throw new CommandLine.ParameterException(
                        cli, "--connection names its own URL and key: leave out --port and --data");
            }
            return notice(spec, emulatorFromFlags(cli, state, adminToken));
        }
        if (connection != null) {
            return notice(spec, NamedConnections.target(spec, connection, state, stateFile, adminToken));
        }
        if (hasKey) {
            String url = env.apply("SCALE_BASE_URL");
            url = url == null || url.isBlank() ? Target.DEFAULT_SCALE_URL : url.trim();
            return notice(spec, Target.remote(url, key.trim(), Target.withV1(url) + " (key from " + apiKeyEnv + ")"));
        }
        Optional<Target> byDefault = NamedConnections.defaultTarget(spec, state, stateFile, adminToken);
        if (byDefault.isPresent()) {
            return notice(spec, byDefault.get());
        }
        if (state.isPresent()) {
            EmulatorState s = state.get();
            if (!s.processAlive()) {
                throw stale(stateFile, s);
            }
            return notice(
                    spec,
                    Target.runningEmulator(
                            s.url(),
                            s.credentials(),
                            adminToken,
                            "the emulator at " + s.url() + " (data " + s.dataDir() + ", found in " + stateFile + ")"));
        }
        throw new Unreachable("no Scale to talk to: start the emulator with ./scale up, or set SCALE_API_KEY (and"
                + " SCALE_BASE_URL), or add a connection (./scale connections add), or add --embedded for a"
                + " throwaway emulator");
    }

    /** The state file names an emulator whose process is gone: say so instead of trying its port. */
    static Unreachable stale(Path stateFile, EmulatorState s) {
        return new Unreachable("the emulator recorded in " + stateFile + " (pid " + s.pid() + ", " + s.url()
                + ") is no longer running. Start it again with ./scale up, or add --embedded for a throwaway one");
    }

    /** {@code --port} and/or {@code --data}: an emulator running there, with the keys of its data directory. */
    private Target emulatorFromFlags(CommandLine cli, Optional<EmulatorState> state, String adminToken) {
        Path dir = data == null ? null : data.toAbsolutePath().normalize();
        Optional<EmulatorState> recorded = state.filter(s -> (port == null || s.port() == port)
                && (dir == null || s.dataDir().toAbsolutePath().normalize().equals(dir)));
        if (port == null && recorded.isEmpty()) {
            throw new CommandLine.ParameterException(
                    cli,
                    "no running emulator is recorded for --data " + data
                            + ": add --port PORT, or --embedded to start one on that directory");
        }
        String root = port != null ? "http://127.0.0.1:" + port : recorded.get().url();
        Path credentials;
        if (dir != null) {
            credentials = dir.resolve(dev.scaletoolkit.emulator.auth.DemoAccount.FILE_NAME);
            if (!java.nio.file.Files.isRegularFile(credentials)) {
                throw new CommandLine.ParameterException(
                        cli, "--data " + data + " holds no emulator keys (" + credentials.getFileName() + ")");
            }
        } else if (recorded.isPresent()) {
            credentials = recorded.get().credentials();
        } else {
            throw new CommandLine.ParameterException(
                    cli,
                    "no keys known for the emulator on port " + port
                            + ": add --data DIR, the directory it was started with");
        }
        String dataDir = dir != null ? dir.toString() : recorded.get().dataDir().toString();
        return Target.runningEmulator(
                root, credentials, adminToken, "the emulator at " + root + " (data " + dataDir + ")");
    }

    /** One line on standard error naming a target the user did not spell out. */
    private static Target notice(CommandLine.Model.CommandSpec spec, Target target) {
        var err = spec.commandLine().getErr();
        err.println("scale: using " + target.description());
        err.flush();
        return target;
    }
}
