package com.example.labeling;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.callback.CallbackEvent;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.client.project.ProjectCreateParams;
import dev.scaletoolkit.client.task.GenericTaskParams;
import dev.scaletoolkit.model.task.Task;
import dev.scaletoolkit.model.task.TaskType;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Sends photos to be boxed through the starter's ScaleClient bean, and hears back through its callback endpoint. */
@Service
public class LabelingService {
    private final ScaleClient scale;
    private final Set<String> labelled = new HashSet<>();

    public LabelingService(ScaleClient scale) {
        this.scale = scale;
    }

    public Task submit(String photoUrl, String callbackUrl) {
        try {
            scale.projects().create(ProjectCreateParams.builder()
                    .type(TaskType.IMAGEANNOTATION)
                    .name("cats")
                    .build());
        } catch (ScaleApiException e) {
            if (e.status() != 409) {
                throw e; // 409: the project is already there
            }
        }
        return scale.tasks().create(GenericTaskParams.of(TaskType.IMAGEANNOTATION, Map.of(
                "project", "cats",
                "attachment", photoUrl,
                "callback_url", callbackUrl,
                "geometries", Map.of("box", Map.of("objects_to_annotate", List.of("cat"))))));
    }

    @EventListener
    public synchronized void onCallback(CallbackEvent.TaskEvent event) {
        labelled.add(event.subject());
        notifyAll();
    }

    /** Waits until the task's callback has arrived, or the time is up. */
    public synchronized boolean awaitLabelled(String taskId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!labelled.contains(taskId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
