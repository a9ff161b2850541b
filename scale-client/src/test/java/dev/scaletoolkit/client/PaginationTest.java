package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.client.batch.BatchListParams;
import dev.scaletoolkit.client.file.FileListParams;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.file.ScaleFile;
import dev.scaletoolkit.model.task.Task;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each pagination style across a page boundary, with what the client sent for each page. */
class PaginationTest {
    private ScriptedServer server;
    private ScaleClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = ScaleClient.create(ClientOptions.builder()
                .apiKey("test_k")
                .baseUrl(server.baseUrl())
                .build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tasksFollowNextTokenKeepingFilters() {
        server.then(
                        200,
                        "{\"docs\":[{\"task_id\":\"t1\"},{\"task_id\":\"t2\"}],\"total\":3,\"limit\":2,\"offset\":0,"
                                + "\"has_more\":true,\"next_token\":\"tok2\"}")
                .then(
                        200,
                        "{\"docs\":[{\"task_id\":\"t3\"}],\"total\":3,\"limit\":2,\"offset\":0,\"has_more\":false,"
                                + "\"next_token\":null}");
        TaskListParams params = TaskListParams.builder()
                .project("kittens")
                .updatedAfter(Instant.parse("2024-01-01T00:00:00Z"))
                .limit(2)
                .build();
        List<String> ids =
                client.tasks().listAutoPaging(params).stream().map(Task::taskId).toList();
        assertThat(ids).containsExactly("t1", "t2", "t3");
        assertThat(server.received.get(0).query()).doesNotContain("next_token");
        assertThat(server.received.get(1).query())
                .contains(
                        "project=kittens", "limit=2", "updated_after=2024-01-01T00%3A00%3A00.000Z", "next_token=tok2");
    }

    @Test
    void batchesAdvanceTheOffsetByTheLimitWhileHasMore() {
        server.then(
                        200,
                        "{\"docs\":[{\"name\":\"b1\"},{\"name\":\"b2\"}],\"totalDocs\":3,\"limit\":2,\"offset\":0,\"has_more\":true}")
                .then(
                        200,
                        "{\"docs\":[{\"name\":\"b3\"}],\"totalDocs\":3,\"limit\":2,\"offset\":2,\"has_more\":false}");
        List<String> names = client
                .batches()
                .listAutoPaging(BatchListParams.builder().limit(2).build())
                .stream()
                .map(Batch::name)
                .toList();
        assertThat(names).containsExactly("b1", "b2", "b3");
        assertThat(server.received.get(1).query()).contains("offset=2").contains("limit=2");
    }

    @Test
    void filesFollowTheCursor() {
        server.then(200, "{\"docs\":[{\"id\":\"f1\"}],\"next_cursor\":\"c2\"}")
                .then(200, "{\"docs\":[{\"id\":\"f2\"}]}");
        List<String> ids = client
                .files()
                .listAutoPaging(FileListParams.builder().project("kittens").build())
                .stream()
                .map(ScaleFile::id)
                .toList();
        assertThat(ids).containsExactly("f1", "f2");
        assertThat(server.received.get(1).query()).contains("cursor=c2").contains("project=kittens");
    }

    @Test
    void aRepeatedCursorEndsTheWalkInsteadOfLooping() {
        server.then(200, "{\"docs\":[{\"task_id\":\"t1\"}],\"has_more\":true,\"next_token\":\"same\"}")
                .then(200, "{\"docs\":[{\"task_id\":\"t2\"}],\"has_more\":true,\"next_token\":\"same\"}");
        List<String> ids = client.tasks().listAutoPaging(TaskListParams.none()).stream()
                .map(Task::taskId)
                .toList();
        assertThat(ids).containsExactly("t1", "t2");
        assertThat(server.received).hasSize(2);
    }
}
