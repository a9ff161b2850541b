package dev.scaletoolkit.emulator.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.team.Teammates;
import dev.scaletoolkit.emulator.testing.TestEmulator;

/**
 * A fresh account for one Studio test: owner grace@lighthouse.example, an active labeler
 * annotator@lighthouse.example, and helpers to make projects and batches through the API.
 */
final class StudioWorld {
    static final String OWNER = "grace@lighthouse.example";
    static final String LABELER = "annotator@lighthouse.example";

    final TestEmulator scale;
    final Accounts.NewAccount account;
    final Http live;
    final Http test;
    final Caller liveCaller;

    StudioWorld(TestEmulator scale) {
        this.scale = scale;
        this.account = scale.newAccount("Lighthouse Imaging", OWNER);
        this.live = new Http(scale.baseUrl(), account.liveKey());
        this.test = new Http(scale.baseUrl(), account.testKey());
        this.liveCaller = new Caller(account.accountId(), false);
        join(LABELER, "labeler");
    }

    /** Invites {@code email} and accepts the invitation, as the invitee would. */
    void join(String email, String role) {
        ok(live.post("/v1/teams/invite", "{\"emails\": [\"" + email + "\"], \"team_role\": \"" + role + "\"}"));
        scale.emulator().context().db().write(h -> Teammates.accept(h, account.accountId(), email));
    }

    void invite(String email) {
        ok(live.post("/v1/teams/invite", "{\"emails\": [\"" + email + "\"], \"team_role\": \"labeler\"}"));
    }

    static Http.Resp ok(Http.Resp r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }

    Http.Resp studioProject(Http http, String name) {
        return ok(http.post(
                "/v1/projects", "{\"name\": \"" + name + "\", \"type\": \"imageannotation\", \"studio\": true}"));
    }

    Http.Resp plainProject(Http http, String name) {
        return ok(http.post("/v1/projects", "{\"name\": \"" + name + "\", \"type\": \"imageannotation\"}"));
    }

    Http.Resp batch(Http http, String project, String name, boolean calibration) {
        return ok(http.post(
                "/v1/batches",
                "{\"project\": \"" + project + "\", \"name\": \"" + name + "\", \"calibration_batch\": " + calibration
                        + "}"));
    }

    static void assertBadRequest(Http.Resp r, String... mentions) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().path("status_code").asInt()).isEqualTo(400);
        assertThat(r.error()).contains(mentions);
    }
}
