package dev.scaletoolkit.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.IOException;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A web page on another site cannot drive the control plane: not with a text/plain "simple" POST, not with a
 * foreign Origin, not through a rebound DNS name. Local tools (curl, tests, the CLI) keep working.
 */
class RequestGuardTest {
    private static TestEmulator scale;
    private static Http admin;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        admin = new Http(scale.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    private static int accounts() {
        return admin.get("/_emulator/accounts").json().path("docs").size();
    }

    @Test
    void aTextPlainResetFromAWebPageWipesNothing() {
        int before = accounts();
        Http.Resp r = admin.send(admin.builder("/_emulator/reset")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"keep_accounts\": false}")));
        HostileRequestsTest.assertScale4xx(r, 403, "content-type: application/json");
        assertThat(accounts()).isEqualTo(before).isPositive();
    }

    @Test
    void aSeedWithAForeignOriginIsRefused() {
        Http.Resp r = admin.send(
                admin.builder("/_emulator/seed")
                        .header("Content-Type", "application/json")
                        .header("Origin", "https://attacker.example")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"accounts\": [{\"name\": \"x\", \"email\": \"x@example.com\", \"live_key\":"
                                                + " \"live_attacker0000000000000000\", \"test_key\": \"test_attacker00000000000000000\"}]}")));
        HostileRequestsTest.assertScale4xx(r, 403, "origin");
        assertThat(new Http(scale.baseUrl(), "live_attacker0000000000000000")
                        .get("/v1/projects")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aReboundHostNameCannotReadAccountsOrCallbacks() throws IOException {
        for (String path : new String[] {"/_emulator/accounts", "/_emulator/callbacks", "/_emulator/workforce"}) {
            String answer = HostileRequestsTest.raw(
                    scale.emulator().port(),
                    "GET " + path + " HTTP/1.1\r\nHost: rebind.attacker.example:"
                            + scale.emulator().port() + "\r\nConnection: close\r\n\r\n",
                    10);
            assertThat(answer)
                    .startsWith("HTTP/1.1 403")
                    .contains("\"status_code\":403")
                    .doesNotContain("docs");
        }
        // a name that only starts like a loopback address is still a name
        assertThat(HostileRequestsTest.raw(
                        scale.emulator().port(),
                        "GET /_emulator/accounts HTTP/1.1\r\nHost: 127.0.0.1.attacker.example\r\nConnection:"
                                + " close\r\n\r\n",
                        10))
                .startsWith("HTTP/1.1 403");
    }

    @Test
    void theMcpEndpointIsGuardedTheSameWay() throws IOException {
        String answer = HostileRequestsTest.raw(
                scale.emulator().port(),
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://attacker.example\r\nContent-Type:"
                        + " application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                10);
        assertThat(answer).startsWith("HTTP/1.1 403").contains("\"jsonrpc\":\"2.0\"");
    }

    @Test
    void localToolsStillWork() throws IOException {
        assertThat(admin.get("/_emulator/health").status()).isEqualTo(200);
        assertThat(admin.send(admin.builder("/_emulator/workforce")
                                .header("Content-Type", "application/json")
                                .header("Origin", "http://localhost:3000")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")))
                        .status())
                .isEqualTo(200);
        assertThat(HostileRequestsTest.raw(
                        scale.emulator().port(),
                        "GET /_emulator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                        10))
                .startsWith("HTTP/1.1 200");
    }
}
