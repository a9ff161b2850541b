package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.mcp.GatewayMcp;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * What {@code scale up} serves for the gateway: {@code /mcp} for agent tokens (and the operator's own token), and
 * {@code /metrics} with the gateway's and the emulator's metrics.
 */
final class GatewayMounts {
    private GatewayMounts() {}

    /** Mounts {@code /metrics}, starts counting the emulator's requests, and returns the {@code /mcp} servlet. */
    static ServletHolder mount(
            Gateway gateway,
            ScaleEmulator emulator,
            jakarta.servlet.http.HttpServlet operatorMcp,
            String mcpToken,
            dev.scaletoolkit.mcp.McpFeatures features) {
        emulator.observeRequests(gateway.metrics()::emulatorRequest);
        emulator.mount("/metrics", new ServletHolder("scale-metrics", new MetricsServlet(gateway.metrics())));
        return GatewayMcp.httpServlet(gateway, operatorMcp, mcpToken, features);
    }
}
