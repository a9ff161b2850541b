package dev.scaletoolkit.model.jackson2;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.ser.Serializers;
import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.RecordCodec;
import java.io.IOException;

/**
 * Lets an application's Jackson 2 mapper (Spring Boot 3's, for one) write and read the SDK's records, open enums
 * and {@link JsonValue} as Scale's JSON, by handing them to {@link RecordCodec}, the SDK's own binding. Found by
 * {@code ObjectMapper.findAndRegisterModules()}; in Spring Boot, declare it as a bean
 * ({@code @Bean Module scaleModel() { return new ScaleModelJackson2Module(); }}).
 */
public final class ScaleModelJackson2Module extends Module {

    /** Creates the module. */
    public ScaleModelJackson2Module() {}

    @Override
    public String getModuleName() {
        return "scale-model";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new WireSerializers());
        context.addDeserializers(new WireDeserializers());
    }

    private static final class WireSerializers extends Serializers.Base {
        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            return RecordCodec.binds(type.getRawClass()) ? WireSerializer.INSTANCE : null;
        }
    }

    private static final class WireDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(
                JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            return RecordCodec.binds(raw) ? new WireDeserializer(raw) : null;
        }
    }

    /** Writes the codec's plain-Java form (maps, lists, strings, numbers) with the mapper's own generator. */
    private static final class WireSerializer extends JsonSerializer<Object> {
        static final WireSerializer INSTANCE = new WireSerializer();

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object plain = RecordCodec.write(value).toJava();
            if (plain == null) {
                gen.writeNull();
            } else {
                provider.defaultSerializeValue(plain, gen);
            }
        }
    }

    /** Reads the value as a tree and lets the codec bind it, so errors and lenience are the codec's. */
    private static final class WireDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        WireDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = p.readValueAsTree();
            String json = tree == null ? "null" : tree.toString();
            try {
                return RecordCodec.read(json, type);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(json, type, e.getMessage());
            }
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            // as in the codec: a JSON null read as a JsonValue is JsonValue.NULL, anything else is null
            return type == JsonValue.class ? JsonValue.NULL : null;
        }
    }
}
