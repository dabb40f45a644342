package org.officialdom.model.scenario;

import org.officialdom.model.parameter.ParameterPaths;
import org.officialdom.model.parameter.ParameterProblem;
import org.officialdom.model.parameter.ParameterSchema;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.officialdom.model.ModelKind;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.officialdom.model.Models;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads scenario files: YAML, checked against a JSON Schema generated from the model's parameter
 * records. Every problem becomes one {@link ScenarioException} naming the file, the line, the field,
 * what was expected and what was found.
 */
public final class ScenarioLoader {

    /** Largest scenario file read, in bytes: a scenario is a page of text, not a data set. */
    public static final int MAX_BYTES = 1 << 20;

    // a key written twice is an error (the parser's own check), not "the last one wins"
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ScenarioLoader() {
    }

    /** Loads a scenario file from disk. */
    public static Scenario load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ScenarioException(name, 0, "", "a scenario file of at most " + MAX_BYTES + " bytes",
                        Files.size(file) + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, 0, "", "an existing scenario file or a built-in scenario name", "no such file");
        } catch (IOException e) {
            throw new ScenarioException(name, 0, "", "a readable file", e.getMessage());
        }
        return parse(decode(name, bytes), name);
    }

    /** Loads a built-in scenario by its short name. */
    public static Scenario builtIn(String shortName) {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + shortName + ".yaml")) {
            if (in == null || !shortName.matches("[a-z0-9][a-z0-9-]*")) {
                throw new ScenarioException(shortName, 0, "", "a scenario file or one of the built-in scenarios: "
                        + String.join(", ", BuiltInScenarios.names()), "neither");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in scenario " + shortName);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in scenario " + shortName, e);
        }
    }

    /** The scenario's {@code posterior} field (a posterior sample's name or file, as written), or null when it has none. */
    public static String posteriorOf(Scenario sc) {
        JsonNode root = readYaml(sc.text(), sc.source());
        JsonNode p = root == null ? null : root.get("posterior");
        return p != null && p.isString() ? p.asString() : null;
    }

    /** Loads a file if the argument names one, else a built-in scenario of that name. */
    public static Scenario resolve(String fileOrName) {
        Path p = Path.of(fileOrName);
        if (Files.isRegularFile(p) || fileOrName.endsWith(".yaml") || fileOrName.endsWith(".yml") || fileOrName.contains("/")) {
            return load(p);
        }
        return builtIn(fileOrName);
    }

    private static String decode(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file, 0, "", "text in UTF-8", "bytes that are not UTF-8");
        }
    }

    /** YAML text as a tree; a syntax error becomes a message with its line. */
    private static JsonNode readYaml(String text, String file) {
        screen(text, file);
        try {
            return YAML.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String what = e.getOriginalMessage() == null ? "unreadable text" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ScenarioException(file, loc == null ? 0 : loc.getLineNr(), "", "valid YAML", what);
        } catch (RuntimeException e) {
            throw new ScenarioException(file, 0, "", "valid YAML", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Refuses what YAML allows but a scenario must not hold, naming the line and field: a key given
     * twice in one mapping, anchors and aliases (the tree reader would read an alias as its anchor's
     * name), and a number written as non-zero that reads as 0 (1e-400).
     */
    private static void screen(String text, String file) {
        try (JsonParser p = YAML.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == 0
                        && p.getString().split("[eE]")[0].matches(".*[1-9].*")) {
                    throw new ScenarioException(file, line, dotted(p.streamReadContext(), t),
                            "a number that is 0 or at least 1e-300 in size", p.getString());
                }
            }
        } catch (StreamReadException e) {
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate Object property \"(.*)\"")
                    .matcher(String.valueOf(e.getOriginalMessage()));
            if (dup.find()) {
                String parent = e.processor() == null ? "" : dotted(e.processor().streamReadContext(), JsonToken.START_OBJECT);
                String field = parent.isEmpty() ? dup.group(1) : parent + "." + dup.group(1);
                throw new ScenarioException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), field,
                        "each field once in its mapping", "'" + dup.group(1) + "' a second time");
            }
            // other syntax errors are reported by the tree reader
        } catch (JacksonException e) {
            // likewise
            return;
        }
        // Jackson's parser keeps no anchor of a scalar, so anchors and aliases are read from the
        // YAML parser's own events
        try {
            for (Event ev : new Parse(LoadSettings.builder().build()).parseString(text)) {
                boolean alias = ev instanceof AliasEvent;
                if (alias || (ev instanceof NodeEvent node && node.getAnchor().isPresent())) {
                    int line = ev.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                    String name = ((NodeEvent) ev).getAnchor().map(Anchor::getValue).orElse("");
                    throw new ScenarioException(file, line, SourceMap.of(text).pathAt(line),
                            "a value written out in full (no YAML anchors or aliases)",
                            alias ? "the alias *" + name : "the anchor &" + name);
                }
            }
        } catch (YamlEngineException e) {
            // a syntax error, reported by the tree reader
        }
    }

    /** The dotted path ({@code calendar[2].set}) of the value the parser stands on. */
    private static String dotted(TokenStreamContext ctx, JsonToken t) {
        // a structure's own start token stands in its parent's context
        TokenStreamContext at = (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null
                ? ctx.getParent() : ctx;
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (TokenStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** Parses and validates scenario text; {@code file} names it in messages. */
    public static Scenario parse(String text, String file) {
        SourceMap lines = SourceMap.of(text);
        JsonNode root = readYaml(text, file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ScenarioException(file, 0, "", "a scenario (a mapping with name, model, steps and parameters)", "an empty file");
        }
        if (!root.isObject()) {
            throw new ScenarioException(file, 1, "", "a mapping with name, model, steps and parameters", describe(root));
        }
        JsonNode modelNode = root.get("model");
        if (modelNode == null) {
            throw new ScenarioException(file, lines.lineOf(""), "model", "a model name, one of: " + modelNames(), "no 'model' field");
        }
        if (!modelNode.isString() || Models.byName(modelNode.asString()).isEmpty()) {
            throw new ScenarioException(file, lines.lineOf("model"), "model", "one of: " + modelNames(), describe(modelNode));
        }
        ModelKind<?> kind = Models.byName(modelNode.asString()).orElseThrow();
        checkNumbers(root, "", file, lines);
        ObjectNode paramSchema = paramSchemaOf(kind);
        ObjectNode schema = SCENARIO_SCHEMAS.computeIfAbsent(kind.name(), k -> scenarioSchema(paramSchema));
        check(schema, root, "", file, lines);

        int steps = root.get("steps").asInt();
        String start = root.hasNonNull("start") ? root.get("start").asString() : null;
        if (start != null) {
            try {
                YearMonth.parse(start);
            } catch (DateTimeParseException e) {
                throw new ScenarioException(file, lines.lineOf("start"), "start", "a month like 2012-11", quote(start));
            }
        }
        ObjectNode parameters = root.hasNonNull("parameters") ? (ObjectNode) root.get("parameters") : NODES.objectNode();
        List<CalendarEntry> calendar = new ArrayList<>();
        if (root.has("calendar")) {
            ArrayNode entries = (ArrayNode) root.get("calendar");
            for (int i = 0; i < entries.size(); i++) {
                calendar.add(calendarEntry(entries.get(i), "calendar[" + i + "]", start, steps, kind, paramSchema, parameters, file, lines));
            }
        }
        // Bind the parameters as they stand at the start and after each change, so that values the
        // schema allows one by one but the model rejects together surface here, at their line.
        ObjectNode standing = parameters.deepCopy();
        bindChecked(kind, standing, "parameters", file, lines);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < calendar.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> calendar.get(i).step()));
        for (int i : order) {
            ParameterSchema.merge(standing, calendar.get(i).set());
            bindChecked(kind, standing, "calendar[" + i + "].set", file, lines);
        }
        calendar.sort(Comparator.comparingInt(CalendarEntry::step));
        return new Scenario(
                root.get("name").asString(),
                root.hasNonNull("title") ? root.get("title").asString() : root.get("name").asString(),
                root.hasNonNull("description") ? root.get("description").asString() : "",
                kind,
                root.hasNonNull("seed") ? root.get("seed").asLong() : 1L,
                steps,
                start,
                parameters,
                List.copyOf(calendar),
                file,
                text);
    }

    /**
     * Binds parameters onto the model's record; a cross-field problem ({@link ParameterProblem}) is
     * reported at the line of its field under {@code at} ("parameters" or a calendar entry's "set").
     */
    private static void bindChecked(ModelKind<?> kind, ObjectNode parameters, String at, String file, SourceMap lines) {
        ObjectNode merged = ParameterSchema.mergedTree(kind.parameterType(), parameters);
        try {
            ParameterSchema.MAPPER.treeToValue(merged, kind.parameterType());
        } catch (JacksonException | IllegalArgumentException e) {
            throw bindProblem(e, file, lines, at);
        }
    }

    private static ScenarioException bindProblem(RuntimeException e, String file, SourceMap lines, String at) {
        ParameterProblem problem = null;
        for (Throwable t = e; t != null && problem == null; t = t.getCause()) {
            if (t instanceof ParameterProblem pp) {
                problem = pp;
            }
        }
        if (problem == null) {
            String what = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
            return new ScenarioException(file, lines.lineOf(at), at, "parameters the model accepts", what);
        }
        // the record that threw sits at the binding's path; the problem names a field inside it
        StringBuilder record = new StringBuilder();
        if (e instanceof JacksonException je) {
            for (JacksonException.Reference ref : je.getPath()) {
                if (ref.getPropertyName() != null) {
                    record.append(record.length() == 0 ? "" : ".").append(ref.getPropertyName());
                }
            }
        }
        String dotted = record.length() == 0 ? problem.field() : record + "." + problem.field();
        String field = at + "." + dotted;
        return new ScenarioException(file, lines.lineOf(field), field, problem.expected(), problem.found());
    }

    private static CalendarEntry calendarEntry(JsonNode e, String path, String start, int steps, ModelKind<?> kind,
                                               ObjectNode paramSchema, ObjectNode parameters, String file, SourceMap lines) {
        int step;
        if (e.has("step") == e.has("date")) {
            throw new ScenarioException(file, lines.lineOf(path), path, "exactly one of 'step' or 'date'",
                    e.has("step") ? "both" : "neither");
        }
        if (e.has("date")) {
            if (start == null) {
                throw new ScenarioException(file, lines.lineOf(path + ".date"), path + ".date",
                        "a 'step' number (a 'date' needs the scenario's 'start')", quote(e.get("date").asString()));
            }
            YearMonth at;
            try {
                at = YearMonth.parse(e.get("date").asString());
            } catch (DateTimeParseException ex) {
                throw new ScenarioException(file, lines.lineOf(path + ".date"), path + ".date", "a month like 2013-01", quote(e.get("date").asString()));
            }
            long months = java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.parse(start), at);
            if (months < 0) {
                throw new ScenarioException(file, lines.lineOf(path + ".date"), path + ".date",
                        "a month from the start, " + start + ", on", at.toString());
            }
            step = (int) months;
        } else {
            step = e.get("step").asInt();
        }
        // entries past the horizon are kept (a run folder's scenario.yaml, written for a run shortened with
        // --steps, holds them); a run that will not reach them says so (RunCommand)
        ObjectNode set = NODES.objectNode();
        for (Map.Entry<String, JsonNode> kv : e.get("set").properties()) {
            String key = kv.getKey();
            if (!key.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) {
                throw new ScenarioException(file, lines.lineOf(path + ".set." + key), path + ".set." + key,
                        "a dotted parameter path like study.hours_per_week", quote(key));
            }
            ParameterPaths.set(set, key, kv.getValue());
        }
        // Check the parameters as they would stand with this change applied.
        ObjectNode probe = parameters.deepCopy();
        ParameterSchema.merge(probe, set);
        for (Error err : validate(paramSchema, probe)) {
            String field = fullPath(err);
            String dotted = dottedFromParameters(field);
            if (ParameterPaths.reaches(set, dotted)) {
                String where = path + ".set." + dotted;
                throw problem(paramSchema, probe, err, file, lines.lineOf(path + ".set." + dotted), where);
            }
        }
        return new CalendarEntry(step, e.hasNonNull("note") ? e.get("note").asString() : "", set);
    }

    private static String dottedFromParameters(String field) {
        return field.replaceAll("\\[\\d+]", "");
    }

    private static void check(ObjectNode schema, JsonNode instance, String prefix, String file, SourceMap lines) {
        List<Error> errors = validate(schema, instance);
        if (errors.isEmpty()) {
            return;
        }
        Error first = errors.stream()
                .min(Comparator.comparingInt((Error er) -> lines.lineOf(prefix + fullPath(er))))
                .orElseThrow();
        String field = prefix + fullPath(first);
        throw problem(schema, instance, first, file, lines.lineOf(field), field);
    }

    /** Compiled schemas, by identity of the schema tree (schemas are built once per model kind). */
    private static final Map<ObjectNode, Schema> COMPILED = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private static final Map<String, ObjectNode> PARAM_SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, ObjectNode> SCENARIO_SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    private static ObjectNode paramSchemaOf(ModelKind<?> kind) {
        return PARAM_SCHEMAS.computeIfAbsent(kind.name(), k -> ParameterSchema.of(kind.parameterType()));
    }

    private static List<Error> validate(ObjectNode schema, JsonNode instance) {
        Schema s = COMPILED.computeIfAbsent(schema, REGISTRY::getSchema);
        return s.validate(instance);
    }

    /**
     * Refuses numbers no scenario can mean (beyond ±9.2e18, infinities, NaN) before the schema
     * sees them, naming the field.
     */
    private static void checkNumbers(JsonNode node, String path, String file, SourceMap lines) {
        if (node.isNumber()) {
            double v;
            try {
                v = node.asDouble();
            } catch (RuntimeException outOfRange) {
                v = Double.POSITIVE_INFINITY;
            }
            if (!Double.isFinite(v) || Math.abs(v) > 9.2e18) {
                throw new ScenarioException(file, lines.lineOf(path), path, "a number below 9.2e18 in size", describe(node));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                checkNumbers(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), file, lines);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNumbers(node.get(i), path + "[" + i + "]", file, lines);
            }
        }
    }

    /** Dotted path of the field an error is about (for unknown/missing fields: that field). */
    private static String fullPath(Error e) {
        String base = pathOf(e);
        String kw = e.getKeyword();
        if (("additionalProperties".equals(kw) || "required".equals(kw) || "unevaluatedProperties".equals(kw))
                && e.getProperty() != null) {
            return base.isEmpty() ? e.getProperty() : base + "." + e.getProperty();
        }
        return base;
    }

    private static String pathOf(Error e) {
        NodePath p = e.getInstanceLocation();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object el = p.getElement(i);
            if (el instanceof Integer idx) {
                sb.append('[').append(idx).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(el);
            }
        }
        return sb.toString();
    }

    /** The known name nearest to a misspelt one (Levenshtein distance at most a third of its length, and 1 at least), or null. */
    static String closest(String name, java.util.Collection<String> known) {
        if (name == null) {
            return null;
        }
        org.apache.commons.text.similarity.LevenshteinDistance d = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Math.max(1, name.length() / 3) + 1;
        for (String k : known) {
            int x = d.apply(name, k);
            if (x < bestDistance) {
                best = k;
                bestDistance = x;
            }
        }
        return best;
    }

    private static ScenarioException problem(ObjectNode schema, JsonNode instance, Error e, String file, int line, String field) {
        String kw = e.getKeyword() == null ? "" : e.getKeyword();
        String base = pathOf(e);
        JsonNode fieldSchema = schemaAt(schema, base);
        JsonNode value = e.getInstanceNode();
        switch (kw) {
            case "additionalProperties":
            case "unevaluatedProperties": {
                String known = fieldSchema != null && fieldSchema.has("properties")
                        ? fieldSchema.get("properties").propertyNames().stream().collect(Collectors.joining(", "))
                        : "";
                String guess = fieldSchema != null && fieldSchema.has("properties")
                        ? closest(e.getProperty(), fieldSchema.get("properties").propertyNames()) : null;
                return new ScenarioException(file, line, field, "one of the known fields: " + known,
                        "unknown field '" + e.getProperty() + "'" + (guess == null ? "" : " (did you mean '" + guess + "'?)"));
            }
            case "required":
                return new ScenarioException(file, line, field, "a value for this required field", "nothing");
            default: {
                JsonNode own = schemaAt(schema, base);
                return new ScenarioException(file, line, field, expectation(own, e), describe(value));
            }
        }
    }

    /** The sub-schema that applies at a dotted instance path (properties and array items). */
    private static JsonNode schemaAt(JsonNode schema, String dotted) {
        JsonNode at = schema;
        if (dotted.isEmpty()) {
            return at;
        }
        for (String part : dotted.split("\\.")) {
            String name = part.replaceAll("\\[\\d+]", "");
            if (at == null) {
                return null;
            }
            if (at.has("properties") && at.get("properties").has(name)) {
                at = at.get("properties").get(name);
            } else if (at.has("additionalProperties") && at.get("additionalProperties").isObject()) {
                at = at.get("additionalProperties");
            } else {
                return null;
            }
            int brackets = part.length() - part.replace("[", "").length();
            for (int i = 0; i < brackets && at != null; i++) {
                at = at.get("items");
            }
        }
        return at;
    }

    /** What a value of this (sub-)schema must be, in words: "a whole number of at least 1 (officials)". */
    public static String expected(JsonNode schema) {
        return expectation(schema, null);
    }

    private static String expectation(JsonNode s, Error e) {
        String fallback = e == null ? "a value the parameter accepts" : e.getMessage();
        if (s == null) {
            return fallback;
        }
        if (s.has("x-expected")) {
            return s.get("x-expected").asString();
        }
        if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.get("enum").forEach(v -> values.add(v.asString()));
            return "one of: " + String.join(", ", values);
        }
        String type = s.has("type") ? s.get("type").asString() : "";
        String noun = switch (type) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "string" -> "text";
            case "array" -> "a list";
            case "object" -> "a mapping of fields";
            default -> fallback;
        };
        // the limits of the Java type are there to refuse absurd numbers; they are not worth saying
        boolean hasMin = s.has("minimum") && s.get("minimum").asDouble() > Integer.MIN_VALUE;
        boolean hasMax = s.has("maximum") && s.get("maximum").asDouble() < Integer.MAX_VALUE;
        if (hasMin && hasMax) {
            noun += " from " + s.get("minimum").asString() + " to " + s.get("maximum").asString();
        } else if (hasMin) {
            noun += " of at least " + s.get("minimum").asString();
        } else if (hasMax) {
            noun += " of at most " + s.get("maximum").asString();
        }
        if (s.has("minItems") && s.has("maxItems") && s.get("minItems").asInt() == s.get("maxItems").asInt()) {
            noun += " of " + s.get("minItems").asInt() + " entries";
        }
        if (s.has("x-unit")) {
            noun += " (" + s.get("x-unit").asString() + ")";
        }
        if (s.has("minProperties")) {
            noun += " with at least " + s.get("minProperties").asString() + " entry";
        }
        return noun;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "an empty value";
        }
        if (v.isString()) {
            return quote(v.asString());
        }
        if (v.isNumber() || v.isBoolean()) {
            String t = v.asString();
            return t.length() > 40 ? t.substring(0, 40) + "…" : t;
        }
        if (v.isArray()) {
            return "a list of " + v.size();
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return v.toString();
    }

    private static String quote(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return "'" + t.replace("\n", "\\n") + "'";
    }

    private static String modelNames() {
        return org.officialdom.model.Models.all().stream().map(ModelKind::name).collect(Collectors.joining(", "));
    }

    /** The schema of a whole scenario file for one model kind. */
    public static ObjectNode scenarioSchema(ModelKind<?> kind) {
        return scenarioSchema(ParameterSchema.of(kind.parameterType()));
    }

    private static ObjectNode scenarioSchema(ObjectNode paramSchema) {
        ObjectNode s = NODES.objectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("type", "object");
        s.put("additionalProperties", false);
        s.putArray("required").add("name").add("model").add("steps");
        ObjectNode p = s.putObject("properties");
        p.putObject("name").put("type", "string").put("pattern", "^[a-z0-9][a-z0-9-]*$")
                .put("x-expected", "a short name in lower case, digits and hyphens, like china-2012-2025")
                .put("description", "Short name of the scenario.");
        p.putObject("title").put("type", "string").put("description", "One-line title.");
        p.putObject("description").put("type", "string").put("description", "What the scenario is about.");
        ObjectNode model = p.putObject("model").put("type", "string").put("description", "Which model runs.");
        ArrayNode names = model.putArray("enum");
        Models.all().forEach(k -> names.add(k.name()));
        p.putObject("seed").put("type", "integer").put("minimum", 0).put("maximum", Long.MAX_VALUE).put("description", "Seed of the random streams.");
        p.putObject("steps").put("type", "integer").put("minimum", 0).put("maximum", 1_000_000)
                .put("description", "Number of steps to run.");
        p.putObject("start").put("type", "string").put("pattern", "^[0-9]{4}-[0-9]{2}$")
                .put("x-expected", "a month like 2012-11").put("description", "Month of step 0 (monthly steps).");
        p.putObject("posterior").put("type", "string").put("minLength", 1)
                .put("x-expected", "a posterior sample: a built-in one's name (like china-calibration) or a .csv file next to the scenario")
                .put("description", "The posterior sample of a calibration that 'run --posterior N' draws parameter values from.");
        ObjectNode sources = p.putObject("sources");
        sources.put("type", "array").put("description", "Published series the scenario uses, each with its source.");
        ObjectNode src = sources.putObject("items");
        src.put("type", "object");
        src.put("additionalProperties", false);
        src.putArray("required").add("series").add("source");
        ObjectNode srcProps = src.putObject("properties");
        srcProps.putObject("series").put("type", "string");
        srcProps.putObject("source").put("type", "string");
        srcProps.putObject("note").put("type", "string");
        p.set("parameters", paramSchema);
        ObjectNode cal = p.putObject("calendar");
        cal.put("type", "array").put("description", "Policy changes over time.");
        ObjectNode entry = cal.putObject("items");
        entry.put("type", "object");
        entry.put("additionalProperties", false);
        entry.putArray("required").add("set");
        ObjectNode ep = entry.putObject("properties");
        ep.putObject("step").put("type", "integer").put("minimum", 0).put("maximum", 1_000_000);
        ep.putObject("date").put("type", "string").put("pattern", "^[0-9]{4}-[0-9]{2}$").put("x-expected", "a month like 2013-01");
        ep.putObject("note").put("type", "string");
        ep.putObject("set").put("type", "object").put("minProperties", 1)
                .put("x-expected", "a mapping of parameter paths to values, like study.hours_per_week: 6");
        return s;
    }

    /**
     * The scenario with parameters overridden from the command line ({@code path=value} pairs, such
     * as {@code population=1000000}); values are read as YAML scalars and checked against the schema.
     */
    /**
     * {@code PATH=VALUE} assignments (as {@code --set} takes them) read into dotted paths and YAML
     * values, in order; a later assignment of a path wins.
     *
     * @throws ScenarioException naming {@code --set} for a malformed assignment or value
     */
    public static Map<String, JsonNode> assignments(List<String> assignments) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        if (assignments == null) {
            return out;
        }
        for (String a : assignments) {
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq).trim();
            if (eq < 0 || !key.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) {
                throw new ScenarioException("--set", 0, key, "PATH=VALUE with a dotted parameter path, like population=1000", quote(a));
            }
            JsonNode value;
            try {
                value = YAML.readTree(a.substring(eq + 1));
            } catch (JacksonException e) {
                throw new ScenarioException("--set", 0, key, "a value", quote(a.substring(eq + 1)));
            }
            out.put(key, value == null || value.isMissingNode() ? NODES.nullNode() : value);
        }
        return out;
    }

    public static Scenario override(Scenario sc, List<String> assignments) {
        if (assignments == null || assignments.isEmpty()) {
            return sc;
        }
        ObjectNode params = sc.parameters().deepCopy();
        ObjectNode set = NODES.objectNode();
        assignments(assignments).forEach((key, value) -> ParameterPaths.set(set, key, value));
        ParameterSchema.merge(params, set);
        checkNumbers(set, "", "--set", SourceMap.of(""));
        ObjectNode paramSchema = paramSchemaOf(sc.kind());
        List<Error> errors = validate(paramSchema, params);
        if (!errors.isEmpty()) {
            Error e = errors.get(0);
            throw problem(paramSchema, params, e, "--set", 0, fullPath(e));
        }
        try {
            ParameterSchema.MAPPER.treeToValue(ParameterSchema.mergedTree(sc.kind().parameterType(), params), sc.kind().parameterType());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ScenarioException("--set", 0, "parameters", "consistent parameters", e.getMessage());
        }
        return new Scenario(sc.name(), sc.title(), sc.description(), sc.kind(), sc.seed(), sc.steps(), sc.start(),
                params, sc.calendar(), sc.source(), sc.text());
    }

    /**
     * Reads another kind of YAML file (an experiment, a calibration) with the scenario's messages:
     * the bytes must be UTF-8 text of at most {@link #MAX_BYTES}.
     */
    public static String readText(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ScenarioException(name, 0, "", "a file of at most " + MAX_BYTES + " bytes", Files.size(file) + " bytes");
            }
            return decode(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, 0, "", "an existing file", "no such file");
        } catch (IOException e) {
            throw new ScenarioException(name, 0, "", "a readable file", e.getMessage());
        }
    }

    /**
     * Parses YAML text and checks it against {@code schema} (draft 2020-12), reporting the first
     * problem as the scenario loader does: file, line, field, expected, found.
     */
    public static JsonNode readChecked(String text, String file, ObjectNode schema) {
        SourceMap lines = SourceMap.of(text);
        JsonNode root = readYaml(text, file);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ScenarioException(file, 0, "", "a mapping of fields", "an empty file");
        }
        checkNumbers(root, "", file, lines);
        check(schema, root, "", file, lines);
        return root;
    }

    /** The line on which a dotted path ({@code factors[1].range}) starts in YAML text; 0 if unknown. */
    public static int lineOf(String text, String path) {
        return SourceMap.of(text).lineOf(path);
    }

    /** How a value is described in messages ("'abc'", "a list of 3", "12"). */
    public static String describeValue(JsonNode v) {
        return describe(v);
    }

    /** For messages and tools: the keys of an object node in order. */
    static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(out::add);
        return out;
    }
}
