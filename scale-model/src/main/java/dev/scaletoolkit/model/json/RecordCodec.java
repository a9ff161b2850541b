package dev.scaletoolkit.model.json;

import dev.scaletoolkit.model.ScaleTime;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes the wire records with no JSON library, so the SDK runs beside any Jackson (or none) an
 * application brings. It follows the toolkit's own annotations: each component's {@link WireName}, the
 * {@link WireExtra} component for keys a record does not model, and a {@link WireValue} method for types written as
 * one value (an open enum is read back through its static {@code of(String)}). Instants use {@link ScaleTime};
 * absent and null values are left out when writing, as Scale does.
 */
public final class RecordCodec {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private static final ClassValue<Boolean> BINDS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type == JsonValue.class || jsonValueMethod(type) != null) {
                return true;
            }
            if (!type.isRecord()) {
                return false;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (annotation(type, c, WireName.class) != null || annotation(type, c, WireExtra.class) != null) {
                    return true;
                }
            }
            return false;
        }
    };

    private RecordCodec() {}

    /**
     * Whether a type is one of the toolkit's wire types, which this codec binds by its own annotations:
     * {@link JsonValue}, a type with a {@link WireValue} method, or a record with {@link WireName} or
     * {@link WireExtra} components. Bindings for JSON libraries (the Jackson module) hand exactly these to the codec.
     *
     * @param type a class
     * @return true when the codec is the authority on the type's JSON form
     */
    public static boolean binds(Class<?> type) {
        return BINDS.get(type);
    }

    /**
     * Reads JSON text as {@code type}.
     *
     * @param json the text
     * @param type a record, an open enum, a collection type, {@link JsonValue} or a plain Java type
     * @param <T> the result type
     * @return the value
     * @throws IllegalArgumentException when the text is not JSON or does not fit the type
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(String json, Type type) {
        return (T) convert(JsonValue.parse(json).toJava(), type, "$");
    }

    /**
     * Converts a JSON value to {@code type}.
     *
     * @param value the JSON value
     * @param type the target type
     * @param <T> the result type
     * @return the value
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(JsonValue value, Type type) {
        return (T) convert(value == null ? null : value.toJava(), type, "$");
    }

    /**
     * Writes a record, open enum, collection or plain value as a JSON value.
     *
     * @param value the value
     * @return its JSON form
     */
    public static JsonValue write(Object value) {
        return JsonValue.of(toJava(value));
    }

    /**
     * Writes a value as JSON text.
     *
     * @param value the value
     * @return compact JSON
     */
    public static String toJson(Object value) {
        return write(value).toJson();
    }

    /**
     * A type for {@code List<element>}, for {@link #read(String, Type)}.
     *
     * @param element the element type
     * @return the parameterized type
     */
    public static Type listOf(Type element) {
        return parameterized(List.class, element);
    }

    /**
     * A type for {@code Map<String, value>}, for {@link #read(String, Type)}.
     *
     * @param value the value type
     * @return the parameterized type
     */
    public static Type mapOf(Type value) {
        return parameterized(Map.class, String.class, value);
    }

    private static Type parameterized(Class<?> raw, Type... args) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return args.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String getTypeName() {
                StringBuilder sb = new StringBuilder(raw.getName()).append('<');
                for (int i = 0; i < args.length; i++) {
                    sb.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
                }
                return sb.append('>').toString();
            }
        };
    }

    // ---- writing

    private static Object toJava(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Number
                || value instanceof JsonValue) {
            return value instanceof JsonValue v ? v.toJava() : value;
        }
        if (value instanceof Instant instant) {
            return ScaleTime.format(instant);
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toJava(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(toJava(v)));
            return out;
        }
        Method jsonValue = jsonValueMethod(value.getClass());
        if (jsonValue != null) {
            return toJava(invoke(jsonValue, value));
        }
        if (value instanceof Record) {
            Shape shape = shape(value.getClass());
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < shape.components.length; i++) {
                Object v = invoke(shape.accessors[i], value);
                if (i == shape.anyIndex) {
                    if (v instanceof Map<?, ?> extra) {
                        extra.forEach((k, x) -> {
                            if (x != null) {
                                out.putIfAbsent(String.valueOf(k), toJava(x));
                            }
                        });
                    }
                } else if (v != null) {
                    out.put(shape.names[i], toJava(v));
                }
            }
            return out;
        }
        throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }

    private static Method jsonValueMethod(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.isAnnotationPresent(WireValue.class)) {
                return m;
            }
        }
        return null;
    }

    // ---- reading

    private static Object convert(Object json, Type type, String where) {
        Class<?> raw = rawClass(type);
        if (raw == JsonValue.class) {
            return JsonValue.of(json);
        }
        if (json == null) {
            return raw.isPrimitive() ? primitiveZero(raw) : null;
        }
        if (raw == Object.class) {
            return plain(json);
        }
        if (raw == String.class) {
            return json instanceof String s ? s : JsonValue.of(json).toJson();
        }
        if (raw == Instant.class) {
            String text = expect(json, String.class, where, "a timestamp");
            return ScaleTime.parse(text)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": not an ISO-8601 timestamp: " + text));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return expect(json, Boolean.class, where, "true or false");
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            return number(expect(json, Number.class, where, "a number"), raw, where);
        }
        if (List.class.isAssignableFrom(raw) || Collection.class == raw) {
            List<?> list = expect(json, List.class, where, "an array");
            Type element = typeArgument(type, 0);
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(convert(list.get(i), element, where + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<?, ?> map = expect(json, Map.class, where, "an object");
            Type value = typeArgument(type, 1);
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, convert(v, value, where + "." + k)));
            return Collections.unmodifiableMap(out);
        }
        if (raw.isRecord()) {
            Method factory = stringFactory(raw);
            if (factory != null && json instanceof String s) {
                return invoke(factory, null, s);
            }
            return readRecord(expect(json, Map.class, where, "an object"), raw, where);
        }
        throw new IllegalArgumentException(where + ": cannot read JSON as " + type.getTypeName());
    }

    private static Object readRecord(Map<?, ?> json, Class<?> type, String where) {
        Shape shape = shape(type);
        Object[] args = new Object[shape.components.length];
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Integer> byName = shape.byName;
        for (Map.Entry<?, ?> e : json.entrySet()) {
            String key = (String) e.getKey();
            Integer i = byName.get(key);
            if (i != null) {
                args[i] = convert(e.getValue(), shape.components[i].getGenericType(), where + "." + key);
            } else if (shape.anyIndex >= 0) {
                Type valueType = typeArgument(shape.components[shape.anyIndex].getGenericType(), 1);
                extra.put(key, convert(e.getValue(), valueType, where + "." + key));
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (i == shape.anyIndex) {
                args[i] = extra;
            } else if (args[i] == null && shape.components[i].getType().isPrimitive()) {
                args[i] = primitiveZero(shape.components[i].getType());
            }
        }
        try {
            return shape.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(
                    where + ": not a valid " + type.getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    /** Plain Java as Jackson reads untyped JSON: whole numbers that fit are Integers, decimals Doubles. */
    private static Object plain(Object json) {
        if (json instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (json instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, plain(v)));
            return Collections.unmodifiableMap(out);
        }
        if (json instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return Collections.unmodifiableList(out);
        }
        return json;
    }

    private static Method stringFactory(Class<?> type) {
        try {
            Method of = type.getMethod("of", String.class);
            return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == type ? of : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object number(Number n, Class<?> raw, String where) {
        if (raw == Integer.class || raw == int.class) {
            return n.intValue();
        }
        if (raw == Long.class || raw == long.class) {
            return n.longValue();
        }
        if (raw == Double.class || raw == double.class) {
            return n.doubleValue();
        }
        if (raw == Float.class || raw == float.class) {
            return n.floatValue();
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal(n.toString());
        }
        if (raw == BigInteger.class) {
            return new BigDecimal(n.toString()).toBigInteger();
        }
        if (raw == Number.class) {
            return n;
        }
        throw new IllegalArgumentException(where + ": cannot read a number as " + raw.getName());
    }

    private static Object primitiveZero(Class<?> raw) {
        if (raw == boolean.class) {
            return false;
        }
        if (raw == long.class) {
            return 0L;
        }
        if (raw == double.class) {
            return 0.0;
        }
        if (raw == float.class) {
            return 0f;
        }
        return 0;
    }

    private static <T> T expect(Object json, Class<T> kind, String where, String what) {
        if (!kind.isInstance(json)) {
            throw new IllegalArgumentException(
                    where + ": expected " + what + ", got " + JsonValue.of(json).toJson());
        }
        return kind.cast(json);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class; // wildcards and type variables read as plain Java
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        }
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, Shape::new);
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(
            Class<?> type, RecordComponent c, Class<A> annotation) {
        A found = c.getAnnotation(annotation);
        if (found == null) {
            try {
                found = type.getDeclaredField(c.getName()).getAnnotation(annotation);
            } catch (NoSuchFieldException e) {
                found = null;
            }
        }
        return found != null ? found : c.getAccessor().getAnnotation(annotation);
    }

    /** A record's components with their wire names, read once per type. */
    private static final class Shape {
        final RecordComponent[] components;
        final Method[] accessors;
        final String[] names;
        final Map<String, Integer> byName = new java.util.HashMap<>();
        final Constructor<?> constructor;
        final int anyIndex;

        Shape(Class<?> type) {
            components = type.getRecordComponents();
            accessors = new Method[components.length];
            names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            int any = -1;
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                accessors[i] = c.getAccessor();
                accessors[i].setAccessible(true);
                types[i] = c.getType();
                WireName property = annotation(type, c, WireName.class);
                names[i] = property != null && !property.value().isEmpty() ? property.value() : c.getName();
                if (annotation(type, c, WireExtra.class) != null && Map.class.isAssignableFrom(c.getType())) {
                    any = i;
                } else {
                    byName.put(names[i], i);
                }
            }
            anyIndex = any;
            try {
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }
    }
}
