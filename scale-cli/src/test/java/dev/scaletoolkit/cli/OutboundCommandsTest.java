package dev.scaletoolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.infra.net.AddressForms;
import dev.scaletoolkit.infra.net.AddressKind;
import dev.scaletoolkit.infra.net.AllowList;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code callbacks listen --forward-to} and {@code connections add --base-url} pass the one outbound policy: every
 * spelling of the shared table, and the reproductions of issue 18 (a decimal metadata address, a metadata base URL
 * that would have received the API key).
 */
class OutboundCommandsTest {
    private static final CommandLine.Model.CommandSpec SPEC =
            new CommandLine(CommandLine.Model.CommandSpec.create()).getCommandSpec();

    static Stream<AddressForms.Form> forms() {
        return AddressForms.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void forwardToJudgesEverySpellingAsTheAddressItIsAndAllowsLoopback(AddressForms.Form form) {
        String url = form.url("http", 3000, "/callbacks");
        boolean unreadable = URI.create(url).getHost() == null;
        if (unreadable || (form.refused() && form.kind() != AddressKind.LOOPBACK)) {
            assertThatThrownBy(() -> CallbackForwarder.to(SPEC, url, AllowList.none()))
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageStartingWith("--forward-to: the URL");
        } else {
            assertThat(CallbackForwarder.to(SPEC, url, AllowList.none())).isNotNull();
        }
    }

    @Test
    void forwardingToTheMetadataAddressInDecimalIsAUsageError(@TempDir Path home) {
        Cli.Run r = Cli.run(
                Map.of("SCALE_HOME", home.toString()),
                "callbacks",
                "listen",
                "--port",
                "0",
                "--auth",
                "cbk_x",
                "--forward-to",
                "http://2852039166/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("169.254.169.254").contains("cloud metadata");
    }

    @Test
    void aBaseUrlThatIsNotScaleNorAStartedEmulatorNeedsAnAllow(@TempDir Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("SCALE_HOME", home.toString());
        env.put("K", "live_outbound_cmd_key_0001");
        Cli.Run metadata = Cli.run(
                env, "connections", "add", "m", "--base-url", "http://169.254.169.254/v1", "--api-key-env", "K");
        assertThat(metadata.exitCode()).isEqualTo(1);
        assertThat(metadata.err()).contains("cloud metadata");

        Cli.Run lab = Cli.run(
                env, "connections", "add", "lab", "--base-url", "http://10.1.2.3:8790/v1", "--api-key-env", "K");
        assertThat(lab.exitCode()).isEqualTo(1);
        assertThat(lab.err()).contains("--allow-host 10.1.2.3");

        Cli.Run allowed = Cli.run(
                env,
                "connections",
                "add",
                "lab",
                "--base-url",
                "http://10.1.2.3:8790/v1",
                "--api-key-env",
                "K",
                "--allow-host",
                "10.1.2.3:8790");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();

        Cli.Run bad = Cli.run(env, "connections", "add", "x", "--api-key-env", "K", "--allow-host", "not a host!");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--allow-host");
    }
}
