package dev.scaletoolkit.gateway.mcp;

import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.mcp.McpSizes;
import dev.scaletoolkit.mcp.McpSizes.Size;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolRegistry;
import java.util.ArrayList;
import java.util.List;

/** What an agent pays to open a gateway token's server, measured as {@link McpSizes} measures the plain one. */
public final class GatewayMcpSizes {
    private GatewayMcpSizes() {}

    /**
     * A gateway token's server with the given profile ({@code ./scale mcp --token}, or {@code /mcp} with the token),
     * on a connection named {@code connection} (the name appears in the instructions).
     */
    public static Size gateway(Gateway gateway, String connection, Profile profile) {
        Caller caller = new Caller("token:measure (sizes)", "measure", connection, profile, null, false);
        return McpSizes.measure("gateway", profile, (in, out) -> GatewayMcp.stdio(gateway, caller, in, out));
    }

    /** Every profile over the plain server, then over a gateway token (on {@code connection}). */
    public static List<Size> all(ToolRegistry registry, Gateway gateway, String connection) {
        List<Size> out = new ArrayList<>(McpSizes.stdioAll(registry));
        for (Profile p : McpSizes.ORDER) {
            out.add(gateway(gateway, connection, p));
        }
        return out;
    }
}
