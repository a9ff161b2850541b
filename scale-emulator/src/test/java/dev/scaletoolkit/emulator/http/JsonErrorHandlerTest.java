package dev.scaletoolkit.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/** A servlet mounted by another module (MCP, the UI) that throws still answers without Java internals. */
class JsonErrorHandlerTest {
    @Test
    void anExceptionEscapingAMountedServletIsA500WithAReferenceOnly() {
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            scale.emulator().mount("/boom", new ServletHolder("boom", new HttpServlet() {
                @Override
                protected void service(HttpServletRequest req, HttpServletResponse resp) {
                    throw new NullPointerException("Cannot invoke \"java.lang.Object.toString()\" because x is null");
                }
            }));
            Http.Resp r = new Http(scale.baseUrl(), null).get("/boom");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.json().path("status_code").asInt()).isEqualTo(500);
            assertThat(r.error()).startsWith("Internal server error (reference ");
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("java.");
        }
    }
}
