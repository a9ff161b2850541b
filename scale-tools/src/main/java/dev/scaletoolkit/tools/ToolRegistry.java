package dev.scaletoolkit.tools;

import com.networknt.schema.Schema;
import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.backend.ScaleBackend;
import dev.scaletoolkit.tools.backend.ScaleBackendException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools, ready to list and call. {@link #load} reads every catalog file, checks its shape, pairs each tool with
 * its handler, and refuses to start ({@link ToolRegistryException}) when anything is off, so a broken catalog never
 * reaches an agent. A tool's schemas are compiled on its first call, not at start: a CLI command uses one tool of
 * 49. That every schema is valid 2020-12 and compiles is a build-time guarantee ({@code ToolRegistryTest}).
 *
 * <pre>{@code
 * ToolRegistry tools = ToolRegistry.load(ScaleBackend.http("https://api.scale.com", key));
 * ToolResult r = tools.call("SCALE_AI_GET_TASK", json("{\"task_id\":\"...\"}"), ProgressListener.NONE);
 * }</pre>
 */
public final class ToolRegistry {
    private static final String PREFIX = "SCALE_AI_";

    private record Entry(ToolSpec spec, ToolHandler handler, LazySchema input, LazySchema output) {}

    /** A schema compiled on first use and then kept; two threads racing may both compile it, to the same result. */
    private static final class LazySchema {
        private final JsonNode source;
        private volatile Schema compiled;

        LazySchema(JsonNode source) {
            this.source = source;
        }

        Schema get() {
            Schema schema = compiled;
            if (schema == null) {
                schema = SchemaSupport.compile(source);
                compiled = schema;
            }
            return schema;
        }
    }

    private final Map<String, Entry> bySlug;
    private final Map<String, String> byShortName;
    private final ScaleBackend backend;
    private final LocalFiles files;

    private ToolRegistry(
            Map<String, Entry> bySlug, Map<String, String> byShortName, ScaleBackend backend, LocalFiles files) {
        this.bySlug = bySlug;
        this.byShortName = byShortName;
        this.backend = backend;
        this.files = files;
    }

    /**
     * Loads the catalog for callers with the given access to local files: {@link LocalFiles#UNRESTRICTED} for the
     * machine's own user, {@link LocalFiles#remoteFromEnv} for remote transports.
     */
    public static ToolRegistry load(ScaleBackend backend, LocalFiles files) {
        return load(backend, Handlers.all(), ToolCatalog.DEFAULT_DIR).withFiles(files);
    }

    /** The same tools with other access to local files (schemas are shared, not compiled again). */
    public ToolRegistry withFiles(LocalFiles files) {
        return new ToolRegistry(bySlug, byShortName, backend, files);
    }

    /** The same tools over another backend (schemas are shared, not compiled again). */
    public ToolRegistry withBackend(ScaleBackend other) {
        return new ToolRegistry(bySlug, byShortName, other, files);
    }

    /**
     * Loads the catalog with the built-in handlers, all calling {@code backend}.
     *
     * @throws ToolRegistryException listing every problem, if the catalog and handlers disagree or a schema is invalid
     */
    public static ToolRegistry load(ScaleBackend backend) {
        return load(backend, Handlers.all(), ToolCatalog.DEFAULT_DIR);
    }

    /**
     * Only the tool {@code slug} (its exact slug, not an alias), for a program that calls that one tool: reads one
     * catalog file instead of all of them, with the same checks. Other names are unknown to the result.
     *
     * @throws ToolRegistryException if there is no such tool file or it is broken
     */
    public static ToolRegistry loadOnly(ScaleBackend backend, String slug) {
        ToolCatalog.Loaded one = ToolCatalog.loadOne(ToolCatalog.DEFAULT_DIR, slug);
        ToolHandler handler = Handlers.all().asMap().get(slug);
        HandlerTable only = new HandlerTable();
        if (handler != null) {
            only.add(slug, handler);
        }
        return load(backend, only, one);
    }

    static ToolRegistry load(ScaleBackend backend, HandlerTable handlers, String catalogDir) {
        return load(backend, handlers, ToolCatalog.load(catalogDir));
    }

    private static ToolRegistry load(ScaleBackend backend, HandlerTable handlers, ToolCatalog.Loaded loaded) {
        List<String> problems = new ArrayList<>(loaded.problems());
        Map<String, ToolHandler> handlerMap = handlers.asMap();
        Map<String, Entry> bySlug = new LinkedHashMap<>();
        Map<String, String> byShortName = new LinkedHashMap<>();
        for (ToolSpec spec : loaded.specs()) {
            ToolHandler handler = handlerMap.get(spec.slug());
            if (handler == null) {
                problems.add(spec.slug() + ": no handler");
                continue;
            }
            bySlug.put(
                    spec.slug(),
                    new Entry(spec, handler, new LazySchema(spec.inputSchema()), new LazySchema(spec.outputSchema())));
            List<String> names = new ArrayList<>(spec.aliases());
            names.add(spec.slug());
            for (String name : names) {
                String previous = byShortName.put(shortName(name), spec.slug());
                if (previous != null && !previous.equals(spec.slug())) {
                    problems.add(spec.slug() + ": name '" + name + "' is also used by " + previous);
                }
            }
        }
        for (String slug : new TreeSet<>(handlerMap.keySet())) {
            boolean described = loaded.specs().stream().anyMatch(s -> s.slug().equals(slug));
            boolean broken = loaded.problems().stream().anyMatch(p -> p.startsWith(slug + ":"));
            if (!described && !broken) {
                problems.add(slug + ": handler without a schema file");
            }
        }
        if (!problems.isEmpty()) {
            throw new ToolRegistryException(problems);
        }
        return new ToolRegistry(Map.copyOf(bySlug), Map.copyOf(byShortName), backend, LocalFiles.UNRESTRICTED);
    }

    /** The tools in a profile (for {@link Profile#DISCOVERY}: those it reaches, all of them), sorted by slug. */
    public List<ToolSpec> list(Profile profile) {
        Profile scope = profile.scope();
        return bySlug.values().stream()
                .map(Entry::spec)
                .filter(s -> s.profiles().contains(scope))
                .sorted((a, b) -> a.slug().compareTo(b.slug()))
                .toList();
    }

    /** Finds a tool by slug or alias, with or without the {@code SCALE_AI_} prefix, ignoring case. */
    public Optional<ToolSpec> find(String nameOrAlias) {
        return Optional.ofNullable(entry(nameOrAlias)).map(Entry::spec);
    }

    /**
     * Runs a tool. Arguments are checked against the input schema before any request is made; every outcome,
     * including unknown tools and Scale's errors, comes back as a {@link ToolResult} rather than an exception.
     *
     * @param nameOrAlias slug or alias, with or without {@code SCALE_AI_}
     * @param args a JSON object ({@code null} means no arguments)
     * @param progress receives progress from long-running tools; may be {@code null}
     */
    public ToolResult call(String nameOrAlias, JsonNode args, ProgressListener progress) {
        Entry entry = entry(nameOrAlias);
        if (entry == null) {
            return ToolResult.failed(new ToolError(
                    "Unknown tool '" + nameOrAlias + "'. List the tools to see the accepted names.",
                    ToolError.Code.UNKNOWN_TOOL,
                    null,
                    false,
                    null,
                    List.of()));
        }
        if (args != null && !args.isNull() && !args.isMissingNode() && !args.isObject()) {
            return ToolResult.failed(ToolError.invalidInput(
                    List.of(new ToolError.Problem("(arguments)", "a JSON object, got " + args.getNodeType()))));
        }
        ObjectNode given = args instanceof ObjectNode o ? o : ScaleJson.mapper().createObjectNode();
        ObjectNode natural = StrictSchemas.relax(given, entry.spec().inputSchema());
        try {
            // arguments that plainly fit skip the validator (and its start-up); the rest get its full report
            List<ToolError.Problem> problems = QuickSchemaCheck.surelyValid(entry.input().source, natural)
                    ? List.of()
                    : SchemaSupport.problems(entry.input().get(), natural);
            if (!problems.isEmpty()) {
                return ToolResult.failed(ToolError.invalidInput(problems));
            }
            return ToolResult.ok(
                    entry.handler().handle(new ToolCall(entry.spec().slug(), natural, backend, progress, files)));
        } catch (ToolInputException e) {
            return ToolResult.failed(ToolError.invalidInput(e.problems()));
        } catch (ScaleBackendException e) {
            if (e.status() == 0) {
                return ToolResult.failed(new ToolError(
                        e.getMessage(), ToolError.Code.NETWORK_ERROR, null, true, e.retryAfterSeconds(), List.of()));
            }
            return ToolResult.failed(e.api()
                    .map(ToolError::fromApi)
                    .orElseGet(() -> ToolError.fromStatus(e.status(), e.getMessage(), e.retryAfterSeconds())));
        } catch (RuntimeException e) {
            return ToolResult.failed(new ToolError(
                    "The tool failed unexpectedly: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    ToolError.Code.INTERNAL_ERROR,
                    null,
                    false,
                    null,
                    List.of()));
        }
    }

    /** How {@code data} breaks the tool's output schema (empty when it fits); for tests and strict adapters. */
    public List<ToolError.Problem> checkOutput(String nameOrAlias, JsonNode data) {
        Entry entry = entry(nameOrAlias);
        if (entry == null) {
            throw new IllegalArgumentException("unknown tool " + nameOrAlias);
        }
        return SchemaSupport.problems(entry.output().get(), data);
    }

    private Entry entry(String nameOrAlias) {
        if (nameOrAlias == null) {
            return null;
        }
        String slug = byShortName.get(shortName(nameOrAlias));
        return slug == null ? null : bySlug.get(slug);
    }

    private static String shortName(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith(PREFIX) ? upper.substring(PREFIX.length()) : upper;
    }
}
