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

    static List<Routes> all(EmulatorContext context, EmulatorServices services) {
        return List.of(
                new TaskRoutes(context, services.completion(), services.batches()),
                new BatchRoutes(context, services.batches()),
                new ProjectRoutes(context),
                new FileRoutes(context),
                new TeamRoutes(context),
                new StudioRoutes(context),
                new QualityRoutes(context));
    }

    static Routes admin(EmulatorContext context, EmulatorServices services) {
        return new AdminRoutes(context, services.completion(), services.batches(), services.workforce());
    }

    /** Background workers, started after the server is up and closed before it stops. */
    static List<AutoCloseable> workers(EmulatorContext context, EmulatorServices services) {
        List<AutoCloseable> workers = new ArrayList<>();
        workers.add(services.callbacks().start());
        workers.add(FileFetcher.start(context));
        // Always started so the control plane can resume it; it stays paused while the workforce is disabled.
        workers.add(services.workforce().start());
        workers.add(BatchSweep.start(services.batches(), context.supervisor()));
        return workers;
    }
}
