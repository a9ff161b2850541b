package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.gateway.connection.ConnectionInfo;
import dev.scaletoolkit.gateway.connection.Connections;
import dev.scaletoolkit.gateway.connection.Mode;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code scale connections}: the named Scale accounts of the gateway. Keys are read from a variable, the terminal
 * or standard input, sealed at rest, and never printed again.
 */
@Command(
        name = "connections",
        mixinStandardHelpOptions = true,
        description = "Named Scale accounts (API key, base URL, test or live, callback secret), kept encrypted in"
                + " $SCALE_HOME (default ~/.scale). Keys are read from a variable, the terminal or stdin, never"
                + " from arguments, and never shown again.",
        footer = {
            "",
            "Examples:",
            "  printenv SCALE_PROD_KEY | ./scale connections add prod",
            "  ./scale connections add staging --base-url http://127.0.0.1:8790/v1 --api-key-env STAGING_KEY",
            "  ./scale connections use prod",
            "  ./scale connections list"
        },
        subcommands = {
            ConnectionsCommand.Add.class,
            ConnectionsCommand.ListConnections.class,
            ConnectionsCommand.Rotate.class,
            ConnectionsCommand.Remove.class,
            ConnectionsCommand.Use.class
        })
final class ConnectionsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code work} on the gateway; its refusals are one line on stderr and exit code 1. */
    static int withGateway(CommandLine.Model.CommandSpec spec, GatewayWork work) {
        try (Gateway gw = GatewayAccess.open(spec)) {
            work.run(gw, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (GatewayException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    interface GatewayWork {
        void run(Gateway gw, PrintWriter out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a connection.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Lower-case name, e.g. prod or staging.")
        String name;

        @Option(
                names = "--base-url",
                defaultValue = Connections.SCALE_BASE_URL,
                description = "Scale API base URL (default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @Option(names = "--mode", description = "test or live; by default from the key's prefix (live_ or test_).")
        String mode;

        @Option(
                names = "--api-key-env",
                paramLabel = "VAR",
                description = "Variable that holds the key; else it is asked for (no echo) or read from stdin.")
        String apiKeyEnv;

        @Option(
                names = "--callback-secret-env",
                paramLabel = "VAR",
                description = "Variable that holds the scale-callback-auth secret (optional).")
        String callbackSecretEnv;

        @Option(names = "--allow-host", paramLabel = "HOST", description = AllowHostOption.DESCRIPTION)
        List<String> allowHosts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Mode parsedMode = parseMode(spec, mode);
            AllowHostOption.parse(spec, allowHosts);
            String key = SecretInput.read(spec, apiKeyEnv, "Scale API key for " + name, "API key");
            String secret = callbackSecret(spec, callbackSecretEnv);
            return withGateway(spec, (gw, out) -> {
                AllowHostOption.keep(spec, gw, allowHosts);
                ConnectionInfo info =
                        gw.connections().add(new Connections.NewConnection(name, baseUrl, parsedMode, key, secret));
                out.println("Added connection " + info.name() + " ("
                        + info.mode().wireName() + ", " + info.baseUrl() + ", key " + info.keyFingerprint() + ")");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List connections (never their keys).")
    static final class ListConnections implements Callable<Integer> {
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return withGateway(spec, (gw, out) -> {
                List<ConnectionInfo> all = gw.connections().list();
                if (json) {
                    ArrayNode array = ScaleJson.mapper().createArrayNode();
                    for (ConnectionInfo c : all) {
                        ObjectNode o = array.addObject();
                        o.put("name", c.name());
                        o.put("base_url", c.baseUrl());
                        o.put("mode", c.mode().wireName());
                        o.put("key_fingerprint", c.keyFingerprint());
                        o.put("callback_secret", c.hasCallbackSecret());
                        o.put("default", c.isDefault());
                        o.put("updated_at", c.updatedAt().toString());
                    }
                    out.println(
                            ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
                    return;
                }
                if (all.isEmpty()) {
                    out.println("No connections yet: 'scale connections add NAME', or './scale up' for the emulator.");
                    return;
                }
                String format = "%-1s %-20s %-5s %-10s %-9s %s%n";
                out.printf(format, "", "NAME", "MODE", "KEY", "CALLBACK", "BASE URL");
                for (ConnectionInfo c : all) {
                    out.printf(
                            format,
                            c.isDefault() ? "*" : "",
                            c.name(),
                            c.mode().wireName(),
                            c.keyFingerprint(),
                            c.hasCallbackSecret() ? "secret" : "-",
                            c.baseUrl());
                }
            });
        }
    }

    /** A subcommand about one connection, NAME: it reads what it needs first, then makes one change. */
    abstract static class OnConnection implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** The change to make; input (a key, a secret) is read here, before the gateway is opened. */
        abstract GatewayWork work();

        @Override
        public Integer call() {
            return withGateway(spec, work());
        }
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Replace a connection's API key (and optionally its callback secret).")
    static final class Rotate extends OnConnection {
        @Option(names = "--api-key-env", paramLabel = "VAR", description = "Variable that holds the new key.")
        String apiKeyEnv;

        @Option(
                names = "--callback-secret-env",
                paramLabel = "VAR",
                description = "Variable that holds a new callback secret.")
        String callbackSecretEnv;

        @Override
        GatewayWork work() {
            String key = SecretInput.read(spec, apiKeyEnv, "New Scale API key for " + name, "API key");
            String secret = callbackSecret(spec, callbackSecretEnv);
            return (gw, out) -> {
                ConnectionInfo info = gw.connections().rotate(name, key, secret);
                out.println("Rotated the key of " + info.name() + " (now "
                        + info.mode().wireName() + ", key " + info.keyFingerprint() + ")");
            };
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a connection and its key.")
    static final class Remove extends OnConnection {
        @Override
        GatewayWork work() {
            return (gw, out) -> {
                gw.connections().remove(name);
                out.println("Removed connection " + name);
            };
        }
    }

    @Command(
            name = "use",
            mixinStandardHelpOptions = true,
            description = "Make NAME the connection commands use when none is named.")
    static final class Use extends OnConnection {
        @Override
        GatewayWork work() {
            return (gw, out) -> {
                gw.connections().use(name);
                out.println("Default connection: " + name);
            };
        }
    }

    /** The callback secret from the variable {@code env} (or asked for), or null when no variable was named. */
    private static String callbackSecret(CommandLine.Model.CommandSpec spec, String env) {
        return env == null ? null : SecretInput.read(spec, env, "callback secret", "callback secret");
    }

    private static Mode parseMode(CommandLine.Model.CommandSpec spec, String mode) {
        if (mode == null) {
            return null;
        }
        try {
            return Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode: " + e.getMessage());
        }
    }
}
