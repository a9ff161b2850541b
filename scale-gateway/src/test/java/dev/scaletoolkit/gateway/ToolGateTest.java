package dev.scaletoolkit.gateway;

import static dev.scaletoolkit.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.gateway.audit.AuditEntry;
import dev.scaletoolkit.gateway.call.Approver;
import dev.scaletoolkit.gateway.call.Caller;
import dev.scaletoolkit.gateway.token.AgentTokens;
import dev.scaletoolkit.tools.Profile;
import dev.scaletoolkit.tools.ToolResult;
import dev.scaletoolkit.tools.ToolSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The gate against a real emulator over HTTP: scopes, the live flag, budgets, confirmation, the audit trail. */
class ToolGateTest {
    private static final String PROJECT = "{\"name\": \"signs\", \"type\": \"imageannotation\","
            + " \"params\": {\"instruction\": \"Box every sign.\"}}";

    private static String task(int n) {
        return "{\"project\": \"signs\", \"attachment\": \"https://example.com/" + n + ".jpg\","
                + " \"geometries\": {\"box\": {\"objects_to_annotate\": [\"sign\"]}}}";
    }

    @Test
    void aReadonlyTokenSeesAndCallsOnlyReadTools(@TempDir Path home) {
        try (GatewayFixture f = new GatewayFixture(home, null)) {
            Caller agent = Caller.of(f.token("test", Profile.READONLY, false).token());
            List<ToolSpec> listed = f.gateway.gate().list(agent);
            assertThat(listed).isNotEmpty().allMatch(ToolSpec::readOnly);
            assertThat(listed)
                    .extracting(ToolSpec::slug)
                    .contains("SCALE_AI_LIST_PROJECTS")
                    .doesNotContain("SCALE_AI_CREATE_PROJECT");

            ToolResult read = f.gateway.gate().call(agent, "SCALE_AI_LIST_PROJECTS", json("{}"), null, null);
            assertThat(read.successful()).as(String.valueOf(read.error())).isTrue();
            ToolResult write = f.gateway.gate().call(agent, "SCALE_AI_CREATE_PROJECT", json(PROJECT), null, null);
            assertThat(write.successful()).isFalse();
            assertThat(write.error().code()).isEqualTo("tool_not_allowed");
        }
    }

    @Test
    void aTokenWithoutTheLiveFlagCannotTouchALiveConnection(@TempDir Path home) {
        try (GatewayFixture f = new GatewayFixture(home, null)) {
            Caller agent = Caller.of(f.token("live", Profile.FULL, false).token());
            ToolResult r = f.gateway.gate().call(agent, "SCALE_AI_LIST_PROJECTS", json("{}"), null, null);
            assertThat(r.successful()).isFalse();
            assertThat(r.error().code()).isEqualTo("live_not_allowed");
            assertThat(r.error().message()).contains("'live'").contains("--allow-live");
            Caller allowed = Caller.of(f.token("live", Profile.FULL, true).token());
            assertThat(f.gateway
                            .gate()
                            .call(allowed, "SCALE_AI_LIST_PROJECTS", json("{}"), null, null)
                            .successful())
                    .isTrue();
        }
    }

    @Test
    void aBudgetStopsTheNPlusFirstTaskAndSaysWhenItResets(@TempDir Path home) {
        String budgets = "{\"tokens\": {\"*\": {\"tasks_per_minute\": 3}}}";
        try (GatewayFixture f = new GatewayFixture(home, budgets)) {
            Caller agent = Caller.of(f.token("test", Profile.FULL, false).token());
            ToolResult project = f.gateway.gate().call(agent, "CREATE_PROJECT", json(PROJECT), null, null);
            assertThat(project.successful()).as(String.valueOf(project.error())).isTrue();
            for (int i = 1; i <= 3; i++) {
                ToolResult ok = f.gateway
                        .gate()
                        .call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", json(task(i)), null, null);
                assertThat(ok.successful()).as(String.valueOf(ok.error())).isTrue();
            }
            ToolResult fourth =
                    f.gateway.gate().call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", json(task(4)), null, null);
            assertThat(fourth.successful()).isFalse();
            assertThat(fourth.error().code()).isEqualTo("budget_exceeded");
            assertThat(fourth.error().retryAfterSeconds()).isEqualTo(55L);
            assertThat(fourth.error().details().path("limit").asString()).isEqualTo("tasks_per_minute");
            assertThat(fourth.error().details().path("remaining").asDouble()).isZero();
            assertThat(fourth.error().details().path("resets_at").asString()).isEqualTo("2026-11-29T10:01:00Z");
            assertThat(fourth.error().message()).contains("tasks_per_minute").contains("10:01:00Z");

            f.clock.advance(Duration.ofMinutes(1));
            assertThat(f.gateway
                            .gate()
                            .call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", json(task(5)), null, null)
                            .successful())
                    .as("the next minute has room again")
                    .isTrue();
        }
    }

    @Test
    void aDestructiveCallNeedsAValidSingleUseConfirmation(@TempDir Path home) {
        try (GatewayFixture f = new GatewayFixture(home, null)) {
            AgentTokens.Created created = f.token("live", Profile.FULL, true);
            Caller agent = Caller.of(created.token());
            var gate = f.gateway.gate();
            gate.call(agent, "CREATE_PROJECT", json(PROJECT), null, null);

            // a live task creation without confirmation fails closed, and nothing is created
            ToolResult bare = gate.call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", json(task(1)), null, null);
            assertThat(bare.error().code()).isEqualTo("confirmation_required");
            assertThat(bare.error().message()).contains("dry_run");
            ToolResult listed = gate.call(agent, "SCALE_AI_LIST_TASKS", json("{\"project\": \"signs\"}"), null, null);
            assertThat(listed.data().path("docs").size()).isZero();

            // a dry run shows the exact request, the project's defaults, validation and cost, and issues a token
            ObjectNode dry = json(task(1));
            dry.put("dry_run", true);
            ToolResult preview = gate.call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", dry, null, null);
            assertThat(preview.successful()).isTrue();
            var p = preview.data();
            assertThat(p.path("requests").get(0).path("path").asString()).isEqualTo("/v1/task/imageannotation");
            assertThat(p.path("requests").get(0).path("body").path("attachment").asString())
                    .isEqualTo("https://example.com/1.jpg");
            assertThat(p.path("project_defaults")
                            .path("params")
                            .path("instruction")
                            .asString())
                    .isEqualTo("Box every sign.");
            assertThat(p.path("validation").path("valid").asBoolean())
                    .as(p.toString())
                    .isTrue();
            assertThat(p.path("estimate").path("cost_usd").asDouble()).isEqualTo(0.20);
            String token = p.path("confirmation").path("token").asString();
            assertThat(token).startsWith("scf_");

            // a token for other arguments is refused
            ObjectNode other = json(task(2));
            other.put("confirmation_token", token);
            ToolResult wrongArgs = gate.call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", other, null, null);
            assertThat(wrongArgs.error().code()).isEqualTo("confirmation_invalid");
            assertThat(wrongArgs.error().message()).contains("other arguments");

            // the right token works once
            ObjectNode confirmed = json(task(1));
            confirmed.put("confirmation_token", token);
            ToolResult ok = gate.call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", confirmed, null, null);
            assertThat(ok.successful()).as(String.valueOf(ok.error())).isTrue();
            ToolResult reused = gate.call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", confirmed, null, null);
            assertThat(reused.error().code()).isEqualTo("confirmation_invalid");
            assertThat(reused.error().message()).contains("already used");

            // an expired token is refused
            ObjectNode dry3 = json(task(3));
            dry3.put("dry_run", true);
            String token3 = gate.call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", dry3, null, null)
                    .data()
                    .path("confirmation")
                    .path("token")
                    .asString();
            f.clock.advance(Duration.ofMinutes(11));
            ObjectNode late = json(task(3));
            late.put("confirmation_token", token3);
            ToolResult expired = gate.call(agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", late, null, null);
            assertThat(expired.error().code()).isEqualTo("confirmation_invalid");
            assertThat(expired.error().message()).contains("expired");

            // a person approving through the client is enough, and the audit says so
            ToolResult approved = gate.call(
                    agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", json(task(4)), null, q -> Approver.Answer.APPROVED);
            assertThat(approved.successful()).isTrue();
            ToolResult declined = gate.call(
                    agent, "SCALE_AI_CREATE_IMAGE_ANNOTATION_TASK", json(task(5)), null, q -> Approver.Answer.DECLINED);
            assertThat(declined.error().code()).isEqualTo("confirmation_required");

            List<AuditEntry> newest = f.gateway.audit().newest(20);
            assertThat(newest.get(1).confirmation()).isEqualTo("person");
            assertThat(newest.get(0).confirmation()).isEqualTo("person_declined");
            assertThat(newest).extracting(AuditEntry::confirmation).contains("token", "dry_run", "missing");
            assertThat(newest)
                    .allSatisfy(e -> assertThat(e.arguments() + e.caller())
                            .doesNotContain(created.secret())
                            .doesNotContain(token)
                            .doesNotContain(f.scale.account().liveKey()));
            assertThat(f.gateway.audit().verify().intact()).isTrue();
        }
    }
}
