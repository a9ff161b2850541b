package dev.scaletoolkit.tools;

import tools.jackson.databind.JsonNode;

/**
 * Runs one tool call and returns its envelope: {@link ToolRegistry#call} for a direct call, the gateway's gate for a
 * call under a token's scope, budget, confirmation and audit. Discovery and the agent-framework adapters call tools
 * only through one of these, so they never bypass what the caller is held to.
 */
@FunctionalInterface
public interface ToolRunner {
    /** Runs {@code name} (slug or alias) with {@code args}; failures come back as a failed {@link ToolResult}. */
    ToolResult run(String name, JsonNode args, ProgressListener progress);
}
