package com.example.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.emulator.Fault;
import dev.scaletoolkit.client.error.ScaleApiException;
import dev.scaletoolkit.emulator.junit.RunningEmulator;
import dev.scaletoolkit.emulator.junit.ScaleEmulatorTest;
import dev.scaletoolkit.model.task.Task;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The simulated workforce labels the task by itself; the app's logback and Jackson 2.18 stay in charge. */
@ScaleEmulatorTest(workforceDelayMillis = 50)
class CatLabelingTest {
    ScaleClient scale;
    RunningEmulator emulator;

    @BeforeEach
    void empty() {
        emulator.reset();
    }

    @Test
    void theWorkforceLabelsTheTaskAndTheAppsLibrariesAreUntouched() throws Exception {
        assertEquals("2.18", PackageVersion.VERSION.getMajorVersion() + "." + PackageVersion.VERSION.getMinorVersion());
        assertEquals("ch.qos.logback.classic.LoggerContext", LoggerFactory.getILoggerFactory().getClass().getName());

        CatLabeling labeling = new CatLabeling(scale);
        labeling.setUp();
        Task done = labeling.awaitLabels(labeling.submit("https://example.com/cat.jpg").taskId());

        assertEquals("completed", done.status().value());
        LoggerFactory.getLogger(CatLabelingTest.class).info("labelled: {}", labeling.report(done));
    }

    @Test
    void aFaultIsInjectedAndRecoveredFrom() {
        new CatLabeling(scale).setUp();
        emulator.addFault(Fault.status(400).onPath("GET", "/projects").forever());
        Assertions.assertThrows(ScaleApiException.class, () -> scale.projects().list());
        emulator.clearFaults();
        assertEquals(1, scale.projects().list().size());
    }
}
