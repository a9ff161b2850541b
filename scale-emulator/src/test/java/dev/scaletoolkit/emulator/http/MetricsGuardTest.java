package dev.scaletoolkit.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Why 5: {@code /metrics} answered a foreign Host and Origin, so a rebinding page could read it. It now
 * has the control plane's guard, whoever mounts it ({@code ./scale up} mounts the gateway's metrics there).
 */
class MetricsGuardTest {
    private static TestEmulator scale;
    private static Http http;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        scale.emulator().mount("/metrics", new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("scale_up 1\n");
            }
        }));
        http = new Http(scale.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @Test
    void aScrapeFromLoopbackAnswers() {
        assertThat(http.get("/metrics").text()).contains("scale_up 1");
    }

    @Test
    void aForeignOriginIsRefused() {
        Http.Resp r = http.send(http.builder("/metrics")
                .header("Origin", "https://evil.example")
                .GET());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(403);
    }

    @Test
    void aForeignHostIsRefused() throws IOException {
        String head = HostileRequestsTest.raw(
                scale.emulator().port(),
                "GET /metrics HTTP/1.1\r\nHost: rebound.evil.example\r\nConnection: close\r\n\r\n",
                10);
        assertThat(head).startsWith("HTTP/1.1 403").doesNotContain("scale_up");
    }
}
