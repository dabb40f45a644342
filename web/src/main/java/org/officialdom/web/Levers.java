package org.officialdom.web;

import java.util.List;
import org.officialdom.model.ModelKind;
import org.officialdom.model.parameter.ParameterPaths;
import org.officialdom.model.parameter.ParameterSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The levers the page offers: the parameters the model marks {@code @Param(lever = true)}, in
 * declaration order; label, unit, range and type come from the same declarations through the
 * schema. A model that marks none has no levers.
 */
final class Levers {

    private Levers() {
    }

    /** The lever paths of a model kind. */
    static List<String> pathsOf(ModelKind<?> kind) {
        return ParameterSchema.leverPaths(kind.parameterType());
    }

    /** The schema node of a dotted path, or a missing node. */
    static JsonNode schemaAt(ModelKind<?> kind, String path) {
        JsonNode at = ParameterSchema.of(kind.parameterType());
        for (String part : path.split("\\.")) {
            at = at.path("properties").path(part);
        }
        return at;
    }

    /** A lever as the page draws it: path, label, description, unit, range, step, kind, value. */
    static ObjectNode describe(ModelKind<?> kind, String path, JsonNode value) {
        JsonNode s = schemaAt(kind, path);
        ObjectNode o = ParameterSchema.MAPPER.createObjectNode();
        o.put("path", path);
        String leaf = path.substring(path.lastIndexOf('.') + 1).replace('_', ' ');
        String group = path.contains(".") ? path.substring(0, path.indexOf('.')).replace('_', ' ') : "";
        o.put("label", group.isEmpty() ? leaf : group + ": " + leaf);
        o.put("description", s.path("description").asString(""));
        o.put("unit", s.path("x-unit").asString(""));
        boolean list = s.path("type").asString("").equals("array");
        boolean integer = s.path("type").asString("").equals("integer");
        o.put("kind", list ? "list" : integer ? "integer" : "number");
        double min = s.has("minimum") ? s.get("minimum").asDouble() : 0;
        double max = s.has("maximum") ? s.get("maximum").asDouble() : Double.MAX_VALUE;
        if (list && !(s.has("minimum") && s.has("maximum"))) {
            // a list without a declared range is one of shares (one per level, say): each from 0 to 1
            min = 0;
            max = 1;
        }
        if (max > 1e6) {
            double current = value.isNumber() ? value.asDouble() : 1;
            max = Math.max(1, Math.ceil(4 * Math.abs(current)));
        }
        if (min < -1e6) {
            min = 0;
        }
        o.put("min", min);
        o.put("max", max);
        o.put("step", integer ? 1 : niceStep(max - min));
        o.set("value", value.deepCopy());
        return o;
    }

    private static double niceStep(double range) {
        double raw = range / 100;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        return raw / p >= 5 ? 5 * p : raw / p >= 2 ? 2 * p : p;
    }

    /** The value at a dotted path of a parameter tree. */
    static JsonNode valueAt(JsonNode tree, String path) {
        return ParameterPaths.at(tree, path);
    }

    /** The value as YAML scalar text for {@code ScenarioLoader.override}. */
    static String text(JsonNode v) {
        if (v instanceof ArrayNode a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(a.get(i).toString());
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }
}
