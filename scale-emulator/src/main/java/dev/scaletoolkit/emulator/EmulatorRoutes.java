package dev.scaletoolkit.emulator;

import dev.scaletoolkit.emulator.admin.AdminRoutes;
import dev.scaletoolkit.emulator.api.BatchRoutes;
import dev.scaletoolkit.emulator.api.FileRoutes;
import dev.scaletoolkit.emulator.api.ProjectRoutes;
import dev.scaletoolkit.emulator.api.QualityRoutes;
import dev.scaletoolkit.emulator.api.StudioRoutes;
import dev.scaletoolkit.emulator.api.TaskRoutes;
import dev.scaletoolkit.emulator.api.TeamRoutes;
import dev.scaletoolkit.emulator.batch.BatchSweep;
import dev.scaletoolkit.emulator.file.FileFetcher;
import dev.scaletoolkit.emulator.http.Routes;
import java.util.ArrayList;
import java.util.List;

/** The one list of what an emulator serves and runs; add a resource here and nowhere else. */
final class EmulatorRoutes {
    private EmulatorRoutes() {}

    static List<Routes> all(EmulatorServices services) {
        return List.of(
                new TaskRoutes(services.creation(), services.query(), services.edits(), services.reviews()),
                new BatchRoutes(services.batches()),
                new ProjectRoutes(services.projects()),
                new FileRoutes(services.files(), services.fileImports(), services.fileReads()),
                new TeamRoutes(services.teammates()),
                new StudioRoutes(services.studio()),
                new QualityRoutes(services.quality()));
    }

    static Routes admin(EmulatorContext context, EmulatorServices services) {
        return new AdminRoutes(
                services.control(),
                context.faults(),
                services.accounts(),
                services.projects(),
                services.creation(),
                services.completion(),
                services.callbackLog(),
                services.workforce(),
                context.supervisor(),
                context.clock());
    }

    /** Background workers, started after the server is up and closed before it stops. */
    static List<AutoCloseable> workers(EmulatorContext context, EmulatorServices services) {
        List<AutoCloseable> workers = new ArrayList<>();
        workers.add(services.callbacks().start());
        workers.add(FileFetcher.start(context));
        // Always started so the control plane can resume it; it stays paused while the workforce is disabled.
        workers.add(services.workforce().start());
        workers.add(BatchSweep.start(services.settlement(), context.supervisor()));
        return workers;
    }
}
