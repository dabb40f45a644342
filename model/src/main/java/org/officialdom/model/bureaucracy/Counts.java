package org.officialdom.model.bureaucracy;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What happened in the last step, kept for the metric probes (part of the checkpointed state): each
 * pass's own figures, under the pass's name and indexed by the mechanism's constants
 * ({@code figures("circle")[Circle.Kernel.JOINED]}), and the census's measures of the officials in
 * post. A mechanism reports its figures here and declares the metrics that read them in its own
 * class, so that a new mechanism adds no field here.
 */
final class Counts implements Serializable {

    private final Map<String, double[]> figures = new HashMap<>();

    double output;
    long headcount;
    /** Officials privately opposed (support below one half) who have not quit in public. */
    long falsifiers;
    /** Party members in post, and those of them who have quit the party in public. */
    long members;
    long publicQuitters;
    /** Mean private regime support of the officials in post. */
    double supportMean;
    double circleShare;
    double meanMorale;
    double[] circleByLevel = new double[0];
    double[] stances = new double[4];
    double[] morale = new double[10];
    double[] stress = new double[10];
    double[] competenceByRank = new double[0];
    long[] headByRank = new long[0];
    long[] postsByRank = new long[0];
    long[] headByLevel = new long[0];

    /** A pass's figures, {@code width} of them, zero until it first reports. */
    double[] figures(String pass, int width) {
        double[] f = figures.computeIfAbsent(pass, k -> new double[width]);
        if (f.length != width) {
            throw new IllegalArgumentException("pass " + pass + " reports " + f.length + " figures, not " + width);
        }
        return f;
    }

    /** The pass's figures for this step (counts). */
    void report(String pass, long... values) {
        double[] f = figures(pass, values.length);
        for (int k = 0; k < values.length; k++) {
            f[k] = values[k];
        }
    }

    /** The pass's figures for this step. */
    void report(String pass, double... values) {
        System.arraycopy(values, 0, figures(pass, values.length), 0, values.length);
    }

    /** Officials who left this step, all routes. */
    long exitsTotal() {
        double s = 0;
        for (double e : figures(Exits.DEPARTURES, Exits.ROUTES)) {
            s += e;
        }
        return (long) s;
    }
}
