package dev.scaletoolkit.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/batches?audited_after=&audited_before=} follow the newest audit of any task of each batch. */
class BatchAuditFilterTest {
    private static List<String> names(Http.Resp page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        page.json().path("docs").forEach(d -> out.add(d.path("name").asString()));
        return out;
    }

    @Test
    void onlyBatchesWithATaskAuditedInTheRangeMatch() {
        try (TestEmulator scale = TestEmulator.start(b -> b.workforceEnabled(false))) {
            Http live = new Http(scale.baseUrl(), scale.account().liveKey());
            Http admin = new Http(scale.baseUrl(), null);
            live.post("/v1/projects", "{\"type\": \"categorization\", \"name\": \"shops\"}");
            for (String name : List.of("audited", "untouched")) {
                assertThat(live.post("/v1/batches", "{\"project\": \"shops\", \"name\": \"" + name + "\"}")
                                .status())
                        .isEqualTo(200);
            }
            String task = live.post("/v1/task/categorization", """
                            {"batch": "audited", "instruction": "Open?", "attachment_type": "text",
                             "attachment": "shop", "categories": ["open", "closed"]}""")
                    .json()
                    .path("task_id")
                    .asString();
            assertThat(admin.post("/_emulator/tasks/" + task + "/complete", "{\"response\": {\"category\": \"open\"}}")
                            .status())
                    .isEqualTo(200);
            String before = ScaleTime.format(Instant.now().minusSeconds(60));
            assertThat(names(live.get("/v1/batches?audited_after=" + before))).isEmpty();

            assertThat(live.post("/v1/task/" + task + "/audit", "{\"accepted\": true}")
                            .status())
                    .isEqualTo(200);
            String after = ScaleTime.format(Instant.now().plusSeconds(60));
            assertThat(names(live.get("/v1/batches?audited_after=" + before))).containsExactly("audited");
            assertThat(names(live.get("/v1/batches?audited_before=" + after))).containsExactly("audited");
            assertThat(names(live.get("/v1/batches?audited_after=" + after))).isEmpty();
        }
    }
}
