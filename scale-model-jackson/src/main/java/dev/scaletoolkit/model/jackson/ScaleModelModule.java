package dev.scaletoolkit.model.jackson;

import dev.scaletoolkit.model.json.JsonValue;
import dev.scaletoolkit.model.json.RecordCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.ser.Serializers;

/**
 * Lets a Jackson 3 mapper read and write the {@code scale-model} records, open enums and {@link JsonValue} exactly
 * as {@link RecordCodec} does, by handing them to it: one binding, so the SDK (which uses the codec) and the
 * server side (which uses Jackson) can never drift apart. {@link ScaleJson#mapper()} registers it; a Jackson 3
 * application registers it on its own mapper with {@code JsonMapper.builder().addModule(new ScaleModelModule())}.
 */
public final class ScaleModelModule extends JacksonModule {

    /** Creates the module. */
    public ScaleModelModule() {}

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
        public ValueSerializer<?> findSerializer(
                SerializationConfig config,
                JavaType type,
                BeanDescription.Supplier beanDescRef,
                com.fasterxml.jackson.annotation.JsonFormat.Value formatOverrides) {
            return RecordCodec.binds(type.getRawClass()) ? WireSerializer.INSTANCE : null;
        }
    }

    private static final class WireDeserializers extends Deserializers.Base {
        @Override
        public ValueDeserializer<?> findBeanDeserializer(
                JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDescRef) {
            Class<?> raw = type.getRawClass();
            return RecordCodec.binds(raw) ? new WireDeserializer(raw) : null;
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return RecordCodec.binds(valueType);
        }
    }

    /** Writes the codec's plain-Java form (maps, lists, strings, numbers) with the mapper's own generator. */
    private static final class WireSerializer extends ValueSerializer<Object> {
        static final WireSerializer INSTANCE = new WireSerializer();

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            Object plain = RecordCodec.write(value).toJava();
            if (plain == null) {
                gen.writeNull();
            } else {
                ctxt.writeValue(gen, plain);
            }
        }
    }

    /** Reads the value as a tree and lets the codec bind it, so errors and lenience are the codec's. */
    private static final class WireDeserializer extends ValueDeserializer<Object> {
        private final Class<?> type;

        WireDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode tree = ctxt.readTree(p);
            try {
                return RecordCodec.read(tree.toString(), type);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(tree.toString(), type, e.getMessage());
            }
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            // as in the codec: a JSON null read as a JsonValue is JsonValue.NULL, anything else is null
            return type == JsonValue.class ? JsonValue.NULL : null;
        }
    }
}
