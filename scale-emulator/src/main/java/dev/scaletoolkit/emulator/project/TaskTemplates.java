package dev.scaletoolkit.emulator.project;

import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.store.Docs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/projects/{name}/taskTemplates}: the template of a text collection or chat project, built from
 * the project's latest default params ({@code template_variables}, {@code response_schema} and
 * {@code auto_onboard_enabled} when they were set there). Other project types have no template.
 */
public final class TaskTemplates {
    private TaskTemplates() {}

    public static ObjectNode of(Caller caller, ObjectNode project) {
        String type = project.path("type").asString();
        if (!ProjectTypes.WITH_TEMPLATES.contains(type)) {
            throw ApiError.badRequest("Project \"" + project.path("name").asString() + "\" is of type " + type
                    + "; task templates exist only for textcollection and chat projects.");
        }
        ObjectNode latest = Projects.latestEntry(project);
        ObjectNode params = latest == null ? Docs.object() : latest;
        ObjectNode template = Docs.object();
        template.put("id", ProjectStore.idOf(caller, project) + "-template");
        template.put("version", params.path("version").asInt(0));
        template.put("created_at", project.path("created_at").asString());
        template.put(
                "updated_at",
                params.path("created_at").asString(project.path("created_at").asString()));
        JsonNode variables = params.get("template_variables");
        template.set("template_variables", variables != null && variables.isObject() ? variables : Docs.object());
        JsonNode schema = params.get("response_schema");
        if (schema != null && schema.isObject()) {
            template.set("response_schema", schema);
        }
        template.put("auto_onboard_enabled", params.path("auto_onboard_enabled").asBoolean(false));
        return template;
    }
}
