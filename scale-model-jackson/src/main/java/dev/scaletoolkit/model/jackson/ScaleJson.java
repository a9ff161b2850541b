package dev.scaletoolkit.model.jackson;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.scaletoolkit.model.ScaleTime;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The toolkit's Jackson 3 configuration, shared by the modules that use Jackson (emulator, tools, gateway, MCP,
 * triggers, CLI): unknown keys ignored, absent values left out, instants in Scale's format, and the wire records
 * bound by {@link ScaleModelModule} exactly as the SDK's {@code RecordCodec} binds them.
 */
public final class ScaleJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Scale adds fields without notice; an unknown key must never break a reader.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
            // Instants travel in Scale's own format (UTC, milliseconds, Z) and are read leniently.
            .addModule(new SimpleModule("scale-time")
                    .addSerializer(Instant.class, new InstantWriter())
                    .addDeserializer(Instant.class, new InstantReader()))
            .addModule(new ScaleModelModule())
            .build();

    private ScaleJson() {}

    /**
     * The shared mapper.
     *
     * @return the shared, immutable mapper
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    private static final class InstantWriter extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(ScaleTime.format(value));
        }
    }

    private static final class InstantReader extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            return ScaleTime.parse(text)
                    .orElseThrow(() -> ctxt.weirdStringException(text, Instant.class, "not an ISO-8601 timestamp"));
        }
    }
}
