package org.officialdom.model.bureaucracy;

import java.util.HashMap;
import java.util.Map;

/**
 * What happened in the last step, kept for the metric probes (part of the checkpointed state): each
 * pass's own figures, under the pass's name and indexed by the mechanism's constants
 * ({@code figures("circle")[Circle.Kernel.JOINED]}), and the census's measures of the officials in
 * post. A mechanism reports its figures here and declares the metrics that read them in its own
 * class, so that a new mechanism adds no field here.
 */
final class Counts {

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

    /** Writes every figure and measure to a checkpoint (the passes' figures by name, in name order). */
    void save(org.officialdom.engine.CheckpointWriter out) throws java.io.IOException {
        java.util.List<String> names = new java.util.TreeSet<>(figures.keySet()).stream().toList();
        out.putStrings("figures", names);
        for (String name : names) {
            out.putDoubles(name, figures.get(name));
        }
        out.putDouble("output", output);
        out.putLong("headcount", headcount);
        out.putLong("falsifiers", falsifiers);
        out.putLong("members", members);
        out.putLong("public_quitters", publicQuitters);
        out.putDouble("support_mean", supportMean);
        out.putDouble("circle_share", circleShare);
        out.putDouble("mean_morale", meanMorale);
        out.putDoubles("circle_by_level", circleByLevel);
        out.putDoubles("stances", stances);
        out.putDoubles("morale", morale);
        out.putDoubles("stress", stress);
        out.putDoubles("competence_by_rank", competenceByRank);
        out.putLongs("head_by_rank", headByRank);
        out.putLongs("posts_by_rank", postsByRank);
        out.putLongs("head_by_level", headByLevel);
    }

    /** Reads what {@link #save} wrote into these counts. */
    void load(org.officialdom.engine.CheckpointReader in) throws java.io.IOException {
        figures.clear();
        for (String name : in.getStrings("figures")) {
            figures.put(name, in.getDoubles(name));
        }
        output = in.getDouble("output");
        headcount = in.getLong("headcount");
        falsifiers = in.getLong("falsifiers");
        members = in.getLong("members");
        publicQuitters = in.getLong("public_quitters");
        supportMean = in.getDouble("support_mean");
        circleShare = in.getDouble("circle_share");
        meanMorale = in.getDouble("mean_morale");
        circleByLevel = in.getDoubles("circle_by_level");
        stances = in.getDoubles("stances", stances.length, 0);
        morale = in.getDoubles("morale", morale.length, 0);
        stress = in.getDoubles("stress", stress.length, 0);
        competenceByRank = in.getDoubles("competence_by_rank");
        headByRank = in.getLongs("head_by_rank");
        postsByRank = in.getLongs("posts_by_rank");
        headByLevel = in.getLongs("head_by_level");
    }
}
