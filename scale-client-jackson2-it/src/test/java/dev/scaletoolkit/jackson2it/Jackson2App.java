package dev.scaletoolkit.jackson2it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.batch.BatchCreateParams;
import dev.scaletoolkit.client.bulk.BulkReport;
import dev.scaletoolkit.client.bulk.BulkSubmitter;
import dev.scaletoolkit.client.error.ConflictException;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.Geometries;
import dev.scaletoolkit.client.task.ImageAnnotationParams;
import dev.scaletoolkit.client.task.TaskCreateParams;
import dev.scaletoolkit.client.task.TaskListParams;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application: runs in a JVM whose only Jackson 2 is 2.17, uses the SDK against {@code SCALE_BASE_URL}, then
 * writes an SDK task with its own Jackson 2 mapper. Prints one line per check; any failure exits non-zero.
 */
public final class Jackson2App {
    private Jackson2App() {}

    public static void main(String[] args) throws Exception {
        System.out.println("databind " + PackageVersion.VERSION);
        try {
            Class.forName("com.fasterxml.jackson.annotation.JsonSerializeAs");
            System.out.println("annotations: new (JsonSerializeAs present)");
        } catch (ClassNotFoundException expected) {
            System.out.println("annotations: old (no JsonSerializeAs)");
        }
        try (ScaleClient scale = ScaleClient.fromEnv()) {
            scale.projects()
                    .create(ProjectCreateParams.builder()
                            .type(TaskType.IMAGEANNOTATION)
                            .name("j2")
                            .build());
            scale.batches()
                    .create(BatchCreateParams.builder()
                            .project("j2")
                            .name("j2-batch")
                            .build());
            ImageAnnotationParams one = ImageAnnotationParams.builder()
                    .project("j2")
                    .attachment("https://example.com/j2/0.png")
                    .geometries(Geometries.boxes("kitten"))
                    .uniqueId("j2-0")
                    .build();
            Task task = scale.tasks().create(one);
            System.out.println("created " + task.taskId() + " params.attachment="
                    + task.params().path("attachment").stringValue());
            try {
                scale.tasks().create(one);
                throw new IllegalStateException("a second create with the same unique_id must be refused");
            } catch (ConflictException e) {
                System.out.println("conflict names " + e.existingTaskId().orElse("?"));
            }
            List<TaskCreateParams> items = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                items.add(ImageAnnotationParams.builder()
                        .project("j2")
                        .attachment("https://example.com/j2/" + i + ".png")
                        .geometries(Geometries.boxes("kitten"))
                        .uniqueId("j2-" + i)
                        .build());
            }
            BulkReport report = BulkSubmitter.builder(scale.tasks()).build().submit(items);
            System.out.println("bulk complete=" + report.complete());
            Task done = scale.tasks().waitFor(task.taskId(), Duration.ofSeconds(30));
            long listed = scale
                    .tasks()
                    .listAutoPaging(TaskListParams.builder().project("j2").build())
                    .stream()
                    .count();
            System.out.println("listed " + listed + " status=" + done.status());

            ObjectMapper appMapper =
                    new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            String json = appMapper.writeValueAsString(done);
            System.out.println("app-json " + json);
        }
    }
}
