package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.infra.net.AllowList;
import dev.scaletoolkit.infra.net.OutboundPolicy;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.Triggers;
import dev.scaletoolkit.triggers.event.Event;
import dev.scaletoolkit.triggers.event.EventQuery;
import dev.scaletoolkit.triggers.event.EventType;
import dev.scaletoolkit.triggers.event.Events;
import dev.scaletoolkit.triggers.webhook.EventReplay;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scale events}: the events the gateway received from Scale, to watch and to send again. */
@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "Events the gateway received from Scale (task.completed, task.error, task.canceled,"
                + " batch.completed), from callbacks to /callbacks/{connection} and from its pollers.",
        footer = {
            "",
            "Examples:",
            "  ./scale events tail --follow --type task.completed",
            "  ./scale events replay --since 120 --to http://127.0.0.1:3000/scale-events"
        },
        subcommands = {EventsCommand.Tail.class, EventsCommand.Replay.class})
final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Set<EventType> types(CommandLine.Model.CommandSpec spec, List<String> names) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                types.add(EventType.parse(name));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--type: " + e.getMessage());
            }
        }
        return types;
    }

    static String line(Event e) {
        StringBuilder s = new StringBuilder("#" + e.id() + " " + e.type().wireName() + " " + e.connection());
        if (e.taskId() != null) {
            s.append(" task=").append(e.taskId());
        }
        if (e.batch() != null) {
            s.append(" batch=").append(e.batch());
        }
        if (e.project() != null) {
            s.append(" project=").append(e.project());
        }
        return s.append(" at ")
                .append(e.receivedAt())
                .append(" via ")
                .append(e.source())
                .toString();
    }

    @Command(
            name = "tail",
            mixinStandardHelpOptions = true,
            description = "Print the latest events, oldest first; with --follow, keep printing new ones until"
                    + " interrupted.")
    static final class Tail implements Callable<Integer> {
        @Option(names = "--follow", description = "Keep waiting for new events.")
        boolean follow;

        @Option(
                names = "--type",
                split = ",",
                paramLabel = "TYPE",
                description = "Only these types, e.g. --type task.completed,batch.completed.")
        List<String> types;

        @Option(names = "--connection", description = "Only events of this connection.")
        String connection;

        @Option(names = "--project", description = "Only events of this project.")
        String project;

        @Option(
                names = "--since",
                paramLabel = "ID",
                description = "Start after this event id (default: the last --lines events).")
        Long since;

        @Option(
                names = {"-n", "--lines"},
                defaultValue = "20",
                description = "How many recent events to show first (default: ${DEFAULT-VALUE}).")
        int lines;

        @Option(names = "--json", description = "One JSON object per line (the webhook body).")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            Set<EventType> wanted = types(spec, types);
            try (Gateway gw = GatewayAccess.open(spec)) {
                Events events = Triggers.events(gw);
                PrintWriter out = spec.commandLine().getOut();
                long after = since != null ? since : Math.max(0, events.lastId() - Math.max(lines, 0));
                EventQuery query = EventQuery.after(after)
                        .withTypes(wanted)
                        .withConnection(connection)
                        .withProject(project)
                        .withLimit(EventQuery.MAX_LIMIT);
                while (true) {
                    List<Event> page = events.list(query);
                    for (Event e : page) {
                        out.println(json ? ScaleJson.mapper().writeValueAsString(e.toJson()) : line(e));
                    }
                    out.flush();
                    if (!page.isEmpty()) {
                        query = query.withAfter(page.get(page.size() - 1).id());
                        continue;
                    }
                    if (!follow) {
                        return 0;
                    }
                    // Another process (the gateway) writes the events: read again shortly, or wake on our own.
                    events.awaitFirst(query, java.time.Instant.now().plus(Duration.ofSeconds(1)), () -> {});
                }
            }
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "POST the events after --since to a URL, in order, as webhooks send them (signed when a"
                    + " secret is given). Stops at the first failure and says where to resume.")
    static final class Replay implements Callable<Integer> {
        @Option(names = "--since", required = true, paramLabel = "ID", description = "Replay events after this id.")
        long since;

        @Option(names = "--to", required = true, paramLabel = "URL", description = "Where to POST them.")
        String to;

        @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "Only these types.")
        List<String> types;

        @Option(names = "--connection", description = "Only events of this connection.")
        String connection;

        @Option(
                names = "--secret-env",
                paramLabel = "VAR",
                description = "Variable holding a whsec_ secret to sign with (Scale-Toolkit-Signature header).")
        String secretEnv;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            Set<EventType> wanted = types(spec, types);
            String secret = null;
            if (secretEnv != null) {
                secret = ScaleCli.env(spec).apply(secretEnv);
                if (secret == null || secret.isBlank()) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--secret-env: the variable " + secretEnv + " is not set");
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Gateway gw = GatewayAccess.open(spec)) {
                EventQuery query = EventQuery.after(since)
                        .withTypes(wanted)
                        .withConnection(connection)
                        .withLimit(EventQuery.MAX_LIMIT);
                // the person typing the command chose the URL: loopback too, and what the gateway allows
                OutboundPolicy policy = OutboundPolicy.of(
                        "replays",
                        gw.connections().outbound().allowList().and(AllowList.of(List.of("loopback"))),
                        "allow it with --allow-host HOST on 'scale webhooks add'");
                EventReplay.Outcome outcome = new EventReplay(Triggers.events(gw), policy)
                        .replay(query, to, secret, e -> out.println("sent " + line(e)));
                out.flush();
                if (outcome.failedEventId() != null) {
                    spec.commandLine()
                            .getErr()
                            .println("scale events replay: event " + outcome.failedEventId() + " was not delivered ("
                                    + outcome.failure() + "); " + outcome.sent() + " sent before it. Resume with"
                                    + " --since " + (outcome.failedEventId() - 1));
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                out.println(outcome.sent() + " events sent to " + to);
                out.flush();
                return 0;
            } catch (GatewayException e) {
                spec.commandLine().getErr().println("scale events replay: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
        }
    }
}
