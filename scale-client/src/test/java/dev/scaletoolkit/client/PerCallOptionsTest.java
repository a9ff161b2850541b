package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.client.error.UnauthorizedException;
import dev.scaletoolkit.client.file.FileListParams;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.task.TaskType;
import dev.scaletoolkit.model.team.Teammate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-call {@link RequestOptions} reach the wire on every service: the client holds a key the emulator refuses,
 * so a call succeeds only if the key given for that one call is the one sent, and the same call without it is a
 * 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerCallOptionsTest {
    private TestEmulator emulator;
    private ScaleClient refused;
    private RequestOptions good;
    private String project;
    private String taskId;

    @BeforeAll
    void start() {
        emulator = TestEmulator.start(b -> b.workforceEnabled(false));
        refused = ScaleClient.create(ClientOptions.builder()
                .apiKey("live_not_a_key_of_this_account")
                .baseUrl(emulator.baseUrl() + "/v1")
                .build());
        good = RequestOptions.builder().apiKey(emulator.account().liveKey()).build();
        project = "per-call-" + UUID.randomUUID().toString().substring(0, 8);
        refused.projects()
                .create(
                        ProjectCreateParams.builder()
                                .type(TaskType.IMAGEANNOTATION)
                                .name(project)
                                .build(),
                        good);
        taskId = refused.tasks()
                .create(
                        ImageAnnotationParams.builder()
                                .project(project)
                                .attachment("https://example.com/per-call.png")
                                .geometries(Geometries.boxes("kitten"))
                                .build(),
                        good)
                .taskId();
    }

    @AfterAll
    void stop() {
        refused.close();
        emulator.close();
    }

    /** The call fails with the client's key and succeeds with the per-call key, returning what it read. */
    private <T> T onlyWithThePerCallKey(Function<RequestOptions, T> call) {
        assertThatThrownBy(() -> call.apply(RequestOptions.none())).isInstanceOf(UnauthorizedException.class);
        return call.apply(good);
    }

    @Test
    void projects() {
        assertThat(onlyWithThePerCallKey(o -> refused.projects().retrieve(project, o))
                        .name())
                .isEqualTo(project);
    }

    @Test
    void files() {
        assertThat(onlyWithThePerCallKey(o -> refused.files()
                                .list(FileListParams.builder().project(project).build(), o))
                        .docsOrEmpty())
                .isEmpty();
    }

    @Test
    void studio() {
        Map<String, List<String>> assignments =
                onlyWithThePerCallKey(o -> refused.studio().listAssignments(o));
        assertThat(assignments).isNotNull();
    }

    @Test
    void teams() {
        List<Teammate> team = onlyWithThePerCallKey(o -> refused.teams().list(o));
        assertThat(team).extracting(Teammate::email).contains(emulator.account().email());
    }

    @Test
    void quality() {
        assertThat(onlyWithThePerCallKey(o -> refused.quality().listFixlessAudits(taskId, null, o))
                        .docsOrEmpty())
                .isEmpty();
    }

    @Test
    void perCallOptionsOnTopOfServiceOptionsStillWin() {
        var viaService = refused.projects().withOptions(o -> o.maxRetries(0));
        assertThat(viaService.retrieve(project, good).name()).isEqualTo(project);
    }
}
