package org.officialdom.model.parameter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dotted parameter paths ({@code evln.reconsider}, {@code study.study_hours}): how scenario files,
 * {@code --set}, the calendar, the page's levers and the tests name a parameter. One place reads and
 * writes them, in parameter trees (snake_case names, as in files) and in parameter records.
 */
public final class ParameterPaths {

    private ParameterPaths() {
    }

    /** The node at a dotted path of a tree, or a missing node. */
    public static JsonNode at(JsonNode tree, String path) {
        JsonNode at = tree;
        for (String part : path.split("\\.")) {
            at = at.path(part);
        }
        return at;
    }

    /** Sets the value at a dotted path of a tree, making the groups on the way. */
    public static void set(ObjectNode tree, String path, JsonNode value) {
        ObjectNode at = tree;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = at.get(parts[i]);
            at = child instanceof ObjectNode o ? o : at.putObject(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
    }

    /** Whether the tree holds something at the path or at a group of it (a path of {@code ""} is the whole tree). */
    public static boolean reaches(JsonNode tree, String path) {
        if (path.isEmpty()) {
            return true;
        }
        JsonNode at = tree;
        for (String part : path.split("\\.")) {
            if (at == null || !at.isObject()) {
                return at != null;
            }
            at = at.get(part);
        }
        return at != null;
    }

    /**
     * A copy of a parameter record with the parameter at {@code path} set to {@code value} (a
     * number, a string or enum constant, a boolean, a list or a record), for tests and code that
     * change one parameter by name: {@code p.with("evln.reconsider", 0)}. The value is bound as a
     * scenario file's would be, but not checked against the declared ranges: a test may go beyond
     * them.
     *
     * @throws IllegalArgumentException if the record has no parameter at that path, or the value
     *                                  does not fit it
     */
    public static <P extends Record> P with(P parameters, String path, Object value) {
        ObjectNode tree = ParameterSchema.MAPPER.valueToTree(parameters);
        if (at(tree, path) instanceof MissingNode) {
            throw new IllegalArgumentException("no parameter '" + path + "' in " + parameters.getClass().getSimpleName());
        }
        set(tree, path, ParameterSchema.MAPPER.valueToTree(value));
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) parameters.getClass();
        try {
            return ParameterSchema.MAPPER.treeToValue(tree, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + path + "' cannot be " + value + ": " + e.getMessage(), e);
        }
    }
}
