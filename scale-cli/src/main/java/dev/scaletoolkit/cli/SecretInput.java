package dev.scaletoolkit.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Reads a secret without it ever being an argument (shell history and process lists keep those): from an
 * environment variable named by an option, else from the terminal without echo, else from one line of standard
 * input (for scripts: {@code printenv KEY | scale connections add prod}).
 */
final class SecretInput {
    private static BufferedReader stdin;

    private SecretInput() {}

    static String read(CommandLine.Model.CommandSpec spec, String envVariable, String prompt, String what) {
        if (envVariable != null) {
            String value = ScaleCli.env(spec).apply(envVariable);
            if (value == null || value.isBlank()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "the variable " + envVariable + " named for the " + what + " is not set");
            }
            return value.trim();
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s: ", prompt);
            if (typed == null || typed.length == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no " + what + " was entered");
            }
            return new String(typed).trim();
        }
        try {
            String line = stdinReader().readLine();
            if (line == null || line.isBlank()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "no " + what + " on standard input; pipe it in or name a variable that holds it");
            }
            return line.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reader for the process, so the key and the secret can be two lines of the same input. */
    private static synchronized BufferedReader stdinReader() {
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return stdin;
    }
}
