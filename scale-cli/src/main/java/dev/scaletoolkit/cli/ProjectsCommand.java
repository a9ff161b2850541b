package dev.scaletoolkit.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code scale projects list|get|create}: the project tools agents use, as commands. */
@Command(name = "projects", mixinStandardHelpOptions = true, description = "List, show and create projects.")
final class ProjectsCommand extends ToolBackedCommand.Group implements LazyGroup {

    @Override
    public List<Class<?>> subcommands() {
        return List.of(ListProjects.class, Get.class, Create.class);
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List projects as short summaries (--full for whole records). Calls SCALE_AI_LIST_PROJECTS.",
            footer = {"", "Example:", "  ./scale projects list --archived"})
    static final class ListProjects extends ToolBackedCommand {
        @Option(names = "--archived", description = "Only archived projects.")
        boolean archived;

        @Option(names = "--full", description = "Whole project records instead of summaries.")
        boolean full;

        @Override
        String tool() {
            return "SCALE_AI_LIST_PROJECTS";
        }

        @Override
        boolean listing() {
            return true;
        }

        @Override
        java.util.List<String> columns() {
            return java.util.List.of("name", "type", "created_at");
        }

        @Override
        ObjectNode arguments() {
            ObjectNode a = args();
            flag(a, "archived", archived);
            flag(a, "full", full);
            return a;
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Show one project with its parameter history. Calls SCALE_AI_GET_PROJECT.",
            footer = {"", "Example:", "  ./scale projects get cats"})
    static final class Get extends ToolBackedCommand {
        @Parameters(paramLabel = "NAME", description = "Project name.")
        String name;

        @Override
        String tool() {
            return "SCALE_AI_GET_PROJECT";
        }

        @Override
        ObjectNode arguments() {
            return args().put("name", name);
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description =
                    "Create a project for one task type, with optional default parameters for its tasks. Calls SCALE_AI_CREATE_PROJECT.",
            footer = {
                "",
                "Example:",
                "  ./scale projects create cats --type imageannotation --params '{\"instruction\":\"Box every cat.\"}'"
            })
    static final class Create extends ToolBackedCommand {
        @Parameters(paramLabel = "NAME", description = "Project name, unique in the account.")
        String name;

        @Option(
                names = "--type",
                required = true,
                description = "Task type, e.g. imageannotation, textcollection, segmentannotation.")
        String type;

        @Option(names = "--params", paramLabel = "JSON", description = "Default task parameters, as a JSON object.")
        String params;

        @Option(names = "--rapid", description = "A Rapid project.")
        boolean rapid;

        @Option(names = "--studio", description = "A Studio project (your own labelers).")
        boolean studio;

        @Override
        String tool() {
            return "SCALE_AI_CREATE_PROJECT";
        }

        @Override
        ObjectNode arguments() {
            ObjectNode a = args().put("name", name).put("type", type);
            putJson(a, "params", "--params", params);
            flag(a, "rapid", rapid);
            flag(a, "studio", studio);
            return a;
        }
    }
}
