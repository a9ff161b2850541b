package com.example.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.emulator.junit.EmulatorValue;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ScaleEmulatorTest(workforce = false)
class CatLabelingTest {
    ScaleClient scale;
    RunningEmulator emulator;

    @EmulatorValue(EmulatorValue.Kind.API_URL)
    String apiUrl;

    CatLabeling labeling;

    @BeforeEach
    void setUp() {
        emulator.reset();
        labeling = new CatLabeling(scale);
        labeling.setUp();
    }

    @Test
    void labelsArriveWhenTheTaskIsCompleted() {
        assertTrue(apiUrl.startsWith("http://127.0.0.1:"));
        Task task = labeling.submit("https://example.com/cat.jpg");
        assertEquals("pending", task.status().value());

        emulator.completeTask(task.taskId()); // a labeler finishes it

        assertEquals("completed", labeling.awaitLabels(task.taskId()).status().value());
    }

    @Test
    void aRefusedCreateSurfacesAsAnApiError() {
        emulator.addFault(Fault.status(400).onPath("POST", "/task/"));
        assertThrows(ScaleApiException.class, () -> labeling.submit("https://example.com/dog.jpg"));
    }
}
