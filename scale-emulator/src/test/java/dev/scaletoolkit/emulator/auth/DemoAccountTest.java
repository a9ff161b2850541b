package dev.scaletoolkit.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.EmulatorConfig;
import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.ScaleEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo account {@code ./scale up} prints: the same keys on every start, and working keys after a reset. */
class DemoAccountTest {
    @TempDir
    Path dir;

    private ScaleEmulator start() {
        return ScaleEmulator.start(EmulatorConfig.builder()
                .port(0)
                .dataDir(dir)
                .workforceEnabled(false)
                .build());
    }

    @Test
    void aRestartPrintsTheSameKeys() {
        Accounts.NewAccount first;
        try (ScaleEmulator emulator = start()) {
            first = DemoAccount.ensure(emulator.context());
        }
        try (ScaleEmulator emulator = start()) {
            assertThat(DemoAccount.ensure(emulator.context())).isEqualTo(first);
            assertThat(new Http(emulator.baseUrl(), first.liveKey())
                            .get("/v1/projects")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void afterAResetWithoutAccountsARestartShowsNewKeysThatWork() throws Exception {
        Accounts.NewAccount old;
        try (ScaleEmulator emulator = start()) {
            old = DemoAccount.ensure(emulator.context());
            Http.Resp reset = new Http(emulator.baseUrl(), null).post("/_emulator/reset", "{\"keep_accounts\": false}");
            assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        }
        try (ScaleEmulator emulator = start()) {
            Accounts.NewAccount fresh = DemoAccount.ensure(emulator.context());
            assertThat(fresh.liveKey()).isNotEqualTo(old.liveKey());
            assertThat(new Http(emulator.baseUrl(), fresh.liveKey())
                            .get("/v1/projects")
                            .status())
                    .isEqualTo(200);
            assertThat(new Http(emulator.baseUrl(), fresh.testKey())
                            .get("/v1/projects")
                            .status())
                    .isEqualTo(200);
            assertThat(new Http(emulator.baseUrl(), old.liveKey())
                            .get("/v1/projects")
                            .status())
                    .isEqualTo(401);
            // Tools that read the keys from the data directory see the working ones too.
            String file = Files.readString(dir.resolve(DemoAccount.FILE_NAME));
            assertThat(ScaleJson.mapper().readTree(file).path("live_key").asString())
                    .isEqualTo(fresh.liveKey());
        }
    }
}
