package dev.scaletoolkit.cli;

import dev.scaletoolkit.gateway.metrics.GatewayMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /metrics}: the gateway's and the emulator's metrics in Prometheus text format. */
final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient GatewayMetrics metrics;

    MetricsServlet(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.getWriter().write(metrics.scrape());
    }
}
