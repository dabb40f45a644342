package org.officialdom.lab.experiment;

import java.util.List;
import org.officialdom.model.scenario.Scenario;

/**
 * A validated experiment: a base scenario, the factors varied, the design, replicates, the seed
 * policy and what to analyse.
 *
 * @param metrics    metrics to analyse; empty for all the model declares
 * @param statistics summaries of each metric to analyse (final, mean, min, max)
 */
public record Experiment(
        String name,
        String title,
        String file,
        String text,
        Scenario base,
        int steps,
        int replicates,
        SeedPolicy seeds,
        List<String> metrics,
        List<String> statistics,
        Design design,
        List<Factor> factors) {

    /** The design's settings. */
    public record Design(String type, int samples, int levels, long seed, int bootstrap, double confidence) {
    }

    /** Names of the factors, in order. */
    public List<String> factorNames() {
        return factors.stream().map(Factor::path).toList();
    }
}
