package dev.scaletoolkit.cli;

import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.gateway.Gateway;
import dev.scaletoolkit.gateway.mcp.GatewayMcp;
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
            dev.scaletoolkit.gateway.mcp.McpFeatures features) {
        emulator.observeRequests(gateway.metrics()::emulatorRequest);
        workerMetrics(emulator.context().supervisor(), gateway.metrics().registry());
        emulator.mount("/metrics", new ServletHolder("scale-metrics", new MetricsServlet(gateway.metrics())));
        return GatewayMcp.httpServlet(gateway, operatorMcp, mcpToken, features);
    }

    /**
     * The supervised background workers (the emulator's and the triggers'): failures of each since start, and
     * whether it is down now. Read by name, so a worker started again under the same name keeps its meters.
     */
    private static void workerMetrics(
            dev.scaletoolkit.infra.work.Supervisor supervisor, io.micrometer.core.instrument.MeterRegistry registry) {
        supervisor.whenStarted(w -> {
            String name = w.name();
            io.micrometer.core.instrument.FunctionCounter.builder(
                            "scale.emulator.worker.failures", supervisor, s -> s.failures(name))
                    .description("Failures of a background worker (each restarts it after a back-off)")
                    .tag("worker", name)
                    .register(registry);
            io.micrometer.core.instrument.Gauge.builder(
                            "scale.emulator.worker.down", supervisor, s -> s.isDown(name) ? 1 : 0)
                    .description("1 while a background worker is down and waiting to run again")
                    .tag("worker", name)
                    .register(registry);
        });
    }
}
