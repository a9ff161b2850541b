package dev.scaletoolkit.cli.resident;

import java.util.List;
import java.util.Map;

/**
 * Which runs a running {@code scale up} may serve for the thin client, as data: the client checks it before it
 * connects and the server again before it runs anything. A run qualifies when its arguments start with one of
 * {@link #COMMANDS} and nothing in it could behave differently inside another process: no standard input (except
 * {@code mcp}, whose input is relayed), no file or directory relative to the caller's working directory, no prompt,
 * no help (its width comes from the caller's terminal), nothing read from the process environment rather than the
 * command's. Anything else takes the plain path, which is always correct, only slower.
 */
public final class ResidentCommands {
    /** Read-only commands, each a prefix of the arguments. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("projects", "list"),
            List.of("projects", "get"),
            List.of("batches", "list"),
            List.of("batches", "get"),
            List.of("batches", "status"),
            List.of("tasks", "list"),
            List.of("tasks", "get"),
            List.of("tools", "list"),
            List.of("--version"),
            List.of("-V"),
            List.of("mcp"));

    /**
     * Options that send a run down the plain path wherever they appear (also as {@code --opt=value}): a directory
     * relative to the caller ({@code --data}), an emulator inside the command ({@code --embedded}), help (sized to
     * the caller's terminal), the gateway opened a second time in the server ({@code --token}, {@code --connection}).
     */
    static final List<String> PLAIN_OPTIONS =
            List.of("--data", "--embedded", "--help", "-h", "--token", "--connection", "--");

    /**
     * Variables that send a run down the plain path when set: {@code SCALE_DEBUG} (logging is set up per process
     * and the server's log is not the caller's stderr), {@code SCALE_AGENT_TOKEN} (a gateway session), and
     * {@code SCALE_JAVA_OPTS} (JVM options the caller asked for).
     */
    static final List<String> PLAIN_ENV = List.of("SCALE_DEBUG", "SCALE_AGENT_TOKEN", "SCALE_JAVA_OPTS");

    /** Set to {@code 0}, every run takes the plain path. */
    public static final String SWITCH_ENV = "SCALE_RESIDENT";

    /**
     * Variables that commands read from the process environment rather than from the command's (picocli's
     * {@code ${env:…}} defaults, the JVM's time zone): the server serves a run only when the caller's value is
     * its own.
     */
    static final List<String> PINNED_ENV = List.of("SCALE_MCP_PROFILE", "TZ");

    private ResidentCommands() {}

    /** Whether a running {@code scale up} may serve these arguments with this environment. */
    public static boolean served(String[] args, Map<String, String> env) {
        if ("0".equals(env.get(SWITCH_ENV))) {
            return false;
        }
        for (String name : PLAIN_ENV) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        String home = env.get("SCALE_HOME");
        if (home != null && !home.isBlank() && !home.trim().startsWith("/")) {
            return false; // relative to the caller's directory
        }
        int words = commandWords(args);
        if (words == 0) {
            return false;
        }
        for (int i = words; i < args.length; i++) {
            if (plainOption(args[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether these arguments are {@code scale mcp}, whose standard input is relayed. */
    static boolean readsStdin(String[] args) {
        return args.length > 0 && args[0].equals("mcp");
    }

    /** How many leading arguments name an allowed command, or 0. */
    private static int commandWords(String[] args) {
        for (List<String> command : COMMANDS) {
            if (args.length >= command.size()
                    && List.of(args).subList(0, command.size()).equals(command)) {
                return command.size();
            }
        }
        return 0;
    }

    private static boolean plainOption(String arg) {
        for (String option : PLAIN_OPTIONS) {
            if (arg.equals(option) || (arg.startsWith(option) && arg.startsWith("=", option.length()))) {
                return true;
            }
        }
        // a cluster of short options with -h in it (-hV), or the help subcommand
        return (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0) || arg.equals("help");
    }
}
