package org.officialdom.model.classic;

import org.officialdom.engine.Footprint;
import java.util.Arrays;
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
 * Kuran, T. (1989). Sparks and prairie fires: a theory of unanticipated political revolution.
 * Public Choice 61(1), 41–74; Kuran, T. (1991). Now out of never: the element of surprise in the East
 * European revolution of 1989. World Politics 44(1), 7–48.
 *
 * <p>Each person i has a private preference x_i (how much they favour the opposition, 0–100) and a
 * public stance: support the regime or oppose it. Weighing the reputational payoff of the larger camp
 * against the expressive cost of a stance that differs from x_i gives each person a revolutionary
 * threshold T_i: oppose in public iff the public opposition share S reaches T_i. The dynamics are
 * Granovetter's map on public opposition,
 *
 * <pre>  S(t+1) = 100 · #{i : T_i ≤ S(t)} / n,   S(0) = 0,</pre>
 *
 * applied through {@link ThresholdCascade} (the same rule as {@link Granovetter} and the party-exit
 * cascade of the bureaucracy model). Because thresholds are private, the same public S is compatible
 * with very different distributions of T, and a small change of one threshold can turn "no
 * revolution" into a full cascade. The model reports the public opposition share, the private one
 * (the share with x_i above a cutoff) and their difference, the falsification gap.
 *
 * <p>A scenario's calendar may change thresholds or preferences during a run (a shock to one person
 * or to everyone); public stances carry over, so the cascade resumes from the current S. Under the
 * default mirror rule (x_i = 100 − T_i) a threshold shock moves private preferences too: in
 * {@code kuran-normal} lowering every threshold by four points also raises private opposition from
 * 59.5 % to 65.4 %, so the gap after the shock is not public stances alone. Explicit preferences
 * ({@code preferences: list}) stay put when the thresholds move.
 */
public final class Kuran implements Model {

    private KuranParameters parameters;
    private AgentTable people;
    private DoubleColumn threshold;
    private DoubleColumn preference;
    private BoolColumn opposing;
    private long publicOpponents;
    private long privateOpponents;
    private long hiddenOpponents;
    private long joined;
    private RandomStream draws;

    /** What a run builds: the people's table (threshold, preference, a flag, the id and its index). */
    public static Footprint footprint(KuranParameters p) {
        long n = p.people();
        return new Footprint(n, 0, 25 * n);
    }

    public Kuran(KuranParameters parameters) {
        this.parameters = parameters;
    }

    /** New thresholds or preferences from the calendar; public stances are kept. */
    public void setParameters(KuranParameters p) {
        if (people != null && p.people() != people.size()) {
            throw new IllegalArgumentException("the calendar cannot change the number of people ("
                    + people.size() + " to " + p.people() + ")");
        }
        this.parameters = p;
        if (people != null) {
            drawTraits(p, null);
            measure();
        }
    }

    private void columns(int capacity) {
        people = new AgentTable(capacity);
        threshold = people.addDouble("threshold");
        preference = people.addDouble("preference");
        opposing = people.addBool("opposing");
    }

    /** The state kept between steps: thresholds, preferences and public stances, and the counts of the last step. */
    @Override
    public void save(CheckpointWriter out) throws IOException {
        people.save(out);
        out.putLong("public_opponents", publicOpponents);
        out.putLong("private_opponents", privateOpponents);
        out.putLong("hidden_opponents", hiddenOpponents);
        out.putLong("joined", joined);
    }

    @Override
    public void load(CheckpointReader in, Simulation sim) throws IOException {
        columns(0);
        people.load(in);
        publicOpponents = in.getLong("public_opponents");
        privateOpponents = in.getLong("private_opponents");
        hiddenOpponents = in.getLong("hidden_opponents");
        joined = in.getLong("joined");
        draws = sim.streams().stream("thresholds");
    }

    @Override
    public void init(Simulation sim) {
        int n = parameters.people();
        columns(n);
        people.addMany(n);
        drawTraits(parameters, sim);
        measure();
    }

    private void drawTraits(KuranParameters p, Simulation sim) {
        if (sim != null) {
            draws = sim.streams().stream("thresholds");
        }
        double[] th = threshold.values();
        double[] pref = preference.values();
        for (int i = 0; i < people.size(); i++) {
            int id = people.id(i);
            th[i] = switch (p.distribution()) {
                case LIST -> p.thresholds().get(id);
                case NORMAL -> Math.max(0, Math.min(100, p.mean() + p.sd() * draws.normal(id, 0, 0)));
                case UNIFORM -> p.low() + (p.high() - p.low()) * draws.uniform(id, 0);
            };
            pref[i] = p.preferences() == KuranParameters.Preferences.MIRROR ? 100 - th[i] : p.preferenceList().get(id);
        }
    }

    private void measure() {
        double[] pref = preference.values();
        boolean[] pub = opposing.values();
        long pubN = 0;
        long privN = 0;
        long hidden = 0;
        for (int i = 0; i < people.size(); i++) {
            boolean priv = pref[i] > parameters.oppositionCutoff();
            pubN += pub[i] ? 1 : 0;
            privN += priv ? 1 : 0;
            hidden += priv && !pub[i] ? 1 : 0;
        }
        publicOpponents = pubN;
        privateOpponents = privN;
        hiddenOpponents = hidden;
    }

    @Override
    public List<Pass> passes() {
        return List.of(Pass.of("declare", sim -> {
            double observed = publicShare();
            joined = sim.parallel().count(people.size(),
                    c -> ThresholdCascade.apply(c, threshold.values(), opposing.values(), observed));
            measure();
        }));
    }

    /** The public opposition share S, in percent. */
    public double publicShare() {
        return 100.0 * publicOpponents / people.size();
    }

    /** The private opposition share, in percent. */
    public double privateShare() {
        return 100.0 * privateOpponents / people.size();
    }

    @Override
    public MetricSet metrics() {
        return new MetricSet()
                .add("public_opposition", "percent", "Share of people opposing the regime in public (S)", this::publicShare)
                .add("private_opposition", "percent", "Share of people whose private preference favours the opposition",
                        this::privateShare)
                .add("falsification_gap", "percentage points",
                        "Private minus public opposition share: positive while opponents hide, negative when supporters join the crowd",
                        () -> privateShare() - publicShare())
                .add("hidden_opponents", "percent", "Share of people privately opposed yet publicly supporting the regime",
                        () -> 100.0 * hiddenOpponents / people.size())
                .add("newly_opposed", "people per step", "People who turned to public opposition this step", () -> joined)
                .page("Opposition: public and private", ChartStyle.LINES, "public_opposition", "private_opposition")
                .page("Falsification gap", ChartStyle.LINES, "falsification_gap")
                .page("Newly opposed", ChartStyle.LINES, "newly_opposed");
    }

    @Override
    public long agents() {
        return people.size();
    }

    @Override
    public long bytesPerAgent() {
        return people.bytesPerAgent();
    }

    /** Thresholds by row (for tests). */
    public double[] thresholds() {
        return Arrays.copyOf(threshold.values(), people.size());
    }

    @Override
    public List<String> summary(MetricTable t) {
        double[] s = t.column("public_opposition");
        double[] gap = t.column("falsification_gap");
        int last = s.length - 1;
        int settled = last;
        while (settled > 0 && s[settled - 1] == s[last]) {
            settled--;
        }
        return List.of(
                String.format(Locale.ROOT, "Kuran preference falsification: %d people, thresholds %s", people.size(),
                        parameters.distribution().name().toLowerCase()),
                String.format(Locale.ROOT, "Public opposition %.1f%% -> %.1f%% (settled at step %d of %d); private opposition %.1f%%",
                        s[0], s[last], settled, last, privateShare()),
                String.format(Locale.ROOT, "Falsification gap (private - public): %+.1f points at the start, %+.1f at the end",
                        gap[0], gap[last]));
    }
}
