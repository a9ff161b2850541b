package dev.scaletoolkit.gateway.call;

import dev.scaletoolkit.gateway.GatewayException;
import dev.scaletoolkit.gateway.audit.AuditTrail;
import dev.scaletoolkit.gateway.audit.Redactor;
import dev.scaletoolkit.gateway.budget.Budgets;
import dev.scaletoolkit.gateway.budget.Estimate;
import dev.scaletoolkit.gateway.budget.PriceTable;
import dev.scaletoolkit.gateway.confirm.ArgsDigest;
import dev.scaletoolkit.gateway.confirm.Confirmations;
import dev.scaletoolkit.gateway.confirm.Policy;
import dev.scaletoolkit.gateway.metrics.GatewayMetrics;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.agent.AgentToolSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every tool call through the gateway passes here, in this order: the caller's scope, the connection's live flag,
 * a dry run if asked, the budget (reserved), confirmation (a person through the {@link Approver}, or a token from a
 * dry run), the call itself on the caller's connection, then the audit entry and the metrics. Refusals fail
 * closed: nothing is sent to Scale, and the agent gets an error it can act on.
 */
public final class ToolGate {
    public static final String DRY_RUN = "dry_run";
    public static final String CONFIRMATION_TOKEN = "confirmation_token";

    private final ConnectionTools tools;
    private final Policy policy;
    private final Confirmations confirmations;
    private final Budgets budgets;
    private final CallEstimator estimator;
    private final AuditTrail audit;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public ToolGate(
            ConnectionTools tools,
            Policy policy,
            Confirmations confirmations,
            Budgets budgets,
            PriceTable prices,
            AuditTrail audit,
            GatewayMetrics metrics,
            Clock clock) {
        this.tools = tools;
        this.policy = policy;
        this.confirmations = confirmations;
        this.budgets = budgets;
        this.estimator = new CallEstimator(prices);
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The tools the caller may see, with {@code dry_run} and {@code confirmation_token} where they apply. */
    public List<ToolSpec> list(Caller caller) {
        return ConnectionTools.catalog().list(dev.scaletoolkit.tools.Profile.FULL).stream()
                .filter(caller::allows)
                .map(this::withGateArguments)
                .toList();
    }

    /**
     * The caller's tools for an agent framework (LangChain4j, Spring AI, …) in this process: listed as the caller
     * sees them (the discovery tools when its profile is discovery), every call through this gate as the caller,
     * with {@code approver} asked when a call needs confirmation.
     */
    public AgentToolSet toolSet(Caller caller, Approver approver) {
        return AgentToolSet.of(
                list(caller),
                ConnectionTools.catalog(),
                (name, args, progress) -> call(caller, name, args, progress, approver),
                caller.discovery());
    }

    /** Whether the tool accepts {@code dry_run} (it may need confirmation somewhere). */
    public boolean acceptsDryRun(String slug) {
        return policy.mayNeedConfirmation(slug, CallEstimator.createsTasks(slug));
    }

    public ToolResult call(
            Caller caller, String toolName, JsonNode rawArgs, ProgressListener progress, Approver approver) {
        long started = System.nanoTime();
        Optional<ToolSpec> found = ConnectionTools.catalog().find(toolName);
        String slug = found.map(ToolSpec::slug).orElse(String.valueOf(toolName));
        ObjectNode args = rawArgs instanceof ObjectNode o
                ? o.deepCopy()
                : ScaleJson.mapper().createObjectNode();
        boolean dryRun = args.path(DRY_RUN).asBoolean(false);
        args.remove(DRY_RUN);
        JsonNode tokenNode = args.remove(CONFIRMATION_TOKEN);
        String confirmationToken = tokenNode == null || tokenNode.isNull() ? null : tokenNode.asString();
        Outcome o = new Outcome(caller, slug, args, started);
        if (found.isEmpty()) {
            return finish(
                    o,
                    refuse(
                            o,
                            new ToolError(
                                    "Unknown tool '" + toolName + "'. List the tools to see the accepted names.",
                                    ToolError.Code.UNKNOWN_TOOL,
                                    null,
                                    false,
                                    null,
                                    List.of())));
        }
        if (!caller.allows(found.get())) {
            return finish(o, refuse(o, GateErrors.toolNotAllowed(slug, caller)));
        }
        ConnectionTools.Bound bound;
        try {
            bound = tools.bind(caller.connection());
        } catch (GatewayException e) {
            return finish(o, refuse(o, GateErrors.connectionMissing(e.getMessage())));
        }
        if (bound.connection().live() && !caller.allowLive()) {
            return finish(
                    o, refuse(o, GateErrors.liveNotAllowed(bound.connection().name())));
        }
        Estimate estimate = estimator.estimate(slug, args, bound.backend());
        boolean needs = policy.needsConfirmation(slug, bound.connection().mode(), CallEstimator.createsTasks(slug));
        String digest = ArgsDigest.of(args);
        if (dryRun) {
            o.confirmation = "dry_run";
            return finish(
                    o,
                    ToolResult.ok(DryRuns.preview(
                            bound, slug, args, estimate, needs, caller, digest, policy, confirmations)));
        }
        Budgets.Outcome reservation =
                budgets.reserve(caller.tokenId(), tokenName(caller), caller.connection(), estimate);
        if (reservation.refused()) {
            metrics.budgetRefusal(reservation.refusal().limit());
            return finish(o, refuse(o, GateErrors.budgetExceeded(reservation.refusal())));
        }
        if (needs) {
            Optional<ToolError> refusal = confirm(o, slug, digest, confirmationToken, approver, bound, estimate);
            if (refusal.isPresent()) {
                budgets.settle(reservation.reservationId(), 0, 0);
                return finish(o, refuse(o, refusal.get()));
            }
        }
        ToolResult result = bound.tools().call(slug, args, progress);
        int created = created(slug, result, estimate);
        long cost = estimate.tasks() == 0 ? 0 : estimate.costMicros() * created / estimate.tasks();
        budgets.settle(reservation.reservationId(), created, cost);
        o.costMicros = cost;
        metrics.spend(bound.connection().name(), cost);
        return finish(o, result);
    }

    private Optional<ToolError> confirm(
            Outcome o,
            String slug,
            String digest,
            String token,
            Approver approver,
            ConnectionTools.Bound bound,
            Estimate estimate) {
        if (token != null) {
            Optional<String> why = confirmations.redeem(token, o.caller.name(), slug, digest, policy);
            if (why.isPresent()) {
                o.confirmation = "token_refused";
                return Optional.of(GateErrors.confirmationInvalid(why.get()));
            }
            o.confirmation = "token";
            return Optional.empty();
        }
        Approver.Answer answer =
                (approver == null ? Approver.NONE : approver).ask(question(o.caller, slug, o.args, bound, estimate));
        if (answer == Approver.Answer.APPROVED) {
            o.confirmation = "person";
            return Optional.empty();
        }
        o.confirmation = answer == Approver.Answer.DECLINED ? "person_declined" : "missing";
        return Optional.of(GateErrors.confirmationRequired(slug, answer == Approver.Answer.DECLINED));
    }

    private static String question(
            Caller caller, String slug, ObjectNode args, ConnectionTools.Bound bound, Estimate estimate) {
        String text = "Allow " + caller.name() + " to call " + slug + " on connection '"
                + bound.connection().name() + "' (" + bound.connection().mode().wireName() + ")";
        if (estimate.createsTasks()) {
            text += ", creating " + estimate.tasks() + " task(s), estimated $"
                    + String.format(java.util.Locale.ROOT, "%.2f", PriceTable.usd(estimate.costMicros()));
        }
        String shown = Redactor.redact(args).toString();
        return text + "? Arguments: " + (shown.length() > 600 ? shown.substring(0, 600) + "…" : shown);
    }

    /** Tasks the call really created: one for a successful single create; the count a bulk create reports. */
    private static int created(String slug, ToolResult result, Estimate estimate) {
        if (!estimate.createsTasks() || !result.successful()) {
            return 0;
        }
        return CallEstimator.BULK.equals(slug) ? result.data().path("created").asInt(0) : estimate.tasks();
    }

    private ToolResult finish(Outcome o, ToolResult result) {
        long nanos = System.nanoTime() - o.started;
        ToolError error = result.error();
        String outcome = result.successful() ? "ok" : (o.refused ? "refused" : "error");
        audit.append(new AuditTrail.Call(
                clock.millis(),
                o.caller.name(),
                o.caller.connection(),
                o.slug,
                Redactor.redact(o.args).toString(),
                outcome,
                error == null ? null : error.code(),
                nanos / 1_000_000,
                o.costMicros,
                o.confirmation));
        metrics.toolCall(
                o.slug,
                o.caller.connection(),
                outcome,
                error == null ? null : error.code(),
                error != null && error.retryable(),
                nanos,
                o.caller.name() + "|" + o.slug + "|" + ArgsDigest.of(o.args));
        return result;
    }

    /** The gateway stopped the call before it reached Scale. */
    private static ToolResult refuse(Outcome o, ToolError error) {
        o.refused = true;
        return ToolResult.failed(error);
    }

    private static String tokenName(Caller caller) {
        int open = caller.name().indexOf('(');
        return open < 0 ? null : caller.name().substring(open + 1, caller.name().length() - 1);
    }

    private ToolSpec withGateArguments(ToolSpec spec) {
        if (!acceptsDryRun(spec.slug())) {
            return spec;
        }
        ObjectNode input = spec.inputSchema();
        ObjectNode props =
                input.has("properties") ? (ObjectNode) input.get("properties") : input.putObject("properties");
        props.putObject(DRY_RUN)
                .put("type", "boolean")
                .put(
                        "description",
                        "true: send nothing; answer with the exact request, project defaults, validation,"
                                + " estimated cost and, when needed, a confirmation_token.");
        props.putObject(CONFIRMATION_TOKEN)
                .put("type", "string")
                .put("description", "The token a dry run returned, to confirm this exact call once.");
        return new ToolSpec(
                spec.slug(),
                spec.title(),
                spec.description(),
                input,
                spec.outputSchema(),
                spec.annotations(),
                spec.profiles(),
                spec.aliases());
    }

    /** What is known about a call while it passes the gate. */
    private static final class Outcome {
        final Caller caller;
        final String slug;
        final ObjectNode args;
        final long started;
        String confirmation = "not_needed";
        long costMicros;
        boolean refused;

        Outcome(Caller caller, String slug, ObjectNode args, long started) {
            this.caller = caller;
            this.slug = slug;
            this.args = args;
            this.started = started;
        }
    }
}
