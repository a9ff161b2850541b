package dev.scaletoolkit.cli;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.triggers.Triggers;
import dev.scaletoolkit.triggers.event.EventType;
import dev.scaletoolkit.triggers.webhook.Webhook;
import dev.scaletoolkit.triggers.webhook.Webhooks;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale webhooks}: programs that receive the gateway's events as signed POSTs. */
@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "Programs that receive the gateway's events as POSTs signed with HMAC-SHA256 (header"
                + " Scale-Toolkit-Signature: t=…,v1=…, Stripe's scheme), in order, retried with backoff for 24 h."
                + " The running gateway (./scale up) delivers them.",
        footer = {
            "",
            "Examples:",
            "  ./scale webhooks add https://example.com/hooks/scale --events task.completed,batch.completed",
            "  ./scale webhooks add http://127.0.0.1:3000/events --events task.error --project street_signs",
            "  ./scale webhooks list",
            "  ./scale webhooks remove wh_1a2b3c4d5e6f7a8b"
        },
        subcommands = {WebhooksCommand.Add.class, WebhooksCommand.ListHooks.class, WebhooksCommand.Remove.class})
final class WebhooksCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Webhooks webhooks(dev.scaletoolkit.gateway.Gateway gw, CommandLine.Model.CommandSpec spec) {
        return Triggers.webhooks(gw, ScaleCli.env(spec));
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Subscribe a URL; prints the signing secret once.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "URL", description = "http(s) URL to POST events to.")
        String url;

        @Option(
                names = "--events",
                required = true,
                split = ",",
                paramLabel = "TYPE",
                description = "task.completed, task.error, task.canceled, batch.completed (comma-separated).")
        List<String> events;

        @Option(names = "--project", description = "Only events of this project.")
        String project;

        @Option(names = "--connection", description = "Only events of this connection.")
        String connection;

        @Option(names = "--allow-host", paramLabel = "HOST", description = AllowHostOption.DESCRIPTION)
        List<String> allowHosts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Set<EventType> types = EventsCommand.types(spec, events);
            AllowHostOption.parse(spec, allowHosts);
            return ConnectionsCommand.withGateway(spec, (gw, out) -> {
                AllowHostOption.keep(spec, gw, allowHosts);
                Webhooks.Created created = webhooks(gw, spec).add(url, types, project, connection);
                out.println("Added webhook " + created.webhook().id() + " -> "
                        + created.webhook().url());
                out.println("Signing secret (shown once; verify with WebhookSignature in scale-client):");
                out.println("  " + created.secret());
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List webhooks (never their secrets).")
    static final class ListHooks implements Callable<Integer> {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return ConnectionsCommand.withGateway(spec, (gw, out) -> {
                List<Webhook> hooks = webhooks(gw, spec).list();
                if (json) {
                    ArrayNode arr = ScaleJson.mapper().createArrayNode();
                    for (Webhook h : hooks) {
                        ObjectNode o = arr.addObject();
                        o.put("id", h.id());
                        o.put("url", h.url());
                        ArrayNode types = o.putArray("events");
                        h.eventTypes().forEach(t -> types.add(t.wireName()));
                        o.put("project", h.project());
                        o.put("connection", h.connection());
                        o.put("last_event_id", h.lastEventId());
                        o.put("failed_attempts", h.attempts());
                        o.put("last_error", h.lastError());
                    }
                    out.println(
                            ScaleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(arr));
                    return;
                }
                if (hooks.isEmpty()) {
                    out.println("No webhooks; add one with 'scale webhooks add URL --events task.completed'.");
                }
                for (Webhook h : hooks) {
                    out.println(h.id() + "  " + h.url() + "  "
                            + h.eventTypes().stream().map(EventType::wireName).collect(Collectors.joining(","))
                            + (h.project() == null ? "" : "  project=" + h.project())
                            + (h.connection() == null ? "" : "  connection=" + h.connection())
                            + "  delivered through #" + h.lastEventId()
                            + (h.attempts() == 0 ? "" : "  retrying (" + h.attempts() + "): " + h.lastError()));
                }
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a webhook.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return ConnectionsCommand.withGateway(spec, (gw, out) -> {
                webhooks(gw, spec).remove(id);
                out.println("Removed webhook " + id);
            });
        }
    }
}
