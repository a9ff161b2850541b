package com.example.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JUnit 6, the SDK, the test kit and its control plane, and not one Jackson class anywhere. */
@ScaleEmulatorTest(workforce = false)
class CatLabelingTest {
    ScaleClient scale;
    RunningEmulator emulator;
    EmulatorControl control;

    @BeforeEach
    void empty() {
        emulator.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.fasterxml.jackson.core.JsonFactory",
        "com.fasterxml.jackson.annotation.JsonProperty",
        "tools.jackson.databind.ObjectMapper",
        "tools.jackson.core.JsonParser"
    })
    void noJacksonClassIsOnTheClassPath(String name) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(name));
    }

    @Test
    void aTaskIsCreatedAndCompleted() {
        CatLabeling labeling = new CatLabeling(scale);
        labeling.setUp();
        Task task = labeling.submit("https://example.com/cat.jpg");
        emulator.completeTask(task.taskId());
        assertEquals("completed", labeling.awaitLabels(task.taskId()).status().value());
    }

    @Test
    void aFaultIsInjectedThroughTheControlPlaneAndRecoveredFrom() {
        new CatLabeling(scale).setUp();
        control.addFault(Fault.status(400).onPath("GET", "/projects").forever());
        assertThrows(ScaleApiException.class, () -> scale.projects().list());
        control.clearFaults();
        assertEquals(1, scale.projects().list().size());
    }
}
