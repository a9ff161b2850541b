package com.example.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.EmulatorControl;
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

    @EmulatorValue(EmulatorValue.Kind.BASE_URL)
    String baseUrl;

    CatLabeling labeling;

    @BeforeEach
    void setUp() {
        emulator.reset();
        labeling = new CatLabeling(scale);
        labeling.setUp();
    }

    @Test
    void labelsArriveWhenTheTaskIsCompletedAndTheAppsJacksonStillWorks() throws Exception {
        assertEquals("2.17", PackageVersion.VERSION.getMajorVersion() + "." + PackageVersion.VERSION.getMinorVersion());
        Task task = labeling.submit("https://example.com/cat.jpg");
        assertEquals("pending", task.status().value());

        emulator.completeTask(task.taskId()); // a labeler finishes it

        Task done = labeling.awaitLabels(task.taskId());
        assertEquals("completed", done.status().value());
        JsonNode report = new ObjectMapper().readTree(labeling.report(done)); // the app's Jackson, both ways
        assertEquals(task.taskId(), report.get("task").asText());
        assertEquals("completed", report.get("status").asText());
    }

    @Test
    void aFaultFromTheControlPlaneIsSeenOnceAndThenRecovered() {
        EmulatorControl control = EmulatorControl.of(baseUrl);
        control.addFault(Fault.status(429).onPath("GET", "/projects").times(1));
        try (ScaleClient noRetries = ScaleClient.create(ClientOptions.builder()
                .apiKey(emulator.liveKey())
                .baseUrl(emulator.apiUrl())
                .maxRetries(0)
                .build())) {
            ScaleApiException refused = assertThrows(ScaleApiException.class, () -> noRetries.projects().list());
            assertEquals(429, refused.status());

            assertEquals(1, noRetries.projects().list().size()); // the one-shot fault is used up
        }
    }

    @Test
    void aRefusedCreateSurfacesAsAnApiErrorUntilTheFaultIsCleared() {
        emulator.addFault(Fault.status(400).onPath("POST", "/task/").forever());
        assertThrows(ScaleApiException.class, () -> labeling.submit("https://example.com/dog.jpg"));

        emulator.clearFaults();
        assertEquals("pending", labeling.submit("https://example.com/dog.jpg").status().value());
    }
}
