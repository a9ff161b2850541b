package dev.scaletoolkit.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that talks to a Scale: which API, which key (named by environment variable,
 * never typed on the command line, where shell history and process lists would keep it) and, for the emulator
 * fallback, which data directory and port.
 */
final class TargetOptions {
    static final String DEFAULT_KEY_VARIABLE = "SCALE_API_KEY";

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "Scale API base URL, e.g. http://127.0.0.1:8790/v1 (default: $SCALE_BASE_URL, else"
                    + " https://api.scale.com/v1). Needs an API key in the environment.")
    String baseUrl;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            defaultValue = DEFAULT_KEY_VARIABLE,
            description = "Environment variable that holds the API key (default: ${DEFAULT-VALUE}).")
    String apiKeyEnv;

    @Option(
            names = "--data",
            defaultValue = ".scale-data",
            description = "Emulator data directory, used when no API key is set (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--port",
            defaultValue = "8790",
            description = "Port of a running './scale up', used when no API key is set (default: ${DEFAULT-VALUE}).")
    int port;

    /** Resolves the Scale to talk to; bad combinations are usage errors (exit code 2). */
    Target resolve(CommandLine.Model.CommandSpec spec) {
        var env = ScaleCli.env(spec);
        String key = env.apply(apiKeyEnv);
        boolean hasKey = key != null && !key.isBlank();
        if (!hasKey && !DEFAULT_KEY_VARIABLE.equals(apiKeyEnv)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--api-key-env names " + apiKeyEnv + ", which is not set or is empty");
        }
        if (!hasKey && baseUrl != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--base-url needs an API key: set " + apiKeyEnv + " (or name another variable with --api-key-env)");
        }
        if (hasKey) {
            String url = baseUrl != null ? baseUrl : env.apply("SCALE_BASE_URL");
            return Target.remote(url == null || url.isBlank() ? Target.DEFAULT_SCALE_URL : url, key.trim(), apiKeyEnv);
        }
        return Target.emulator(data, port);
    }
}
