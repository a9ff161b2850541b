package dev.scaletoolkit.emulator.project;

import dev.scaletoolkit.emulator.EmulatorContext;
import dev.scaletoolkit.emulator.EmulatorLimits;
import dev.scaletoolkit.emulator.auth.Caller;
import dev.scaletoolkit.emulator.error.ApiError;
import dev.scaletoolkit.emulator.json.Fields;
import dev.scaletoolkit.emulator.store.Docs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project service: create, read and list projects, version their default task parameters and ontologies. The
 * public methods without a {@link Handle} run in their own transaction; those taking one join the caller's. Every
 * change returns the project's new wire JSON.
 */
public final class Projects {
    private static final Set<String> PIPELINES = Set.of("standard_task", "consensus_task");
    /** Keys of a {@code param_history} entry that the emulator sets, never the caller. */
    private static final Set<String> ENTRY_KEYS = Set.of("version", "created_at");

    private final EmulatorContext context;
    private final Ontology ontology;

    public Projects(EmulatorContext context) {
        this.context = context;
        this.ontology = new Ontology(context);
    }

    /** Creates a project from the fields of {@code POST /v1/projects}. */
    public ObjectNode create(Caller caller, ObjectNode body) {
        return context.db().write(h -> create(h, caller, body));
    }

    /**
     * Creates the same project for several owners (an account's live and test modes) in one transaction: all of
     * them or none. Answers the created projects in the owners' order.
     */
    public List<ObjectNode> createAll(List<Caller> owners, ObjectNode body) {
        return context.db().write(h -> {
            List<ObjectNode> out = new java.util.ArrayList<>();
            for (Caller owner : owners) {
                out.add(create(h, owner, body));
            }
            return out;
        });
    }

    /**
     * Hands each of the caller's projects (all, or only the archived ({@code true}) or live ({@code false}) ones) to
     * {@code each} as its stored JSON, newest first, one at a time: Scale answers every project in one array, and a
     * project may hold a long instruction in every params version, so the listing is never built in memory. At
     * most {@link EmulatorLimits#MAX_PROJECTS_LISTED}; returns how many.
     */
    public int list(Caller caller, Optional<Boolean> archived, java.util.function.Consumer<String> each) {
        return context.db()
                .read(h -> ProjectStore.forEach(h, caller, archived, EmulatorLimits.MAX_PROJECTS_LISTED, each));
    }

    /** One project; 404 when the caller has none of that name. */
    public ObjectNode retrieve(Caller caller, String name) {
        return context.db().read(h -> ProjectStore.require(h, caller, name));
    }

    /** Adds a version of the project's default task parameters. */
    public ObjectNode setParams(Caller caller, String name, ObjectNode body) {
        return context.db().write(h -> setParams(h, caller, name, body));
    }

    /** Adds a version of the project's ontology. */
    public ObjectNode setOntology(Caller caller, String name, ObjectNode body) {
        return context.db().write(h -> ontology.set(h, caller, name, body));
    }

    /** The project's task template, as {@code GET /v1/projects/{name}/taskTemplates} answers it. */
    public ObjectNode taskTemplate(Caller caller, String name) {
        return context.db().read(h -> TaskTemplates.of(caller, ProjectStore.require(h, caller, name)));
    }

    // POST /v1/projects
    public ObjectNode create(Handle h, Caller caller, ObjectNode body) {
        String type = Fields.requireString(body, "type");
        if (!ProjectTypes.isKnown(type)) {
            throw ApiError.invalidParam(
                    "type",
                    "must be a task type such as imageannotation; \"" + type + "\" is not one. Known types: "
                            + ProjectTypes.listed());
        }
        String name = requireName(body);
        Optional<ObjectNode> params = Fields.optObject(body, "params");
        params.ifPresent(p -> checkParams(p, "params."));
        Optional<Boolean> rapid = Fields.optBool(body, "rapid");
        Optional<Boolean> studio = Fields.optBool(body, "studio");
        Optional<String> datasetId = Fields.optString(body, "datasetId");
        Optional<String> pipeline = Fields.optString(body, "pipeline");
        Optional<Long> attempts = Fields.optLong(body, "consensus_attempts");
        if (pipeline.isPresent()) {
            if (!PIPELINES.contains(pipeline.get())) {
                throw ApiError.invalidParam(
                        "pipeline", "must be standard_task or consensus_task, got \"" + pipeline.get() + "\"");
            }
            if (!studio.orElse(false)) {
                throw ApiError.invalidParam("pipeline", "applies to Studio projects only; also send studio: true");
            }
        }
        if (attempts.isPresent()) {
            if (!pipeline.orElse("").equals("consensus_task")) {
                throw ApiError.invalidParam(
                        "consensus_attempts", "applies only with pipeline consensus_task (and studio: true)");
            }
            if (attempts.get() < 1 || attempts.get() > 100) {
                throw ApiError.invalidParam("consensus_attempts", "must be between 1 and 100, got " + attempts.get());
            }
        }
        if (ProjectStore.exists(h, caller, name)) {
            throw ApiError.conflict("A project named \"" + name + "\" already exists; project names are unique.");
        }
        String now = context.now();
        ObjectNode doc = Docs.object();
        doc.put("type", type);
        doc.put("name", name);
        doc.put("id", context.ids().objectId());
        ArrayNode history = doc.putArray("param_history");
        history.add(entry(0, now, params.orElse(Docs.object())));
        doc.put("created_at", now);
        doc.put("archived", false);
        rapid.ifPresent(v -> doc.put("rapid", v));
        studio.ifPresent(v -> doc.put("studio", v));
        datasetId.ifPresent(v -> doc.put("datasetId", v));
        pipeline.ifPresent(v -> doc.put("pipeline", v));
        attempts.ifPresent(v -> doc.put("consensus_attempts", v.intValue()));
        checkStoredSize(doc, "params");
        ProjectStore.insert(h, caller, doc);
        return doc;
    }

    /**
     * POST /v1/projects/{name}/setParams: the body's keys (without {@code patch}) become the project's new default
     * task params, merged over the latest entry when {@code patch} is true. Appends a new version either way.
     */
    public ObjectNode setParams(Handle h, Caller caller, String name, ObjectNode body) {
        boolean patch = Fields.optBool(body, "patch").orElse(false);
        ObjectNode given = body.deepCopy();
        given.remove("patch");
        checkParams(given, "");
        ObjectNode project = ProjectStore.require(h, caller, name);
        ArrayNode history = (ArrayNode) project.get("param_history");
        ObjectNode latest = latestEntry(project);
        ObjectNode params = Docs.object();
        if (patch && latest != null) {
            for (Map.Entry<String, JsonNode> e : latest.properties()) {
                if (!ENTRY_KEYS.contains(e.getKey())) {
                    params.set(e.getKey(), e.getValue());
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : given.properties()) {
            // With patch, a null removes a default instead of storing a null.
            if (e.getValue().isNull()) {
                params.remove(e.getKey());
            } else {
                params.set(e.getKey(), e.getValue());
            }
        }
        int version = latest == null ? 0 : latest.path("version").asInt(0) + 1;
        String now = context.now();
        history.add(entry(version, now, params));
        checkStoredSize(project, "params");
        ProjectStore.update(h, caller, project, now);
        return project;
    }

    /** The newest {@code param_history} entry (the one with the highest version), or null. */
    public static ObjectNode latestEntry(ObjectNode project) {
        ObjectNode latest = null;
        for (JsonNode e : project.path("param_history")) {
            if (e.isObject()
                    && (latest == null
                            || e.path("version").asInt()
                                    >= latest.path("version").asInt())) {
                latest = (ObjectNode) e;
            }
        }
        return latest;
    }

    private static ObjectNode entry(int version, String createdAt, ObjectNode params) {
        ObjectNode entry = Docs.object();
        // Scale's SDK reads param_history[-1]["instruction"] unguarded, so every entry carries one.
        entry.put("instruction", params.path("instruction").asString(""));
        entry.put("version", version);
        entry.put("created_at", createdAt);
        for (Map.Entry<String, JsonNode> e : params.properties()) {
            if (!ENTRY_KEYS.contains(e.getKey()) && !e.getKey().equals("instruction")) {
                entry.set(e.getKey(), e.getValue());
            }
        }
        return entry;
    }

    /** Default params may hold any task param, but not the keys the server owns, and instruction is text. */
    private static void checkParams(ObjectNode params, String prefix) {
        for (String key : ENTRY_KEYS) {
            if (params.has(key)) {
                throw ApiError.invalidParam(
                        prefix + key, "is set by the server on each params version and cannot be sent");
            }
        }
        ConsensusSettings.check(params, prefix);
        JsonNode instruction = params.get("instruction");
        if (instruction != null && !instruction.isNull() && !instruction.isString()) {
            throw ApiError.invalidParam(prefix + "instruction", "must be a string, got a " + Fields.kind(instruction));
        }
    }

    /**
     * A project is stored whole and read whole on every task create, so it has a size limit (every params version
     * counts: {@code setParams} appends one to {@code param_history}).
     */
    private static void checkStoredSize(ObjectNode project, String field) {
        int bytes = Docs.write(project).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > EmulatorLimits.MAX_PROJECT_BYTES) {
            throw ApiError.invalidParam(
                    field,
                    "would make the project " + bytes + " bytes with all its params versions; the limit is "
                            + EmulatorLimits.MAX_PROJECT_BYTES + " bytes (2 MB). Shorten the instruction, or link"
                            + " long instructions instead of inlining them.");
        }
    }

    static String requireName(JsonNode body) {
        String name = Fields.requireString(body, "name");
        if (name.isBlank()) {
            throw ApiError.invalidParam("name", "must not be blank");
        }
        if (name.length() > 200) {
            throw ApiError.invalidParam("name", "must be at most 200 characters, got " + name.length());
        }
        return name;
    }
}
