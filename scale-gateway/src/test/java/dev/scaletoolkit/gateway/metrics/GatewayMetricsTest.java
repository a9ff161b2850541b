package dev.scaletoolkit.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Why 5: {@code /metrics} was empty until the first request, and a scrape weighed 230-274 KB because
 * every timer kept Micrometer's seventy-odd percentile buckets.
 */
class GatewayMetricsTest {
    @Test
    void aFreshRegistryShowsJvmAndProcessFigures() {
        String scrape = new GatewayMetrics().scrape();
        assertThat(scrape)
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds")
                .contains("process_cpu_usage");
    }

    @Test
    void aScrapeAfterTrafficOnManyRoutesStaysUnder30Kb() {
        GatewayMetrics metrics = new GatewayMetrics();
        String[] routes = {"/v1/tasks", "/v1/task/{id}", "/v1/projects", "/v1/batches", "/_emulator/health"};
        for (String route : routes) {
            for (int status : new int[] {200, 400}) {
                metrics.emulatorRequest("GET", route, status, 3_000_000);
            }
        }
        metrics.toolCall("SCALE_AI_LIST_TASKS", "emulator", "ok", null, false, 5_000_000, "k");
        String scrape = metrics.scrape();
        assertThat(scrape).contains("scale_emulator_requests_seconds_bucket");
        assertThat(scrape.getBytes(StandardCharsets.UTF_8).length).isLessThan(30 * 1024);
    }
}
