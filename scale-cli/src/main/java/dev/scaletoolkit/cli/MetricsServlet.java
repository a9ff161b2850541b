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
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            scrape(req, resp);
            return;
        }
        // HttpServlet would answer a made-up method with 501, as if the server were broken; it is the caller's mistake.
        resp.setStatus(405);
        resp.setHeader("Allow", "GET, HEAD");
        resp.setContentType("application/json;charset=utf-8");
        resp.getWriter().write("{\"status_code\":405,\"error\":\"Metrics are read with GET /metrics.\"}");
    }

    private void scrape(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        if (!req.getMethod().equals("HEAD")) {
            resp.getWriter().write(metrics.scrape());
        }
    }
}
