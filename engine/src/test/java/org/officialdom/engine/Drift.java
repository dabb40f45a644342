package org.officialdom.engine;

import java.util.List;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.table.AgentTable;
import org.officialdom.engine.table.BoolColumn;
import org.officialdom.engine.table.DoubleColumn;
import org.officialdom.engine.table.IntColumn;

/**
 * A toy model that exercises everything determinism can break on: random draws in parallel,
 * floating-point sums, per-group tallies, and agents leaving and joining every step.
 */
final class Drift implements Model {

    private final int initial;
    private AgentTable table;
    private DoubleColumn wealth;
    private IntColumn group;
    private BoolColumn leaving;
    private double total;
    private double meanOfGroup3;
    private long left;

    Drift(int initial) {
        this.initial = initial;
    }

    @Override
    public void init(Simulation sim) {
        columns(initial);
        table.addMany(initial);
        for (int r = 0; r < initial; r++) {
            group.set(r, table.id(r) % 7);
        }
    }

    private void columns(int capacity) {
        table = new AgentTable(capacity);
        wealth = table.addDouble("wealth");
        group = table.addInt("group");
        leaving = table.addBool("leaving");
    }

    @Override
    public void save(CheckpointWriter out) throws java.io.IOException {
        table.save(out);
        out.putDouble("total", total);
        out.putDouble("group3_mean", meanOfGroup3);
        out.putLong("left", left);
    }

    @Override
    public void load(CheckpointReader in, Simulation sim) throws java.io.IOException {
        columns(0);
        table.load(in);
        total = in.getDouble("total");
        meanOfGroup3 = in.getDouble("group3_mean");
        left = in.getLong("left");
    }

    @Override
    public List<Pass> passes() {
        return List.of(
                Pass.of("move", sim -> {
                    RandomStream s = sim.streams().stream("move");
                    long step = sim.stepNumber();
                    double[] w = wealth.values();
                    boolean[] out = leaving.values();
                    sim.parallel().forEach(table.size(), c -> {
                        for (int i = c.from(); i < c.to(); i++) {
                            w[i] += s.normal(table.id(i), step, 0);
                            out[i] = w[i] < -3;
                        }
                    });
                }),
                Pass.of("leave-and-join", sim -> {
                    left = table.removeFlagged(leaving);
                    for (long k = 0; k < left; k++) {
                        int row = table.add();
                        group.set(row, table.id(row) % 7);
                    }
                }),
                Pass.of("measure", sim -> {
                    double[] w = wealth.values();
                    total = sim.parallel().sum(table.size(), c -> {
                        double s = 0;
                        for (int i = c.from(); i < c.to(); i++) {
                            s += w[i];
                        }
                        return s;
                    });
                    GroupTally tally = new GroupTally(7, 1, sim.parallel().threads());
                    int[] g = group.values();
                    sim.parallel().forEach(table.size(), c -> {
                        for (int i = c.from(); i < c.to(); i++) {
                            tally.count(c.worker(), g[i], w[i]);
                        }
                    });
                    meanOfGroup3 = tally.meanOf(3, 0);
                }));
    }

    @Override
    public MetricSet metrics() {
        return new MetricSet()
                .add("agents", "agents", "live agents", () -> table.size())
                .add("total_wealth", "units", "sum of wealth", () -> total)
                .add("group3_mean", "units", "mean wealth in group 3", () -> meanOfGroup3)
                .add("left", "agents per step", "agents that left", () -> left);
    }

    @Override
    public long agents() {
        return table.size();
    }

    @Override
    public long bytesPerAgent() {
        return table.bytesPerAgent();
    }

    @Override
    public List<String> summary(MetricTable t) {
        return List.of("drift");
    }
}
