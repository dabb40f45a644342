package org.officialdom.model.parameter;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema of a parameter record from its components, their {@link Param}
 * annotations and the record's {@code public static final DEFAULTS} instance, and binds a scenario's
 * parameter tree onto the defaults.
 *
 * <p>Names in files are snake_case ({@code hours_per_week}); enum values are lower case.
 */
public final class ParameterSchema {

    /** The one mapper for scenario and parameter trees. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParameterSchema() {
    }

    /** The schema of a parameter record (draft 2020-12 keywords). */
    public static ObjectNode of(Class<? extends Record> type) {
        Record defaults = defaultsOf(type);
        JsonNode defaultTree = MAPPER.valueToTree(defaults);
        ObjectNode schema = recordSchema(type, defaultTree);
        List<String> sizes = marked(schema, SIZE);
        if (sizes.size() > 1) {
            throw new IllegalStateException(type.getName() + " marks more than one size: " + String.join(", ", sizes));
        }
        return schema;
    }

    /** Schema keyword of a parameter marked {@code @Param(lever = true)}. */
    public static final String LEVER = "x-lever";

    /** Schema keyword of the parameter marked {@code @Param(size = true)}. */
    public static final String SIZE = "x-size";

    /** The dotted paths of the parameters marked as levers, in declaration order. */
    public static List<String> leverPaths(Class<? extends Record> type) {
        return marked(of(type), LEVER);
    }

    /** The dotted path of the parameter marked as the model's size, or null if none is. */
    public static String sizePath(Class<? extends Record> type) {
        List<String> sizes = marked(of(type), SIZE);
        return sizes.isEmpty() ? null : sizes.get(0);
    }

    /** The dotted paths of the parameters whose schema carries {@code keyword: true}, in declaration order. */
    public static List<String> marked(JsonNode schema, String keyword) {
        List<String> out = new ArrayList<>();
        collectMarked(schema, "", keyword, out);
        return out;
    }

    private static void collectMarked(JsonNode schema, String prefix, String keyword, List<String> out) {
        for (Map.Entry<String, JsonNode> e : schema.path("properties").properties()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().path(keyword).asBoolean(false)) {
                out.add(path);
            }
            collectMarked(e.getValue(), path, keyword, out);
        }
    }

    /** The record's {@code DEFAULTS} instance. */
    public static <P extends Record> P defaultsOf(Class<P> type) {
        try {
            Field f = type.getField("DEFAULTS");
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != type) {
                throw new IllegalStateException(type.getName() + ".DEFAULTS must be a static " + type.getSimpleName());
            }
            return type.cast(f.get(null));
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(type.getName() + " has no public static DEFAULTS", e);
        }
    }

    /** The defaults as a tree. */
    public static ObjectNode defaultTree(Class<? extends Record> type) {
        return (ObjectNode) MAPPER.valueToTree(defaultsOf(type));
    }

    /** Binds {@code overrides} (a partial tree, may be null) onto the defaults. */
    public static <P extends Record> P bind(Class<P> type, JsonNode overrides) {
        ObjectNode merged = defaultTree(type);
        if (overrides != null && overrides.isObject()) {
            merge(merged, (ObjectNode) overrides);
        }
        return MAPPER.treeToValue(merged, type);
    }

    /** The defaults with {@code overrides} merged in, as a tree. */
    public static ObjectNode mergedTree(Class<? extends Record> type, JsonNode overrides) {
        ObjectNode merged = defaultTree(type);
        if (overrides != null && overrides.isObject()) {
            merge(merged, (ObjectNode) overrides);
        }
        return merged;
    }

    /** Deep merge: objects merge field by field, anything else replaces. */
    public static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> e : source.properties()) {
            JsonNode existing = target.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static ObjectNode recordSchema(Class<?> type, JsonNode defaults) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        for (RecordComponent rc : type.getRecordComponents()) {
            String name = snake(rc.getName());
            Param param = rc.getAnnotation(Param.class);
            if (param == null) {
                throw new IllegalStateException(type.getName() + "." + rc.getName() + " has no @Param");
            }
            JsonNode def = defaults == null ? null : defaults.get(name);
            ObjectNode p = typeSchema(rc.getGenericType(), def);
            p.put("description", param.value());
            if (!param.unit().isEmpty()) {
                p.put("x-unit", param.unit());
            }
            // a list's bounds hold for each of its entries
            boolean list = p.path("type").asString("").equals("array");
            ObjectNode bounded = list ? (ObjectNode) p.get("items") : p;
            if (list && !param.unit().isEmpty()) {
                bounded.put("x-unit", param.unit());
            }
            if (param.min() != Double.NEGATIVE_INFINITY) {
                putBound(bounded, "minimum", param.min());
            }
            if (param.max() != Double.POSITIVE_INFINITY) {
                putBound(bounded, "maximum", param.max());
            }
            if (param.entries() >= 0) {
                if (!list) {
                    throw new IllegalStateException(type.getName() + "." + rc.getName() + " gives entries but is not a list");
                }
                p.put("minItems", param.entries()).put("maxItems", param.entries());
            }
            if (def != null && !def.isObject()) {
                p.set("default", def);
            }
            mark(type, rc, param, p);
            props.set(name, p);
        }
        return schema;
    }

    /** Writes the lever and size marks; refuses marks the page could not use. */
    private static void mark(Class<?> type, RecordComponent rc, Param param, ObjectNode p) {
        String where = type.getName() + "." + rc.getName();
        String t = p.path("type").asString("");
        if (param.lever()) {
            // a slider moves a number or a list of numbers; a group or a switch is no lever
            boolean numbers = t.equals("number") || t.equals("integer")
                    || (t.equals("array") && List.of("number", "integer").contains(p.path("items").path("type").asString("")));
            if (!numbers) {
                throw new IllegalStateException(where + " is marked lever but is not a number or a list of numbers");
            }
            p.put(LEVER, true);
        }
        if (param.size()) {
            // the size is set before a run and fixes the population; a lever moves during it
            if (!t.equals("integer") || param.lever()) {
                throw new IllegalStateException(where + " is marked size but is not a whole number, or is also a lever");
            }
            p.put(SIZE, true);
        }
    }

    private static void putBound(ObjectNode p, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            p.put(key, (long) v);
        } else {
            p.put(key, v);
        }
    }

    private static ObjectNode typeSchema(Type t, JsonNode def) {
        ObjectNode s = NODES.objectNode();
        if (t instanceof Class<?> c) {
            // every number gets the range of its Java type, so that huge values are refused, not wrapped
            if (c == int.class || c == Integer.class) {
                s.put("type", "integer").put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
            } else if (c == long.class || c == Long.class) {
                s.put("type", "integer").put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
            } else if (c == double.class || c == Double.class) {
                s.put("type", "number").put("minimum", -Double.MAX_VALUE).put("maximum", Double.MAX_VALUE);
            } else if (c == float.class || c == Float.class) {
                s.put("type", "number").put("minimum", -Float.MAX_VALUE).put("maximum", Float.MAX_VALUE);
            } else if (c == boolean.class || c == Boolean.class) {
                s.put("type", "boolean");
            } else if (c == String.class) {
                s.put("type", "string");
            } else if (c.isEnum()) {
                s.put("type", "string");
                ArrayNode values = s.putArray("enum");
                for (Object o : c.getEnumConstants()) {
                    values.add(((Enum<?>) o).name().toLowerCase(Locale.ROOT));
                }
            } else if (c.isRecord()) {
                return recordSchema(c, def);
            } else if (c == double[].class) {
                s.put("type", "array");
                s.putObject("items").put("type", "number");
            } else if (c == int[].class) {
                s.put("type", "array");
                s.putObject("items").put("type", "integer");
            } else {
                throw new IllegalStateException("unsupported parameter type " + c);
            }
        } else if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            s.put("type", "array");
            s.set("items", typeSchema(pt.getActualTypeArguments()[0], null));
            s.put("maxItems", 10_000_000);
        } else if (t instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            s.put("type", "object");
            s.set("additionalProperties", typeSchema(pt.getActualTypeArguments()[1], null));
        } else {
            throw new IllegalStateException("unsupported parameter type " + t);
        }
        return s;
    }

    /** camelCase to snake_case. */
    public static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
