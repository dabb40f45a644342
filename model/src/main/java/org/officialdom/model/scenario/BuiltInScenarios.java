package org.officialdom.model.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The scenarios shipped inside the jar, listed in {@code /scenarios/index.txt}. */
public final class BuiltInScenarios {

    private BuiltInScenarios() {
    }

    public static List<String> names() {
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream("/scenarios/index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list built-in scenarios", e);
        }
    }

    /** The default scenario of {@code officialdom run}: the first in the index. */
    public static String flagship() {
        return names().get(0);
    }
}
