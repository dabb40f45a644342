package org.officialdom.model.classic;

import org.officialdom.engine.Footprint;
import java.util.List;
import java.io.IOException;
import org.officialdom.engine.CheckpointReader;
import org.officialdom.engine.CheckpointWriter;
import java.util.Locale;
import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Model;
import org.officialdom.engine.Pass;
import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.table.AgentTable;
import org.officialdom.engine.table.BoolColumn;
import org.officialdom.engine.table.DoubleColumn;
import org.officialdom.model.mechanism.ThresholdCascade;

/**
 * Granovetter, M. (1978). Threshold models of collective behavior. American Journal of Sociology
 * 83(6), 1420–1443.
 *
 * <p>N actors on a complete network, each with a threshold θ_i. Each step every actor observes how
 * many acted in the previous step, x(t), and acts iff θ_i ≤ x(t) (see {@link ThresholdCascade}).
 * Starting from x(0) = 0 the count climbs to the first fixed point of the threshold distribution.
 *
 * <p>With {@code map: true} the model also runs {@link GranovetterMap} beside the sampled crowd, the
 * same rule on the threshold distribution itself (r(t+1) = N · F(r(t))), and reports its path and
 * equilibrium: what the paper computes, against what one crowd drawn from that distribution does.
 */
public final class Granovetter implements Model {

    private GranovetterParameters parameters;
    private AgentTable actors;
    private DoubleColumn threshold;
    private BoolColumn active;
    private long acting;
    private long joined;
    private GranovetterMap map;
    private double mapActing;
    private double mapEquilibrium;

    /** What a run builds: the actors' table (a threshold, a flag, the id and its index). */
    public static Footprint footprint(GranovetterParameters p) {
        long n = p.actors();
        return new Footprint(n, 0, 17 * n);
    }

    public Granovetter(GranovetterParameters parameters) {
        this.parameters = parameters;
    }

    /** Thresholds are drawn at the start; a calendar change of them applies to a fresh run only. */
    public void setParameters(GranovetterParameters p) {
        this.parameters = p;
    }

    private void columns(int capacity) {
        actors = new AgentTable(capacity);
        threshold = actors.addDouble("threshold");
        active = actors.addBool("active");
    }

    /**
     * The state kept between steps: the actors' thresholds and stances, the counts of the last step
     * and, with the map, the map's value and equilibrium and the parameters it was drawn from at the
     * start (thresholds are not a lever: a calendar entry must not change a resumed run's map).
     */
    @Override
    public void save(CheckpointWriter out) throws IOException {
        actors.save(out);
        out.putLong("acting", acting);
        out.putLong("joined", joined);
        out.putBoolean("map", map != null);
        if (map != null) {
            GranovetterParameters p = map.parameters();
            out.putInt("map_population", p.population());
            out.putString("map_distribution", p.distribution().name());
            out.putString("map_unit", p.unit().name());
            out.putDouble("map_mean", p.mean());
            out.putDouble("map_sd", p.sd());
            out.putDouble("map_low", p.low());
            out.putDouble("map_high", p.high());
            out.putDoubles("map_thresholds", p.thresholds().stream().mapToDouble(Double::doubleValue).toArray());
            out.putInt("map_instigators", p.instigators());
            out.putDouble("map_acting", mapActing);
            out.putDouble("map_equilibrium", mapEquilibrium);
        }
    }

    @Override
    public void load(CheckpointReader in, Simulation sim) throws IOException {
        columns(0);
        actors.load(in);
        acting = in.getLong("acting");
        joined = in.getLong("joined");
        map = null;
        if (in.getBoolean("map")) {
            int population = in.getInt("map_population", 1, Integer.MAX_VALUE);
            GranovetterParameters.Distribution distribution = named(in, "map_distribution", GranovetterParameters.Distribution.class);
            GranovetterParameters.Unit unit = named(in, "map_unit", GranovetterParameters.Unit.class);
            double mean = in.getDouble("map_mean");
            double sd = in.getDouble("map_sd");
            double low = in.getDouble("map_low");
            double high = in.getDouble("map_high");
            List<Double> thresholds = java.util.Arrays.stream(in.getDoubles("map_thresholds")).boxed().toList();
            int instigators = in.getInt("map_instigators", 0, Integer.MAX_VALUE);
            map = new GranovetterMap(new GranovetterParameters(population, distribution, unit, mean, sd, low, high, thresholds,
                    instigators, true));
            mapActing = in.getDouble("map_acting");
            mapEquilibrium = in.getDouble("map_equilibrium");
        }
    }

    /** The constant of {@code type} a string field names. */
    static <E extends Enum<E>> E named(CheckpointReader in, String field, Class<E> type) throws IOException {
        String name = in.getString(field);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw in.refused(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()), "'" + name + "'");
    }

    @Override
    public void init(Simulation sim) {
        int n = parameters.actors();
        columns(n);
        actors.addMany(n);
        RandomStream draw = sim.streams().stream("thresholds");
        double cap = parameters.unit() == GranovetterParameters.Unit.COUNT ? n : 1.0;
        double[] th = threshold.values();
        sim.parallel().forEach(n, c -> {
            for (int i = c.from(); i < c.to(); i++) {
                int id = actors.id(i);
                th[i] = id < parameters.instigators() ? 0.0 : switch (parameters.distribution()) {
                    case SEQUENCE -> id;
                    case LIST -> parameters.thresholds().get(id);
                    case NORMAL -> clip(parameters.mean() + parameters.sd() * draw.normal(id, 0, 0), cap);
                    case UNIFORM -> parameters.low() + (parameters.high() - parameters.low()) * draw.uniform(id, 0);
                    case DISCRETE_UNIFORM -> wholeNumber(parameters, draw.uniform(id, 0));
                };
            }
        });
        if (parameters.map()) {
            map = new GranovetterMap(parameters);
            mapActing = 0;
            mapEquilibrium = map.equilibrium();
        }
    }

    /** A whole number from low to high, each equally likely, from a uniform draw u in [0, 1). */
    static double wholeNumber(GranovetterParameters p, double u) {
        int a = p.discreteLow();
        int m = p.discreteHigh() - a + 1;
        return a + Math.min(m - 1, (int) Math.floor(u * m));
    }

    private static double clip(double v, double cap) {
        return Math.max(0.0, Math.min(cap, v));
    }

    @Override
    public List<Pass> passes() {
        return List.of(
                Pass.of("observe", sim -> acting = sim.parallel().count(actors.size(),
                        c -> ThresholdCascade.countActive(c, active.values()))),
                Pass.of("decide", sim -> {
                    double level = parameters.unit() == GranovetterParameters.Unit.COUNT
                            ? acting : (double) acting / actors.size();
                    joined = sim.parallel().count(actors.size(),
                            c -> ThresholdCascade.apply(c, threshold.values(), active.values(), level));
                    acting = sim.parallel().count(actors.size(),
                            c -> ThresholdCascade.countActive(c, active.values()));
                    if (map != null) {
                        mapActing = map.next(mapActing);
                    }
                }));
    }

    @Override
    public MetricSet metrics() {
        MetricSet s = new MetricSet()
                .add("acting", "actors", "Actors acting (rioting, quitting) at the end of the step", () -> acting)
                .add("acting_share", "share", "Share of all actors acting", () -> (double) acting / actors.size())
                .add("newly_acting", "actors per step", "Actors who started acting this step", () -> joined);
        if (!parameters.map()) {
            return s.page("Actors acting", ChartStyle.LINES, "acting")
                    .page("New actors per step", ChartStyle.LINES, "newly_acting");
        }
        return s.add("map_acting", "actors",
                        "Granovetter's map on the threshold distribution itself, r(t+1) = N F(r(t)) from r(0) = 0: the number acting it gives at this step",
                        () -> mapActing)
                .add("map_equilibrium", "actors",
                        "The map's equilibrium: its first fixed point from 0 (the same every step)", () -> mapEquilibrium)
                .page("Actors acting", ChartStyle.LINES, "acting", "map_acting")
                .page("New actors per step", ChartStyle.LINES, "newly_acting");
    }

    @Override
    public long agents() {
        return actors.size();
    }

    @Override
    public long bytesPerAgent() {
        return actors.bytesPerAgent();
    }

    /** Thresholds by row (for tests). */
    public double[] thresholds() {
        return java.util.Arrays.copyOf(threshold.values(), actors.size());
    }

    @Override
    public List<String> summary(MetricTable t) {
        double[] counts = t.column("acting");
        double[] fresh = t.column("newly_acting");
        long n = actors.size();
        int settled = counts.length - 1;
        while (settled > 0 && counts[settled - 1] == counts[counts.length - 1]) {
            settled--;
        }
        int peak = 0;
        for (int i = 1; i < fresh.length; i++) {
            if (fresh[i] > fresh[peak]) {
                peak = i;
            }
        }
        long last = (long) counts[counts.length - 1];
        List<String> lines = new java.util.ArrayList<>(List.of(
                String.format(Locale.ROOT, "Granovetter threshold model: %d actors, thresholds %s (%s)", n,
                        parameters.distribution().name().toLowerCase(), parameters.unit().name().toLowerCase()),
                String.format(Locale.ROOT, "Equilibrium: %d of %d acting (%.1f%%), reached at step %d of %d", last, n,
                        100.0 * last / n, settled, counts.length - 1),
                String.format(Locale.ROOT, "Largest wave: %d new actors at step %d", (long) fresh[peak], t.step(peak))));
        if (map != null) {
            lines.add(String.format(Locale.ROOT, "The map on the distribution itself, r(t+1) = N F(r(t)): equilibrium %.1f of %d (%.1f%%)",
                    mapEquilibrium, n, 100.0 * mapEquilibrium / n));
        }
        return lines;
    }
}
