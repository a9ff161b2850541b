package dev.scaletoolkit.emulator.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.emulator.Http;
import dev.scaletoolkit.emulator.auth.Accounts;
import dev.scaletoolkit.emulator.store.Docs;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running emulator for the task tests plus what they need around it: HTTP clients for the live and test keys,
 * and projects and batches written straight into the tables (their routes belong to another part of the
 * emulator). The simulated workforce is off unless asked for, so live tasks stay pending until a test moves them.
 */
final class TaskWorld implements AutoCloseable {
    final TestEmulator scale;
    final Http live;
    final Http test;

    private TaskWorld(TestEmulator scale) {
        this.scale = scale;
        this.live = new Http(scale.baseUrl(), scale.account().liveKey());
        this.test = new Http(scale.baseUrl(), scale.account().testKey());
    }

    static TaskWorld start() {
        return start(b -> b.workforceEnabled(false));
    }

    static TaskWorld start(UnaryOperator<dev.scaletoolkit.emulator.EmulatorConfig.Builder> customize) {
        return new TaskWorld(TestEmulator.start(customize));
    }

    /** Clients of a second account, to check that accounts never see each other's tasks. */
    Http otherAccount(boolean testMode) {
        Accounts.NewAccount other = scale.newAccount("Other Co", "other-" + System.nanoTime() + "@test.example");
        return new Http(scale.baseUrl(), testMode ? other.testKey() : other.liveKey());
    }

    static String json(Object... keyValues) {
        ObjectNode node = Docs.object();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], ScaleJson.mapper().valueToTree(keyValues[i + 1]));
        }
        return Docs.write(node);
    }

    /** A valid categorization request body with the extra fields given. */
    static String categorization(Object... extra) {
        Object[] base = {
            "instruction", "Is the storefront open?",
            "attachment", "https://assets.example.org/shop.jpg",
            "attachment_type", "image",
            "categories", List.of("open", "closed")
        };
        Object[] all = new Object[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return json(all);
    }

    /** Creates a categorization task and returns its JSON, failing the test unless the answer is 200. */
    JsonNode createTask(Http http, Object... extra) {
        Http.Resp r = http.post("/v1/task/categorization", categorization(extra));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    String accountId() {
        return scale.account().accountId();
    }

    /** Writes a project row as the projects routes would: one param_history entry per element of {@code versions}. */
    void insertProject(boolean testMode, String name, String type, ObjectNode flags, ObjectNode... versions) {
        String now = scale.emulator().context().now();
        ObjectNode doc = Docs.object();
        doc.put("type", type);
        doc.put("name", name);
        var history = doc.putArray("param_history");
        for (int i = 0; i < versions.length; i++) {
            ObjectNode entry = versions[i].deepCopy();
            entry.put("version", i);
            entry.put("created_at", now);
            history.add(entry);
        }
        doc.put("created_at", now);
        doc.put("archived", false);
        doc.setAll(flags);
        scale.emulator()
                .context()
                .db()
                .write(h -> h.createUpdate(
                                "INSERT INTO projects (account_id, test_mode, name, type, archived, created_at, updated_at, doc)"
                                        + " VALUES (:a, :m, :n, :t, 0, :now, :now, :doc)")
                        .bind("a", accountId())
                        .bind("m", testMode ? 1 : 0)
                        .bind("n", name)
                        .bind("t", type)
                        .bind("now", now)
                        .bind("doc", Docs.write(doc))
                        .execute());
    }

    void insertBatch(boolean testMode, String name, String project, String status) {
        String now = scale.emulator().context().now();
        String id = scale.emulator().context().ids().objectId();
        ObjectNode doc = Docs.object();
        doc.put("id", id);
        doc.put("name", name);
        doc.put("project", project);
        doc.put("status", status);
        doc.put("created_at", now);
        doc.put("updated_at", now);
        doc.set("metadata", Docs.object());
        doc.put("calibration_batch", false);
        doc.put("self_label_batch", false);
        scale.emulator()
                .context()
                .db()
                .write(h -> h.createUpdate(
                                "INSERT INTO batches (account_id, test_mode, name, id, project, status, created_at, updated_at,"
                                        + " doc) VALUES (:a, :m, :n, :id, :p, :s, :now, :now, :doc)")
                        .bind("a", accountId())
                        .bind("m", testMode ? 1 : 0)
                        .bind("n", name)
                        .bind("id", id)
                        .bind("p", project)
                        .bind("s", status)
                        .bind("now", now)
                        .bind("doc", Docs.write(doc))
                        .execute());
    }

    String batchStatus(String name) {
        return scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery("SELECT status FROM batches WHERE name = :n")
                        .bind("n", name)
                        .mapTo(String.class)
                        .one());
    }

    /** Completes a pending live task the way the workforce would. */
    void complete(String taskId, ObjectNode response) {
        scale.emulator().services().completion().complete(taskId, response, "test");
    }

    void fail(String taskId) {
        scale.emulator()
                .services()
                .completion()
                .fail(taskId, "One or more attachments could not be downloaded.", "test");
    }

    /** The bodies of the callbacks queued for a task, oldest first. */
    List<JsonNode> callbacks(String taskId) {
        return scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery("SELECT body FROM callbacks WHERE task_id = :t ORDER BY created_at, id")
                        .bind("t", taskId)
                        .mapTo(String.class)
                        .map(s -> (JsonNode) Docs.read(s))
                        .list());
    }

    int count(String sql, String bindName, Object value) {
        return scale.emulator()
                .context()
                .db()
                .read(h -> h.createQuery(sql)
                        .bind(bindName, value)
                        .mapTo(Integer.class)
                        .one());
    }

    void insertBlob(String blobId, String taskId, boolean testMode, String contentType, String body) {
        scale.emulator()
                .context()
                .db()
                .write(h -> h.createUpdate(
                                "INSERT INTO response_blobs (id, account_id, test_mode, task_id, content_type, body,"
                                        + " created_at) VALUES (:id, :a, :m, :t, :ct, :b, :now)")
                        .bind("id", blobId)
                        .bind("a", accountId())
                        .bind("m", testMode ? 1 : 0)
                        .bind("t", taskId)
                        .bind("ct", contentType)
                        .bind("b", body)
                        .bind("now", scale.emulator().context().now())
                        .execute());
    }

    @Override
    public void close() {
        scale.close();
    }
}
