package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.Gateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code scale connections …} in-process with its own SCALE_HOME; keys never reach the output. */
class ConnectionsCommandTest {
    private static final String KEY = "live_connections_cmd_key_0001";

    @Test
    void addListUseRotateRemoveWithoutEverPrintingTheKey(@TempDir Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("SCALE_HOME", home.toString());
        env.put("PROD_KEY", KEY);
        env.put("PROD_CB", "cbk_secret_value_1");
        env.put("NEW_KEY", "live_rotated_key_0002");

        Cli.Run add = Cli.run(
                env, "connections", "add", "prod", "--api-key-env", "PROD_KEY", "--callback-secret-env", "PROD_CB");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added connection prod (live");

        Cli.Run again = Cli.run(env, "connections", "add", "prod", "--api-key-env", "PROD_KEY");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists");

        assertThat(Cli.run(env, "connections", "use", "prod").exitCode()).isZero();
        Cli.Run list = Cli.run(env, "connections", "list");
        assertThat(list.out()).contains("* prod").contains("live").contains("secret");
        Cli.Run json = Cli.run(env, "connections", "list", "--json");
        assertThat(json.out()).contains("\"default\" : true");

        assertThat(Cli.run(env, "connections", "rotate", "prod", "--api-key-env", "NEW_KEY")
                        .exitCode())
                .isZero();
        try (Gateway gw = Gateway.open(home, env::get)) {
            assertThat(gw.connections().require("prod").apiKey()).isEqualTo("live_rotated_key_0002");
        }

        Cli.Run missing = Cli.run(env, "connections", "use", "nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no connection named 'nope'").contains("prod");

        assertThat(Cli.run(env, "connections", "remove", "prod").exitCode()).isZero();
        assertThat(Cli.run(env, "connections", "list").out()).contains("No connections yet");

        for (Cli.Run r : new Cli.Run[] {add, again, list, json, missing}) {
            assertThat(r.out() + r.err())
                    .doesNotContain(KEY)
                    .doesNotContain("cbk_secret_value_1")
                    .doesNotContain("live_rotated_key_0002");
        }
    }

    @Test
    void aMissingKeyVariableIsAUsageError(@TempDir Path home) {
        Cli.Run r = Cli.run(Map.of("SCALE_HOME", home.toString()), "connections", "add", "x", "--api-key-env", "NOPE");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("NOPE");
    }

    @Test
    void upRegistersTheDemoAccountAsConnections(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScaleCli.commandLine(Map.of("SCALE_HOME", home.toString())::get);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread up = new Thread(
                () -> exit.set(cli.execute(
                        "up", "--port", "0", "--data", tmp.resolve("data").toString(), "--no-workforce")),
                "scale-up-connections-test");
        up.start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> out.toString().contains("Listening on port: "));
            String banner = out.toString();
            String port = banner.replaceAll("(?s).*Listening on port: (\\d+).*", "$1");
            try (Gateway gw = Gateway.open(home, Map.<String, String>of()::get)) {
                var live = gw.connections().require("emulator");
                var test = gw.connections().require("emulator-test");
                assertThat(live.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/v1");
                assertThat(live.live()).isTrue();
                assertThat(test.live()).isFalse();
                assertThat(banner).contains(live.apiKey()).contains(test.apiKey());
                assertThat(live.callbackSecret()).isNotBlank();
                assertThat(gw.connections().defaultName()).contains("emulator");
            }
            assertThat(err.toString()).contains("'emulator'");
        } finally {
            up.interrupt();
            up.join(30_000);
        }
    }
}
