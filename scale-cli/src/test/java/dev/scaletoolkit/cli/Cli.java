package dev.scaletoolkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code scale ...} in-process with its own environment, capturing what it prints. */
final class Cli {
    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private Cli() {}

    static Run run(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    /** As if standard output were a terminal when {@code terminal} is true (tables, colour, progress bars). */
    static Run run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(env::get, terminal, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
