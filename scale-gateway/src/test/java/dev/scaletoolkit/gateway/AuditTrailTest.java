package dev.scaletoolkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.audit.AuditTrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain: an edited, removed or truncated entry is found by verify, which names it. */
class AuditTrailTest {

    private static Gateway withFiveEntries(Path home) {
        Gateway gw = Gateway.open(home, Map.<String, String>of()::get);
        for (int i = 1; i <= 5; i++) {
            gw.audit()
                    .append(new AuditTrail.Call(
                            1_000L * i,
                            "token:abc (bot)",
                            "prod",
                            "SCALE_AI_GET_TASK",
                            "{\"task_id\":\"t" + i + "\"}",
                            "ok",
                            null,
                            12,
                            0,
                            "not_needed"));
        }
        assertThat(gw.audit().verify().intact()).isTrue();
        assertThat(gw.audit().verify().entries()).isEqualTo(5);
        return gw;
    }

    private static void sql(Gateway gw, String statement) {
        gw.database().write(h -> h.execute(statement));
    }

    @Test
    void anEditedEntryIsNamed(@TempDir Path home) {
        try (Gateway gw = withFiveEntries(home)) {
            sql(gw, "UPDATE gw_audit SET arguments = '{\"task_id\":\"other\"}' WHERE seq = 3");
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(3);
            assertThat(v.problem()).contains("entry 3 was changed");
        }
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheNextLink(@TempDir Path home) {
        try (Gateway gw = withFiveEntries(home)) {
            sql(gw, "UPDATE gw_audit SET entry_hash = '" + "f".repeat(64) + "', outcome = 'error' WHERE seq = 2");
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.firstBadSeq()).isEqualTo(2);
        }
    }

    @Test
    void aRemovedEntryIsNamed(@TempDir Path home) {
        try (Gateway gw = withFiveEntries(home)) {
            sql(gw, "DELETE FROM gw_audit WHERE seq = 2");
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.firstBadSeq()).isEqualTo(2);
            assertThat(v.problem()).contains("entry 2 was removed");
        }
    }

    @Test
    void removingTheNewestEntriesIsNoticed(@TempDir Path home) {
        try (Gateway gw = withFiveEntries(home)) {
            sql(gw, "DELETE FROM gw_audit WHERE seq >= 4");
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(4);
            assertThat(v.problem()).contains("removed from the end");
        }
    }

    @Test
    void exportWritesOneJsonObjectPerEntry(@TempDir Path home) {
        try (Gateway gw = withFiveEntries(home)) {
            StringWriter out = new StringWriter();
            gw.audit().exportJsonl(new PrintWriter(out));
            String[] lines = out.toString().strip().split("\n");
            assertThat(lines).hasSize(5);
            assertThat(lines[0]).contains("\"seq\":1").contains("\"prev_hash\":\"" + "0".repeat(64) + "\"");
        }
    }

    @Test
    void removingTheNewestEntriesAndTheirHeadRowIsNoticedThroughTheHeadFile(@TempDir Path home) {
        try (Gateway gw = withFiveEntries(home)) {
            sql(gw, "DELETE FROM gw_audit WHERE seq >= 4");
            sql(gw, "DELETE FROM gw_settings WHERE name = 'audit_head'");
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(4);
            assertThat(v.problem()).contains("entry 4 to 5 were removed from the end");
        }
    }

    @Test
    void removingTheNewestEntriesAndRewritingTheHeadRowToMatchIsNoticedThroughTheHeadFile(@TempDir Path home) {
        try (Gateway gw = withFiveEntries(home)) {
            String third = gw.database()
                    .read(h -> h.createQuery("SELECT entry_hash FROM gw_audit WHERE seq = 3")
                            .mapTo(String.class)
                            .one());
            sql(gw, "DELETE FROM gw_audit WHERE seq >= 4");
            sql(gw, "UPDATE gw_settings SET value = '3:" + third + "' WHERE name = 'audit_head'");
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadSeq()).isEqualTo(4);
            assertThat(v.problem()).contains("removed from the end").contains("head file");
        }
    }

    @Test
    void theHeadFileIsOwnerOnlyAndFollowsEveryAppend(@TempDir Path home) throws Exception {
        try (Gateway gw = withFiveEntries(home)) {
            Path file = home.resolve("audit-head");
            assertThat(java.nio.file.Files.readString(file)).startsWith("5:");
            assertThat(dev.scaletoolkit.infra.crypto.OwnerOnlyFiles.openToOthers(file))
                    .isFalse();
        }
    }

    @Test
    void anEditedHeadFileIsReportedNotTrusted(@TempDir Path home) throws Exception {
        try (Gateway gw = withFiveEntries(home)) {
            java.nio.file.Files.writeString(home.resolve("audit-head"), "5:not-a-hash\n");
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("does not hold a head");
        }
    }

    @Test
    void aMissingHeadFileIsSaidAndRecordedAgain(@TempDir Path home) throws Exception {
        try (Gateway gw = withFiveEntries(home)) {
            java.nio.file.Files.delete(home.resolve("audit-head"));
            AuditTrail.Verification v = gw.audit().verify();
            assertThat(v.intact()).isTrue();
            assertThat(v.warning()).contains("was missing").contains("now records entry 5");
            assertThat(java.nio.file.Files.readString(home.resolve("audit-head")))
                    .startsWith("5:");
            assertThat(gw.audit().verify().warning()).isNull();
        }
    }
}
