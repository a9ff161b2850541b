package dev.scaletoolkit.tools.agent;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ProgressListener;
import dev.scaletoolkit.tools.ToolError;
import dev.scaletoolkit.tools.ToolRegistry;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolRunner;
import dev.scaletoolkit.tools.ToolSpec;
import dev.scaletoolkit.tools.discovery.Discovery;
import dev.scaletoolkit.tools.sizing.ResultBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools one agent gets, ready for any agent framework: what to show the model ({@link #tools}) and how to run a
 * call ({@link #call}), with discovery and result sizing handled the same way as over MCP. Built straight on a
 * registry ({@link #of(ToolRegistry, Profile)}), or on a caller's runner and visible tools (the gateway's
 * {@code ToolGate.toolSet}), so a framework adapter never bypasses the caller's scope, budgets, confirmation and
 * audit. The LangChain4j and Spring AI modules are thin shells around this class.
 */
public final class AgentToolSet {
    private final List<ToolSpec> listed;
    private final ToolRunner runner;
    private final Discovery discovery;
    private final ResultBudget budget;

    private AgentToolSet(List<ToolSpec> listed, ToolRunner runner, Discovery discovery, ResultBudget budget) {
        this.listed = List.copyOf(listed);
        this.runner = runner;
        this.discovery = discovery;
        this.budget = budget;
    }

    /** The tools of {@code profile}, called directly on the registry (its backend's key and rights). */
    public static AgentToolSet of(ToolRegistry registry, Profile profile) {
        List<ToolSpec> visible = registry.list(profile);
        java.util.Set<String> allowed =
                visible.stream().map(ToolSpec::slug).collect(java.util.stream.Collectors.toSet());
        ToolRunner withinProfile = (name, args, progress) -> {
            var found = registry.find(name);
            if (found.isPresent() && !allowed.contains(found.get().slug())) {
                return ToolResult.failed(new ToolError(
                        "Tool " + found.get().slug() + " is not in profile " + profile.wireName() + ".",
                        ToolError.Code.TOOL_NOT_ALLOWED,
                        null,
                        false,
                        null,
                        List.of()));
            }
            return registry.call(name, args, progress);
        };
        return of(visible, registry, withinProfile, profile == Profile.DISCOVERY);
    }

    /**
     * The tools {@code visible} to one caller, each call run by {@code runner} (which enforces the caller's
     * scope); {@code discovery} lists the three discovery tools instead of {@code visible}.
     */
    public static AgentToolSet of(List<ToolSpec> visible, ToolRegistry catalog, ToolRunner runner, boolean discovery) {
        List<ToolSpec> listed = new ArrayList<>(discovery ? Discovery.tools() : visible);
        listed.add(Discovery.spec(Discovery.READ_RESULT));
        return new AgentToolSet(
                listed,
                runner,
                discovery ? new Discovery(visible, catalog) : null,
                ResultBudget.fromEnv(System::getenv));
    }

    /** The same tools with results kept within {@code other}. */
    public AgentToolSet withBudget(ResultBudget other) {
        return new AgentToolSet(listed, runner, discovery, other);
    }

    /** What to show the model: name, description, input schema, hints. */
    public List<ToolSpec> tools() {
        return listed;
    }

    /** Runs one call; never throws for a failure the tools know (the envelope says why). */
    public ToolResult call(String name, JsonNode args, ProgressListener progress) {
        String trimmed = name == null ? "" : name.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.equals(Discovery.READ_RESULT) || upper.equals("READ_RESULT")) {
            return budget.read(args == null ? ScaleJson.mapper().createObjectNode() : args);
        }
        if (discovery != null && Discovery.handles(upper)) {
            return discovery.call(upper, args, this::call, progress);
        }
        return runner.run(trimmed, args, progress);
    }

    /** The call's envelope as JSON, cut to the budget (with {@code truncated}) when it is larger. */
    public ObjectNode callSized(String name, JsonNode args, ProgressListener progress) {
        return budget.fit(call(name, args, progress).toJson());
    }
}
