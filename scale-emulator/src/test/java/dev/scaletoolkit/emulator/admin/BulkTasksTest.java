package dev.scaletoolkit.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /_emulator/tasks/bulk}: many tasks in one request, stored as creates would store them, or none. */
class BulkTasksTest {
    static TestEmulator scale;
    static Http admin;
    static Http api;

    @BeforeAll
    static void start() {
        scale = TestEmulator.start(b -> b.workforceEnabled(false));
        admin = new Http(scale.baseUrl(), null);
        api = new Http(scale.baseUrl(), scale.account().liveKey());
    }

    @AfterAll
    static void stop() {
        scale.close();
    }

    @BeforeEach
    void clean() {
        assertThat(admin.post("/_emulator/reset", "").status()).isEqualTo(200);
        assertThat(api.post("/v1/projects", """
                        {"type": "categorization", "name": "colours", "params": {"instruction": "Pick one."}}""").status()).isEqualTo(200);
        assertThat(api.post("/v1/batches", "{\"project\": \"colours\", \"name\": \"b1\"}")
                        .status())
                .isEqualTo(200);
    }

    private String body(String tasks) {
        return "{\"api_key\": \"" + scale.account().liveKey() + "\", \"tasks\": [" + tasks + "]}";
    }

    private static String task(int i) {
        return "{\"type\": \"categorization\", \"project\": \"colours\", \"batch\": \"b1\", \"attachment_type\":"
                + " \"text\", \"attachment\": \"item " + i + "\", \"categories\": [\"red\", \"blue\"], \"unique_id\":"
                + " \"bulk-" + i + "\"}";
    }

    @Test
    void storesEachTaskAsASingleCreateWouldAndCountsThem() {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            tasks.append(i == 0 ? "" : ",").append(task(i));
        }
        Http.Resp r = admin.post("/_emulator/tasks/bulk", body(tasks.toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode ids = r.json().get("task_ids");
        assertThat(ids.size()).isEqualTo(250);

        JsonNode first = api.get("/v1/task/" + ids.get(0).asString()).json();
        assertThat(first.get("status").asString()).isEqualTo("pending");
        assertThat(first.get("project").asString()).isEqualTo("colours");
        assertThat(first.get("batch").asString()).isEqualTo("b1");
        assertThat(first.get("unique_id").asString()).isEqualTo("bulk-0");
        assertThat(first.get("params").get("attachment").asString()).isEqualTo("item 0");
        // The project's instruction is inherited, as on a single create.
        assertThat(first.get("instruction").asString()).contains("Pick one.");

        assertThat(api.get("/v1/tasks?project=colours&limit=1")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(250);
        assertThat(api.get("/v1/batches/b1/status").json().path("pending").asInt(-1))
                .isEqualTo(250);
        // A later single create with a bulk-loaded unique_id is refused as a duplicate.
        assertThat(api.post("/v1/task/categorization", task(7).replace("\"type\": \"categorization\", ", ""))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void oneBadTaskNamesItsIndexAndWritesNothing() {
        Http.Resp r = admin.post(
                "/_emulator/tasks/bulk",
                body(task(1) + ", "
                        + task(2).replace("\"categories\": [\"red\", \"blue\"]", "\"categories\": \"red\"")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("tasks[1]").contains("categories");
        assertThat(api.get("/v1/tasks?project=colours&limit=1")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aRepeatedUniqueIdIsAConflictAndWritesNothing() {
        Http.Resp r = admin.post("/_emulator/tasks/bulk", body(task(1) + ", " + task(1)));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).contains("unique_id");
        assertThat(api.get("/v1/tasks?project=colours&limit=1")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void refusesAWrongKeyAMissingTypeAndTooManyTasks() {
        assertThat(admin.post(
                                "/_emulator/tasks/bulk",
                                "{\"api_key\": \"live_nope000000000000\", \"tasks\": [" + task(1) + "]}")
                        .status())
                .isEqualTo(401);
        Http.Resp untyped = admin.post("/_emulator/tasks/bulk", body("{\"project\": \"colours\"}"));
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.error()).contains("tasks[0].type");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        Http.Resp tooMany = admin.post("/_emulator/tasks/bulk", body(many.toString()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error()).contains("at most 1000");
    }
}
