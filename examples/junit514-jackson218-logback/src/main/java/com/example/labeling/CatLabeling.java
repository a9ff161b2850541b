package com.example.labeling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.GenericTaskParams;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The code under test: sends a photo to be boxed, waits for the labels, and reports with the app's Jackson 2. */
public final class CatLabeling {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScaleClient scale;

    public CatLabeling(ScaleClient scale) {
        this.scale = scale;
    }

    public void setUp() {
        scale.projects().create(ProjectCreateParams.builder()
                .type(TaskType.IMAGEANNOTATION)
                .name("cats")
                .build());
    }

    public Task submit(String photoUrl) {
        Map<String, Object> body = Map.of(
                "project", "cats",
                "attachment", photoUrl,
                "unique_id", photoUrl, // a retried submit cannot make a second task
                "geometries", Map.of("box", Map.of("objects_to_annotate", List.of("cat"))));
        return scale.tasks().create(GenericTaskParams.of(TaskType.IMAGEANNOTATION, body));
    }

    public Task awaitLabels(String taskId) {
        return scale.tasks().waitFor(taskId, Duration.ofSeconds(30));
    }

    /** The application's own JSON, written with its own Jackson. */
    public String report(Task task) throws Exception {
        return JSON.writeValueAsString(Map.of("task", task.taskId(), "status", task.status().value()));
    }
}
