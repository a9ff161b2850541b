package dev.scaletoolkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.batch.BatchListParams;
import dev.scaletoolkit.client.error.BadRequestException;
import dev.scaletoolkit.client.error.ConflictException;
import dev.scaletoolkit.client.error.NotFoundException;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.client.error.UnauthorizedException;
import dev.scaletoolkit.client.file.FileImportParams;
import dev.scaletoolkit.client.file.FileListParams;
import dev.scaletoolkit.client.file.FileUploadParams;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.quality.LabelerListParams;
import dev.scaletoolkit.client.task.Attachment;
import dev.scaletoolkit.client.task.CategorizationParams;
import dev.scaletoolkit.client.task.Choice;
import dev.scaletoolkit.client.task.ComparisonParams;
import dev.scaletoolkit.client.task.DocumentTranscriptionParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.client.task.LabelDescription;
import dev.scaletoolkit.client.task.LidarAnnotationParams;
import dev.scaletoolkit.client.task.LidarSegmentationParams;
import dev.scaletoolkit.client.task.NamedEntityRecognitionParams;
import dev.scaletoolkit.client.task.NerLabel;
import dev.scaletoolkit.client.task.SegmentationAnnotationParams;
import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.client.task.TextCollectionParams;
import dev.scaletoolkit.client.task.TextField;
import dev.scaletoolkit.client.task.VideoAnnotationParams;
import dev.scaletoolkit.client.task.VideoPlaybackAnnotationParams;
import dev.scaletoolkit.emulator.testing.TestEmulator;
import dev.scaletoolkit.model.batch.Batch;
import dev.scaletoolkit.model.batch.BatchStatus;
import dev.scaletoolkit.model.project.Project;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskStatus;
import dev.scaletoolkit.model.task.TaskType;
import dev.scaletoolkit.model.team.TeammateRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every SDK method against a real emulator on a real port: method, path, body and the typed answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorContractTest {
    private TestEmulator emulator;
    private ScaleClient live;
    private ScaleClient test;
    private String project;

    @BeforeAll
    void start() {
        emulator = TestEmulator.start();
        live = client(emulator.account().liveKey());
        test = client(emulator.account().testKey());
        project = "kittens-" + UUID.randomUUID().toString().substring(0, 8);
        live.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(project)
                        .build());
        test.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(project)
                        .build());
    }

    ScaleClient client(String key) {
        return ScaleClient.create(ClientOptions.builder()
                .apiKey(key)
                .baseUrl(emulator.baseUrl() + "/v1")
                .build());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private static ImageAnnotationParams.Builder image(String project) {
        return ImageAnnotationParams.builder()
                .project(project)
                .instruction("Box every kitten")
                .attachment("https://example.com/kitten.png")
                .geometries(Geometries.boxes("kitten"));
    }

    @Test
    void projectsCreateRetrieveListSetParamsOntologyTemplate() {
        Project p = live.projects().retrieve(project);
        assertThat(p.name()).isEqualTo(project);
        assertThat(p.type()).isEqualTo(TaskType.IMAGEANNOTATION);
        assertThat(live.projects().list()).extracting(Project::name).contains(project);
        Project updated = live.projects().setParams(project, Map.of("instruction", "new words"), false);
        assertThat(updated.paramHistoryOrEmpty()).hasSizeGreaterThanOrEqualTo(2);
        Project withOntology = live.projects()
                .setOntology(project, List.of("kitten", LabelDescription.of("puppy", "a young dog")), "v1");
        assertThat(withOntology.name()).isEqualTo(project);
        assertThatThrownBy(() -> live.projects()
                        .create(ProjectCreateParams.builder()
                                .type(TaskType.IMAGEANNOTATION)
                                .name(project)
                                .build()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> live.projects().retrieve("no-such-project")).isInstanceOf(NotFoundException.class);
        String tc = "tc-" + UUID.randomUUID();
        live.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.TEXTCOLLECTION)
                        .name(tc)
                        .build());
        try {
            assertThat(live.projects().retrieveTaskTemplate(tc)).isNotNull();
        } catch (ScaleApiException e) {
            assertThat(e.status()).isIn(400, 404); // a project without a template is answered with Scale's envelope
        }
    }

    @Test
    void batchesCreateRetrieveStatusFinalizeMetadataListAndWait() {
        String name = "batch-" + UUID.randomUUID();
        Batch b = test.batches()
                .create(BatchCreateParams.builder()
                        .project(project)
                        .name(name)
                        .metadata(Map.of("k", "v"))
                        .build());
        assertThat(b.name()).isEqualTo(name);
        assertThat(test.batches().retrieve(name).project()).isEqualTo(project);
        test.tasks().create(image(null).batch(name).build());
        assertThat(test.batches().retrieveStatus(name).status()).isNotNull();
        assertThat(test.batches().finalize(name).name()).isEqualTo(name);
        assertThat(test.batches().setMetadata(name, Map.of("a", 1)).metadataOrEmpty())
                .containsEntry("a", 1);
        assertThat(test
                        .batches()
                        .listAutoPaging(BatchListParams.builder()
                                .project(project)
                                .limit(1)
                                .build())
                        .stream())
                .extracting(Batch::name)
                .contains(name);
        assertThat(test.batches().prioritize(name, 30).name()).isEqualTo(name);
        Batch done = test.batches().waitFor(name, Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void everyTaskTypeIsCreatedFromItsTypedParams() {
        List<TaskCreateParams> all = List.of(
                image(project).build(),
                TextCollectionParams.builder()
                        .instruction("Describe the site")
                        .fields(List.of(
                                TextField.text("summary", "Summary").build(),
                                TextField.category("kind", "Kind", List.of(new Choice("Shop", "shop")))
                                        .build()))
                        .attachments(List.of(Attachment.website("https://example.com")))
                        .build(),
                NamedEntityRecognitionParams.builder()
                        .instruction("Find people")
                        .text("Ada met Charles in London")
                        .labels(List.of(new NerLabel("person", "a human")))
                        .build(),
                DocumentTranscriptionParams.builder()
                        .instruction("Transcribe")
                        .attachment("https://example.com/doc.pdf")
                        .features(List.of(Map.of("type", "block", "label", "total")))
                        .build(),
                SegmentationAnnotationParams.builder()
                        .instruction("Segment")
                        .attachment("https://example.com/street.png")
                        .labels(List.of("road", "sky"))
                        .build(),
                LidarAnnotationParams.builder()
                        .instruction("Cuboids")
                        .attachments(List.of("https://example.com/frame0.json"))
                        .labels(List.of("car"))
                        .build(),
                LidarSegmentationParams.builder()
                        .instruction("Segment points")
                        .attachments(List.of("https://example.com/frame0.json"))
                        .labels(List.of("car"))
                        .build(),
                VideoAnnotationParams.builder()
                        .instruction("Track cars")
                        .attachments(List.of("https://example.com/f0.png", "https://example.com/f1.png"))
                        .attachmentType("image")
                        .geometries(Geometries.boxes("car"))
                        .build(),
                VideoPlaybackAnnotationParams.builder()
                        .instruction("Track cars")
                        .attachment("https://example.com/v.mp4")
                        .geometries(Geometries.boxes("car"))
                        .build(),
                CategorizationParams.builder()
                        .instruction("Red or blue?")
                        .attachment("tomato")
                        .attachmentType("text")
                        .categories(List.of("red", "blue"))
                        .build(),
                ComparisonParams.builder()
                        .instruction("Same product?")
                        .attachments(List.of("https://example.com/a.png", "https://example.com/b.png"))
                        .attachmentType("image")
                        .choices(List.of("yes", "no"))
                        .build());
        for (TaskCreateParams params : all) {
            Task created;
            try {
                created = test.tasks().create(params);
            } catch (dev.scaletoolkit.client.error.PaymentRequiredException notEnabled) {
                continue; // the emulator may gate a type as Scale does for accounts without it
            }
            assertThat(created.type()).as(params.type().value()).isEqualTo(params.type());
            Task read = test.tasks().retrieve(created.taskId());
            assertThat(read.status()).isEqualTo(TaskStatus.COMPLETED); // test mode completes at once
        }
    }

    @Test
    void taskEditsTagsMetadataUniqueIdCancelAuditAndCallbacks() {
        String uid = "uid-" + UUID.randomUUID();
        Task t = live.tasks()
                .create(image(project)
                        .uniqueId(uid)
                        .callbackUrl("http://127.0.0.1:9/cb")
                        .build());
        assertThat(live.tasks().findByUniqueId(uid)).map(Task::taskId).contains(t.taskId());
        assertThat(live.tasks().addTags(t.taskId(), List.of("a", "b")).tagsOrEmpty())
                .containsExactly("a", "b");
        assertThat(live.tasks().replaceTags(t.taskId(), List.of("c")).tagsOrEmpty())
                .containsExactly("c");
        assertThat(live.tasks().deleteTags(t.taskId(), List.of("c")).tags()).isNull();
        assertThat(live.tasks().setMetadata(t.taskId(), Map.of("owner", "ada")).metadataOrEmpty())
                .containsEntry("owner", "ada");
        String uid2 = uid + "-2";
        assertThat(live.tasks().updateUniqueId(t.taskId(), uid2).uniqueId()).isEqualTo(uid2);
        assertThat(live.tasks().deleteUniqueId(t.taskId()).uniqueId()).isNull();
        // the first unique_id was replaced, so it is free again; the second one is now taken
        assertThat(live.tasks().create(image(project).uniqueId(uid).build()).uniqueId())
                .isEqualTo(uid);
        assertThatThrownBy(
                        () -> live.tasks().create(image(project).uniqueId(uid).build()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void cancelAuditResendAndWait() {
        Task pending = live.tasks().create(image(project).build());
        Task canceled;
        try {
            canceled = live.tasks().cancel(pending.taskId(), true);
            assertThat(canceled.status()).isEqualTo(TaskStatus.CANCELED);
            assertThat(live.tasks().cancel(pending.taskId()).status()).isEqualTo(TaskStatus.CANCELED);
        } catch (BadRequestException alreadyDone) {
            // the fast test workforce may have completed it first; cancelling a completed task is a 400
        }
        Task t = test.tasks()
                .create(image(project).callbackUrl("http://127.0.0.1:9/cb").build());
        Task done = test.tasks().waitFor(t.taskId(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        test.tasks().audit(t.taskId(), false, "wrong label");
        assertThat(test.tasks().retrieve(t.taskId()).auditsOrEmpty()).isNotEmpty();
        assertThat(test.tasks().resendCallback(t.taskId())).isNotNull();
        assertThatThrownBy(() -> test.tasks().cancel(t.taskId())).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> test.tasks().retrieve("0123456789abcdef01234567"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listCountAndIncrementalSync() {
        String own = "sync-" + UUID.randomUUID();
        test.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(own)
                        .build());
        for (int i = 0; i < 5; i++) {
            test.tasks().create(image(own).build());
        }
        TaskListParams inBatch = TaskListParams.builder().project(own).limit(2).build();
        assertThat(test.tasks().listAutoPaging(inBatch).stream().count()).isEqualTo(5);
        assertThat(test.tasks().count(inBatch)).isEqualTo(5);
        java.time.Instant future = java.time.Instant.now().plusSeconds(3600);
        assertThat(
                        test
                                .tasks()
                                .listAutoPaging(TaskListParams.builder()
                                        .project(own)
                                        .updatedAfter(future)
                                        .build())
                                .stream())
                .isEmpty();
    }

    @Test
    void filesUploadImportAndList() {
        var uploaded = live.files()
                .upload(FileUploadParams.builder()
                        .content("hello".getBytes(StandardCharsets.UTF_8), "hello.txt", "text/plain")
                        .projectName(project)
                        .referenceId("ref-" + UUID.randomUUID())
                        .build());
        assertThat(uploaded.attachmentUrl()).isNotBlank();
        var imported = live.files()
                .importFile(FileImportParams.builder()
                        .fileUrl("https://example.com/x.png")
                        .projectName(project)
                        .build());
        assertThat(imported.id()).isNotBlank();
        assertThat(live
                        .files()
                        .listAutoPaging(FileListParams.builder()
                                .project(project)
                                .limit(1)
                                .build())
                        .stream())
                .extracting(f -> f.id())
                .contains(uploaded.id());
    }

    @Test
    void qualityAuditsAndLabelers() {
        Task t = test.tasks().create(image(project).build());
        assertThat(test.quality().listFixlessAudits(t.taskId(), null)).isNotNull();
        assertThat(test.quality()
                        .listLabelers(LabelerListParams.builder()
                                .labelerEmails(List.of("nobody@example.com"))
                                .build()))
                .isNotNull();
    }

    @Test
    void teamsAndStudio() {
        assertThat(live.teams().list()).isNotEmpty();
        assertThat(live.teams().invite(List.of("new@example.com"), TeammateRole.MEMBER))
                .isNotEmpty();
        live.teams().setRole(List.of("new@example.com"), TeammateRole.MANAGER);
        assertThat(live.studio().listAssignments()).isNotNull();
        String studioProject = "studio-" + UUID.randomUUID();
        live.projects()
                .create(ProjectCreateParams.builder()
                        .type(TaskType.IMAGEANNOTATION)
                        .name(studioProject)
                        .studio(true)
                        .build());
        String owner = emulator.account().email();
        assertThat(live.studio().addAssignments(List.of(owner), List.of(studioProject)))
                .containsKey(owner);
        assertThat(live.studio().removeAssignments(List.of(owner), List.of(studioProject)))
                .isNotNull();
        String sb = "studio-batch-" + UUID.randomUUID();
        live.batches()
                .create(BatchCreateParams.builder()
                        .project(studioProject)
                        .name(sb)
                        .build());
        List<String> pending =
                live.studio().listBatches().stream().map(b -> b.name()).toList();
        assertThat(pending).as("the Studio batch just created is pending").contains(sb);
        assertThat(live.studio().setPriorities(pending))
                .extracting(b -> b.name())
                .containsExactlyElementsOf(pending);
        live.studio().resetPriorities();
        var group = live.studio().createProjectGroup(studioProject, "g1", List.of(owner));
        assertThat(group.name()).isEqualTo("g1");
        assertThat(live.studio().listProjectGroups(studioProject))
                .extracting(g -> g.name())
                .contains("g1");
        live.studio().updateProjectGroup(studioProject, "g1", List.of(), List.of(owner));
        assertThat(live.studio().setBatchGroups(sb, List.of("g1")).groupsOrEmpty())
                .contains("g1");
    }

    @Test
    void aWrongKeyIsUnauthorizedAndTheKeyIsNotInTheMessage() {
        ScaleClient wrong = client("live_not_a_real_key_42");
        assertThatThrownBy(() -> wrong.tasks().retrieve("0123456789abcdef01234567"))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageNotContaining("live_not_a_real_key_42");
    }
}
