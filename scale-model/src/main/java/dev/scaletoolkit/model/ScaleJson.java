package dev.scaletoolkit.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration shared by every module, so the emulator and the SDK read and write alike. */
public final class ScaleJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Scale adds fields without notice; an unknown key must never break a reader.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
            .build();

    private ScaleJson() {}

    /** Returns the shared, immutable mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
