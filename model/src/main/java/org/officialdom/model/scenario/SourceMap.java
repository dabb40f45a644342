package org.officialdom.model.scenario;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * The line on which each field of a YAML document starts, keyed by dotted path
 * ({@code parameters.population}, {@code calendar[2].set}), so that error messages can point at it.
 */
final class SourceMap {

    private final Map<String, Integer> lines = new HashMap<>();

    static SourceMap of(String yaml) {
        SourceMap map = new SourceMap();
        try (JsonParser p = new YAMLFactory().createParser(ObjectReadContext.empty(), yaml)) {
            map.walk(p, p.nextToken(), "");
        } catch (RuntimeException e) {
            // the document failed to parse; the loader reports that separately
        }
        return map;
    }

    private void walk(JsonParser p, JsonToken t, String path) {
        if (t == null) {
            return;
        }
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        if (t == JsonToken.START_OBJECT) {
            for (JsonToken k = p.nextToken(); k == JsonToken.PROPERTY_NAME; k = p.nextToken()) {
                String name = p.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
                walk(p, p.nextToken(), child);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY && v != null; v = p.nextToken()) {
                walk(p, v, path + "[" + i++ + "]");
            }
        }
    }

    /** The longest path that starts on a line ("" if none does): the innermost field written there. */
    String pathAt(int line) {
        String best = "";
        for (Map.Entry<String, Integer> e : lines.entrySet()) {
            if (e.getValue() == line && e.getKey().length() > best.length()) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** The line of a path, or of its nearest ancestor that has one; 0 if unknown. */
    int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
