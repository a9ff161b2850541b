package dev.scaletoolkit.tools;

import dev.scaletoolkit.tools.batch.BatchTools;
import dev.scaletoolkit.tools.file.FileTools;
import dev.scaletoolkit.tools.project.ProjectTools;
import dev.scaletoolkit.tools.quality.QualityTools;
import dev.scaletoolkit.tools.studio.StudioTools;
import dev.scaletoolkit.tools.task.TaskCreateTools;
import dev.scaletoolkit.tools.task.TaskTools;
import dev.scaletoolkit.tools.team.TeamTools;
import dev.scaletoolkit.tools.workflow.BulkTools;
import dev.scaletoolkit.tools.workflow.WaitTools;

/** Every built-in handler; a new resource registers here and nowhere else. */
final class Handlers {
    private Handlers() {}

    static HandlerTable all() {
        HandlerTable table = new HandlerTable();
        TaskTools.register(table);
        TaskCreateTools.register(table);
        BatchTools.register(table);
        ProjectTools.register(table);
        FileTools.register(table);
        StudioTools.register(table);
        TeamTools.register(table);
        QualityTools.register(table);
        WaitTools.register(table);
        BulkTools.register(table);
        return table;
    }
}
