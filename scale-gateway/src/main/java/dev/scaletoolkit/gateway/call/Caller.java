package dev.scaletoolkit.gateway.call;

import dev.scaletoolkit.gateway.token.AgentToken;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolSpec;
import java.util.Set;

/**
 * Who is calling through the gateway, and what they may do: an agent presenting a token, or the operator who
 * named a connection on the command line.
 *
 * @param name how the audit trail names the caller ({@code token:<id> (<name>)} or {@code operator})
 * @param tokenId the agent token's id, or {@code null} for the operator
 * @param connection the connection every call uses
 * @param profile the profile whose tools are allowed, or {@code null} when {@code tools} lists them; for
 *     {@code discovery}, the tools are reached through the discovery tools, and {@code tools}, when not empty,
 *     narrows them
 * @param tools the allowed slugs when {@code profile} is null (or is {@code discovery})
 * @param allowLive whether a live connection may be used
 */
public record Caller(
        String name, String tokenId, String connection, Profile profile, Set<String> tools, boolean allowLive) {

    public Caller {
        tools = tools == null ? Set.of() : Set.copyOf(tools);
    }

    public static Caller of(AgentToken token) {
        return new Caller(
                token.callerName(), token.id(), token.connection(), token.profile(), token.tools(), token.allowLive());
    }

    /** The person at the keyboard: their own connection, the chosen profile, live allowed. */
    public static Caller operator(String connection, Profile profile) {
        return new Caller("operator", null, connection, profile, Set.of(), true);
    }

    public boolean allows(ToolSpec tool) {
        return allows(profile, tools, tool);
    }

    /** The scope rule of callers and tokens alike: a profile, a tool list, or discovery over either. */
    public static boolean allows(Profile profile, Set<String> tools, ToolSpec tool) {
        if (profile == Profile.DISCOVERY) {
            return tools.isEmpty() ? tool.profiles().contains(Profile.FULL) : tools.contains(tool.slug());
        }
        return profile != null ? tool.profiles().contains(profile) : tools.contains(tool.slug());
    }

    /** Whether the caller's tools are listed as the discovery tools rather than one by one. */
    public boolean discovery() {
        return profile == Profile.DISCOVERY;
    }
}
