package dev.scaletoolkit.tools;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tool files ({@code scale/tools/<SLUG>.json}) from the class path and checks each one's shape: readable
 * JSON, slug, texts, schemas present as objects, hints and profiles. {@link #load} runs at every start, so it stays
 * cheap; whether each schema is valid JSON Schema 2020-12 and compiles is checked by {@link #schemaProblems}, which
 * the build runs over the shipped catalog ({@code ToolRegistryTest}), since those files cannot change after it.
 */
final class ToolCatalog {
    static final String DEFAULT_DIR = "scale/tools";
    /** The name rule shared by OpenAI functions and Anthropic tools. */
    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    private static final Set<String> HINTS =
            Set.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint");

    private ToolCatalog() {}

    /** The specs found, plus every problem met on the way (bad JSON, missing keys, wrong types…). */
    record Loaded(List<ToolSpec> specs, List<String> problems) {}

    static Loaded load(String dir) {
        // the shipped catalog cannot change while the program runs: read it once per process (scale up builds
        // several registries from it: the operator's tools, the gateway's catalog, MCP)
        return DEFAULT_DIR.equals(dir) ? Shipped.LOADED : readAll(dir);
    }

    /** The shipped catalog, read on first use. */
    private static final class Shipped {
        static final Loaded LOADED = readAll(DEFAULT_DIR);
    }

    private static Loaded readAll(String dir) {
        List<ToolSpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : files(dir)) {
            read(dir, file.substring(0, file.length() - ".json".length()), specs, problems);
        }
        if (specs.isEmpty() && problems.isEmpty()) {
            problems.add("no tool files under " + dir);
        }
        return new Loaded(List.copyOf(specs), List.copyOf(problems));
    }

    /**
     * The one file {@code dir/slug.json}, with the same checks as {@link #load}, without listing the directory
     * (in a jar, listing walks every entry): for a command that calls one tool it knows by slug.
     */
    static Loaded loadOne(String dir, String slug) {
        List<ToolSpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(slug).matches()
                || ToolCatalog.class.getClassLoader().getResource(dir + "/" + slug + ".json") == null) {
            problems.add(slug + ": no tool file under " + dir);
        } else {
            read(dir, slug, specs, problems);
        }
        return new Loaded(specs, problems);
    }

    private static void read(String dir, String expectedSlug, List<ToolSpec> specs, List<String> problems) {
        try (InputStream in =
                ToolCatalog.class.getClassLoader().getResourceAsStream(dir + "/" + expectedSlug + ".json")) {
            JsonNode node = ScaleJson.mapper().readTree(in);
            List<String> own = new ArrayList<>();
            ToolSpec spec = parse(node, expectedSlug, own);
            own.forEach(p -> problems.add(expectedSlug + ": " + p));
            if (own.isEmpty()) {
                specs.add(spec);
            }
        } catch (IOException | JacksonException e) {
            problems.add(expectedSlug + ": not readable JSON (" + e.getMessage() + ")");
        }
    }

    private static ToolSpec parse(JsonNode node, String expectedSlug, List<String> problems) {
        String slug = node.path("slug").asString("");
        if (!slug.equals(expectedSlug)) {
            problems.add("slug '" + slug + "' does not match the file name");
        }
        if (!NAME.matcher(slug).matches()) {
            problems.add("slug must match " + NAME.pattern());
        }
        for (String key : List.of("title", "description")) {
            if (node.path(key).asString("").isBlank()) {
                problems.add("'" + key + "' must be a non-empty string");
            }
        }
        ObjectNode input = objectAt(node, "inputSchema", problems);
        ObjectNode output = objectAt(node, "outputSchema", problems);
        if (input != null && !"object".equals(input.path("type").asString())) {
            problems.add("inputSchema must have type object");
        }
        ObjectNode annotations = objectAt(node, "annotations", problems);
        if (annotations != null) {
            for (String hint : HINTS) {
                if (!annotations.path(hint).isBoolean()) {
                    problems.add("annotations." + hint + " must be true or false");
                }
            }
        }
        Set<Profile> profiles = EnumSet.noneOf(Profile.class);
        node.path("profiles").forEach(p -> {
            try {
                profiles.add(Profile.parse(p.asString()));
            } catch (IllegalArgumentException e) {
                problems.add("profiles: " + e.getMessage());
            }
        });
        if (profiles.contains(Profile.DISCOVERY)) {
            problems.add("profiles: discovery is not listed per tool (it reaches every tool)");
        }
        if (!profiles.contains(Profile.FULL)) {
            problems.add("profiles must include full");
        }
        if (annotations != null
                && annotations.path("readOnlyHint").asBoolean(false) != profiles.contains(Profile.READONLY)) {
            problems.add("the readonly profile must list exactly the tools with readOnlyHint true");
        }
        List<String> aliases = new ArrayList<>();
        node.path("aliases").forEach(a -> aliases.add(a.asString()));
        if (!problems.isEmpty()) {
            return null;
        }
        return new ToolSpec(
                slug,
                node.get("title").asString(),
                node.get("description").asString(),
                input,
                output,
                annotations,
                profiles,
                aliases);
    }

    /**
     * Every way the catalog's schemas break JSON Schema 2020-12 or fail to compile, prefixed with the tool's slug;
     * empty when all are fine. Slow (the meta-schema check), so it belongs in the build, not at start.
     */
    static List<String> schemaProblems(String dir) {
        List<String> problems = new ArrayList<>();
        for (ToolSpec spec : load(dir).specs()) {
            SchemaSupport.metaSchemaProblems(spec.inputSchema())
                    .forEach(p -> problems.add(spec.slug() + ": inputSchema: " + p));
            SchemaSupport.metaSchemaProblems(spec.outputSchema())
                    .forEach(p -> problems.add(spec.slug() + ": outputSchema: " + p));
        }
        return problems;
    }

    private static ObjectNode objectAt(JsonNode node, String key, List<String> problems) {
        if (node.get(key) instanceof ObjectNode o) {
            return o;
        }
        problems.add("'" + key + "' must be a JSON object");
        return null;
    }

    /** The {@code .json} files directly under {@code dir}, from a directory or a jar on the class path. */
    private static List<String> files(String dir) {
        URL url = ToolCatalog.class.getClassLoader().getResource(dir);
        if (url == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    String rest = name.startsWith(dir + "/") ? name.substring(dir.length() + 1) : "";
                    if (rest.endsWith(".json") && !rest.contains("/")) {
                        out.add(rest);
                    }
                }
            } else {
                try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
                    paths.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".json"))
                            .forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Collections.sort(out);
        return out;
    }
}
