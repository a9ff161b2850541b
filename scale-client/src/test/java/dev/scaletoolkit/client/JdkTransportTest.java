package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.client.error.ScaleIoException;
import dev.scaletoolkit.client.http.ScaleRequest;
import dev.scaletoolkit.client.http.ScaleResponse;
import dev.scaletoolkit.client.internal.JdkTransport;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The transport picks its JDK client by scheme: plain http works without any TLS setup, and https still goes
 * through the JDK's default TLS, so a server that does not speak TLS is an I/O error (a failed handshake), not a
 * request sent in clear text.
 */
class JdkTransportTest {
    private final JdkTransport transport =
            new JdkTransport(Duration.ofSeconds(5), Duration.ofSeconds(10), Clock.systemUTC());

    @Test
    void plainHttpIsServedSyncAndAsync() {
        try (TestEmulator emulator = TestEmulator.start()) {
            ScaleRequest request = ScaleRequest.builder("GET", emulator.baseUrl() + "/v1", "/projects")
                    .header("Authorization", basic(emulator.account().liveKey()))
                    .build();
            assertThat(transport.execute(request).status()).isEqualTo(200);
            assertThat(transport.executeAsync(request).join().status()).isEqualTo(200);
        }
    }

    @Test
    void httpsUsesRealTlsEvenWhenPlainHttpWasUsedFirst() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerInClearText(server));
            answering.setDaemon(true);
            answering.start();
            String plainUrl = "http://127.0.0.1:" + server.getLocalPort();
            ScaleResponse clear = transport.execute(
                    ScaleRequest.builder("GET", plainUrl, "/x").build());
            assertThat(clear.status()).isEqualTo(200);

            ScaleRequest secure = ScaleRequest.builder("GET", "https://127.0.0.1:" + server.getLocalPort(), "/x")
                    .build();
            assertThatThrownBy(() -> transport.execute(secure))
                    .isInstanceOf(ScaleIoException.class)
                    .hasMessageContaining("SSL");
            assertThatThrownBy(() -> transport.executeAsync(secure).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ScaleIoException.class);
            answering.interrupt();
        }
    }

    /** Answers every connection with a plain HTTP 200, whatever arrives (a TLS hello included). */
    private static void answerInClearText(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    private static String basic(String key) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
