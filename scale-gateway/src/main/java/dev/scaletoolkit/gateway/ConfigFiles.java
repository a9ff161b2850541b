package dev.scaletoolkit.gateway;

import dev.scaletoolkit.infra.crypto.OwnerOnlyFiles;
import dev.scaletoolkit.model.jackson.ScaleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's editable configuration files (prices, budgets, confirmation policy): on first use each is written
 * into the home from the defaults shipped in the jar, so a person can open it and change it.
 */
public final class ConfigFiles {
    private ConfigFiles() {}

    /** Reads {@code home/name}, first copying the shipped defaults there when it is missing. */
    public static JsonNode readOrCreate(Path home, String name) {
        Path file = home.resolve(name);
        try {
            if (!Files.exists(file)) {
                try {
                    OwnerOnlyFiles.createNew(file, defaults(name));
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first
                }
            }
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The shipped defaults of {@code name}. */
    public static JsonNode defaultsOf(String name) {
        return parse(new String(defaults(name), java.nio.charset.StandardCharsets.UTF_8), "defaults of " + name);
    }

    private static byte[] defaults(String name) {
        try (InputStream in = ConfigFiles.class.getResourceAsStream("/gateway/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no shipped defaults for " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text, String where) {
        try {
            JsonNode node = ScaleJson.mapper().readTree(text);
            if (!node.isObject()) {
                throw new IllegalStateException(where + " must hold a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalStateException(where + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
