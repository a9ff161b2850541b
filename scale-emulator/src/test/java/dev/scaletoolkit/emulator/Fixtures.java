package dev.scaletoolkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks emulator answers against the golden fixtures of {@code scale-fixtures}: every key of the fixture must be
 * present with the same JSON kind, recursively (the first element stands for an array). Extra keys are allowed,
 * since Scale adds fields too.
 */
public final class Fixtures {
    private Fixtures() {}

    public static JsonNode load(String path) {
        String resource = "scale/fixtures/" + path;
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return ScaleJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code actual} has the shape of the fixture at {@code path} (relative to scale/fixtures). */
    public static void assertShape(JsonNode actual, String path) {
        assertShape(actual, load(path), "$");
    }

    private static void assertShape(JsonNode actual, JsonNode expected, String where) {
        assertThat(kind(actual)).as("JSON kind at %s", where).isEqualTo(kind(expected));
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                String child = where + "." + e.getKey();
                assertThat(actual.has(e.getKey()))
                        .as("key %s is present", child)
                        .isTrue();
                if (!e.getValue().isNull()) {
                    assertShape(actual.get(e.getKey()), e.getValue(), child);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            assertShape(actual.get(0), expected.get(0), where + "[0]");
        }
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        if (n.isNumber()) {
            return "number";
        }
        return n.getNodeType().toString();
    }
}
