package dev.scaletoolkit.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, Why 4: {@code scale.db} held the demo live key and the account callback secret in clear. They are now
 * sealed under the installation's master key ({@code master.key} beside the database, owner-only), the keys still
 * authenticate, a restart prints the same keys, and rows written in the clear by an older version are sealed at
 * the next start.
 */
class SecretsAtRestTest {
    private static String column(ScaleEmulator e, String sql) {
        return e.context().db().read(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static boolean fileHolds(Path dir, String secret) throws Exception {
        byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith("scale.db"))
                    .toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (text.contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theDemoKeysAndCallbackSecretAreSealedYetAuthenticateAndSurviveARestart() throws Exception {
        Path dir = Files.createTempDirectory("sealed");
        EmulatorConfig config = TestEmulator.defaults(dir)
                .masterKeyHome(dir)
                .workforceEnabled(false)
                .build();
        Accounts.NewAccount demo;
        try (ScaleEmulator first = ScaleEmulator.start(config)) {
            demo = DemoAccount.ensure(first.context());
            assertThat(column(first, "SELECT live_key FROM demo_account")).startsWith("v1:");
            assertThat(column(first, "SELECT test_key FROM demo_account")).startsWith("v1:");
            assertThat(column(first, "SELECT callback_auth_key FROM accounts WHERE id = '" + demo.accountId() + "'"))
                    .startsWith("v1:")
                    .doesNotContain(demo.callbackAuthKey());
            assertThat(new Http(first.baseUrl(), demo.liveKey())
                            .get("/v1/projects")
                            .status())
                    .isEqualTo(200);
            assertThat(first.accounts().callbackAuthKey(demo.accountId())).isEqualTo(demo.callbackAuthKey());
        }
        assertThat(fileHolds(dir, demo.liveKey()))
                .as("scale.db holds the live key")
                .isFalse();
        assertThat(fileHolds(dir, demo.callbackAuthKey()))
                .as("scale.db holds the callback key")
                .isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key"))))
                .isEqualTo("rw-------");

        try (ScaleEmulator again = ScaleEmulator.start(config)) {
            assertThat(DemoAccount.ensure(again.context())).isEqualTo(demo);
        }
    }

    @Test
    void secretsAnOlderVersionWroteInTheClearAreSealedAtTheNextStart() throws Exception {
        Path dir = Files.createTempDirectory("legacy");
        EmulatorConfig config = TestEmulator.defaults(dir)
                .masterKeyHome(dir)
                .workforceEnabled(false)
                .build();
        Accounts.NewAccount demo;
        try (ScaleEmulator first = ScaleEmulator.start(config)) {
            demo = DemoAccount.ensure(first.context());
            // What an older version left behind: the same secrets, unsealed.
            first.context().db().write(h -> {
                h.createUpdate("UPDATE demo_account SET live_key = :l, test_key = :t")
                        .bind("l", demo.liveKey())
                        .bind("t", demo.testKey())
                        .execute();
                return h.createUpdate("UPDATE accounts SET callback_auth_key = :k WHERE id = :id")
                        .bind("k", demo.callbackAuthKey())
                        .bind("id", demo.accountId())
                        .execute();
            });
            assertThat(DemoAccount.ensure(first.context()))
                    .as("clear values still read")
                    .isEqualTo(demo);
        }
        try (ScaleEmulator again = ScaleEmulator.start(config)) {
            assertThat(column(again, "SELECT live_key FROM demo_account")).startsWith("v1:");
            assertThat(column(again, "SELECT callback_auth_key FROM accounts WHERE id = '" + demo.accountId() + "'"))
                    .startsWith("v1:");
            assertThat(DemoAccount.ensure(again.context())).isEqualTo(demo);
        }
    }
}
