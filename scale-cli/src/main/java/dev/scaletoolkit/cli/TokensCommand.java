package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.token.AgentToken;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.tools.Profile;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scale tokens}: agent tokens for the gateway's MCP endpoint, each bound to one connection and scope. */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description = "Agent tokens: each is bound to one connection and to a profile or a tool list, may expire,"
                + " and may use a live connection only with --allow-live. Shown once; stored hashed.",
        footer = {
            "",
            "Examples:",
            "  ./scale tokens create labeler-bot --connection emulator-test --profile core --expires 30d",
            "  ./scale tokens create reader --connection prod --tools LIST_TASKS,GET_TASK --allow-live",
            "  ./scale tokens revoke Ab3dE5fG7h"
        },
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it once.")
    static final class Create implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "Who or what will use it, e.g. labeler-bot.")
        String name;

        @Option(names = "--connection", required = true, paramLabel = "NAME", description = "Its connection.")
        String connection;

        @Option(
                names = "--profile",
                description = "Tools it may use: core, full, readonly, or discovery (all tools, or those of --tools,"
                        + " reached through three small discovery tools).")
        String profile;

        @Option(names = "--tools", split = ",", paramLabel = "TOOL", description = "Or an explicit tool list.")
        List<String> tools;

        @Option(
                names = "--expires",
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "Lifetime, e.g. 12h or 30d (default: never).")
        java.time.Duration expires;

        @Option(names = "--allow-live", description = "Allow a live (billable) connection.")
        boolean allowLive;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Profile p = profile == null ? null : ToolsCommand.profile(spec, "--profile", profile);
            return ConnectionsCommand.withGateway(spec, (gw, out) -> {
                AgentTokens.Created c =
                        gw.tokens().create(new AgentTokens.NewToken(name, connection, p, tools, expires, allowLive));
                AgentToken t = c.token();
                out.println(c.secret());
                var err = spec.commandLine().getErr();
                err.println("Token " + t.id() + " for " + t.connection() + " (" + t.scope() + ", "
                        + (t.allowLive() ? "live allowed" : "test connections only") + ", "
                        + (t.expiresAt() == null ? "no expiry" : "expires " + t.expiresAt())
                        + "). It is shown only now; use it as 'Authorization: Bearer <token>'.");
                if (!t.allowLive()
                        && gw.connections()
                                .info(t.connection())
                                .map(i -> i.mode().name().equals("LIVE"))
                                .orElse(false)) {
                    err.println("Note: " + t.connection() + " is live, so this token's calls will be refused;"
                            + " create it with --allow-live to allow them.");
                }
                err.flush();
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never the tokens).")
    static final class ListTokens implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return ConnectionsCommand.withGateway(spec, (gw, out) -> {
                String format = "%-11s %-18s %-16s %-8s %-26s %s%n";
                out.printf(format, "ID", "NAME", "CONNECTION", "STATE", "EXPIRES", "SCOPE");
                Instant now = Instant.now();
                for (AgentToken t : gw.tokens().list()) {
                    String state = t.revokedAt() != null
                            ? "revoked"
                            : t.usableAt(now) ? (t.allowLive() ? "live" : "active") : "expired";
                    out.printf(
                            format,
                            t.id(),
                            t.name(),
                            t.connection(),
                            state,
                            t.expiresAt() == null ? "never" : t.expiresAt().toString(),
                            t.scope());
                }
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke tokens by id; at once.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "1..*")
        String[] ids;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return ConnectionsCommand.withGateway(
                    spec,
                    (gw, out) -> Arrays.stream(ids).forEach(id -> {
                        gw.tokens().revoke(id);
                        out.println("Revoked " + id);
                    }));
        }
    }
}
