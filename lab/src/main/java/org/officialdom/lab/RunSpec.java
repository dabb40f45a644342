package org.officialdom.lab;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.officialdom.model.parameter.ParameterSchema;

/**
 * One run to make: a scenario (its text, so that the spec travels to another machine as plain
 * strings), parameter overrides as dotted paths, a seed and a number of steps.
 *
 * <p>The run id is a hash of exactly these, so the same run asked for twice (by two experiments,
 * by an experiment restarted after a crash, by {@code officialdom run}) has the same id and is
 * stored once.
 *
 * @param scenarioText   the scenario's YAML text
 * @param scenarioSource where it came from (a file name or "built-in scenario NAME"), for messages
 * @param overrides      canonical JSON object of dotted parameter paths to values, keys sorted
 * @param seed           seed of the run's random streams
 * @param steps          number of steps
 */
public record RunSpec(String scenarioText, String scenarioSource, String overrides, long seed, int steps)
        implements Serializable {

    /** A spec from a parsed scenario and overrides (dotted path to value). */
    public static RunSpec of(org.officialdom.model.scenario.Scenario sc, Map<String, JsonNode> overrides, long seed, int steps) {
        return new RunSpec(sc.text(), sc.source(), canonical(overrides), seed, steps);
    }

    /** Canonical JSON of overrides: keys sorted, compact. */
    public static String canonical(Map<String, JsonNode> overrides) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(overrides).forEach(o::set);
        return o.toString();
    }

    /** The overrides as a sorted map. */
    public Map<String, JsonNode> overrideMap() {
        JsonNode n = ParameterSchema.MAPPER.readTree(overrides);
        Map<String, JsonNode> out = new TreeMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** SHA-256 of the scenario text, in hex. */
    public String scenarioHash() {
        return sha256(scenarioText);
    }

    /** The run's id: 16 hex digits of a hash of scenario, overrides, seed and steps. */
    public String runId() {
        return sha256(scenarioHash() + "\n" + overrides + "\n" + seed + "\n" + steps).substring(0, 16);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short hash of any text (experiment ids and the like). */
    public static String shortHash(String s) {
        return sha256(s).substring(0, 12);
    }
}
