package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.auth.DemoAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The settings {@code scale up} takes from its environment, as a container or a CI service passes them: the admin
 * token (also from a file, as orchestrators mount secrets) and the demo account's keys.
 */
final class UpSettings {
    /** Shorter tokens are guessable by anyone who can reach the port. */
    static final int MIN_ADMIN_TOKEN = 16;

    private UpSettings() {}

    /** {@code SCALE_EMULATOR_ADMIN_TOKEN}, else the trimmed contents of {@code SCALE_EMULATOR_ADMIN_TOKEN_FILE}. */
    static String adminToken(CommandSpec spec, Function<String, String> env) {
        String token = env.apply("SCALE_EMULATOR_ADMIN_TOKEN");
        String file = env.apply("SCALE_EMULATOR_ADMIN_TOKEN_FILE");
        if ((token == null || token.isEmpty()) && file != null && !file.isEmpty()) {
            try {
                token = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
            } catch (IOException | RuntimeException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "SCALE_EMULATOR_ADMIN_TOKEN_FILE names " + file + ", which cannot be read ("
                                + e.getClass().getSimpleName() + ")");
            }
        }
        return token == null || token.isEmpty() ? null : token;
    }

    /**
     * Off loopback the control plane (faults, resets, sign-in links, the request journal) would be open to the
     * network: refuse to start without a token long enough not to be guessed.
     */
    static void requireAdminTokenOffLoopback(CommandSpec spec, EmulatorConfig config) {
        if (config.isLoopback()) {
            return;
        }
        if (config.adminToken() == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--host " + config.host() + " serves the control plane (/_emulator) beyond this machine, so it"
                            + " needs an admin token: --admin-token, SCALE_EMULATOR_ADMIN_TOKEN or"
                            + " SCALE_EMULATOR_ADMIN_TOKEN_FILE");
        }
        if (config.adminToken().length() < MIN_ADMIN_TOKEN) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the admin token must have at least " + MIN_ADMIN_TOKEN + " characters (it has "
                            + config.adminToken().length() + ")");
        }
    }

    /** {@code SCALE_EMULATOR_LIVE_KEY} and {@code SCALE_EMULATOR_TEST_KEY}, checked for the shape keys have. */
    static DemoAccount.Keys demoKeys(CommandSpec spec, Function<String, String> env) {
        String live = blankToNull(env.apply("SCALE_EMULATOR_LIVE_KEY"));
        String test = blankToNull(env.apply("SCALE_EMULATOR_TEST_KEY"));
        try {
            return new DemoAccount.Keys(live, test);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "SCALE_EMULATOR_LIVE_KEY / SCALE_EMULATOR_TEST_KEY: " + e.getMessage()
                            + " (e.g. live_$(openssl rand -hex 16))");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
