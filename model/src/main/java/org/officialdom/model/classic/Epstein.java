package org.officialdom.model.classic;

import org.officialdom.engine.Footprint;
import java.util.List;
import java.io.IOException;
import org.officialdom.engine.CheckpointReader;
import org.officialdom.engine.CheckpointWriter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Model;
import org.officialdom.engine.Pass;
import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.space.TorusGrid;
import org.officialdom.engine.table.AgentTable;
import org.officialdom.engine.table.BoolColumn;
import org.officialdom.engine.table.ByteColumn;
import org.officialdom.engine.table.DoubleColumn;
import org.officialdom.engine.table.IntColumn;
import org.officialdom.model.classic.EpsteinParameters.Jailed;
import org.officialdom.model.classic.EpsteinParameters.Order;

/**
 * Epstein, J. M. (2002). Modeling civil violence: an agent-based computational approach. PNAS 99
 * (suppl. 3), 7243–7250. Model I: rebellion against a central authority.
 *
 * <p>Citizens and cops on a torus, at most one per cell. A citizen has hardship H ~ U(0, 1) and
 * risk aversion R ~ U(0, 1), fixed for life, and is active (rebelling) or quiet; it decides by
 * {@link ArrestRisk}: active iff H(1 − L) − R·(1 − exp(−k (C/A)_v)) > T. A cop arrests one random
 * active citizen within its vision; the arrested citizen is jailed for a term drawn from
 * U(0, J_max) and comes back with the same H and R. Each period every free agent is activated once,
 * in a random order (drawn from the {@code activation} stream): it moves to a random empty site
 * within its vision, then acts.
 *
 * <p>The activation is asynchronous (each agent sees the moves and arrests of those before it), so
 * the activation pass is sequential by nature; the census is a parallel count. Every random draw
 * comes from a named stream keyed by (agent id, step), so a run's bits do not depend on the number
 * of threads. Agents never leave the table (jailed citizens stay in it), so an agent's id is its row.
 *
 * <p>Switches in {@link EpsteinParameters} select the departures of NetLogo's Rebellion and Mesa's
 * example; the defaults are the paper's rules.
 */
public final class Epstein implements Model {

    static final byte CITIZEN = 0;
    static final byte COP = 1;
    /** A cop taken off duty by a cut in cop density: off the lattice, never activated. */
    static final byte RETIRED = 2;

    private EpsteinParameters parameters;
    private AgentTable agents;
    private ByteColumn kind;
    private DoubleColumn hardship;
    private DoubleColumn riskAversion;
    private BoolColumn active;
    private BoolColumn jailed;
    private DoubleColumn jailLeft;
    private IntColumn cell;
    private TorusGrid grid;
    private int[] citizenSight;
    private int[] copSight;
    private int[] order;
    private int[] candidates;

    private RandomStream activationStream;
    private RandomStream movementStream;
    private RandomStream arrestStream;
    private RandomStream termStream;
    private RandomStream releaseStream;

    private long actives;
    private long jailedCount;
    private long quiet;
    private long tension;
    private long arrests;
    private long rebels;
    private long outbursts;
    private boolean inOutburst;
    private long lastStep;
    private int copsOnDuty;
    private RandomStream dutyStream;

    public Epstein(EpsteinParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * New parameters from the calendar: legitimacy, jail terms, switches, and the cop density (Run 5
     * cuts the police force; the cops with the highest ids go off duty, and a rise brings cops back
     * or hires new ones onto random empty cells). The torus and the citizens cannot change.
     */
    public void setParameters(EpsteinParameters p) {
        EpsteinParameters q = parameters;
        if (agents != null && (p.width() != q.width() || p.height() != q.height() || p.citizens() != q.citizens())) {
            throw new IllegalArgumentException("the calendar cannot change the torus or the number of citizens");
        }
        this.parameters = p;
        if (agents != null) {
            buildSight();
            staffPolice(p.cops());
        }
    }

    private void staffPolice(int wanted) {
        byte[] k = kind.values();
        for (int row = agents.size() - 1; row >= 0 && copsOnDuty > wanted; row--) {
            if (k[row] == COP) {
                k[row] = RETIRED;
                grid.clear(cell.get(row));
                cell.set(row, -1);
                copsOnDuty--;
            }
        }
        for (int row = 0; row < agents.size() && copsOnDuty < wanted; row++) {
            if (k[row] == RETIRED && onDuty(row)) {
                copsOnDuty++;
            }
        }
        while (copsOnDuty < wanted) {
            int row = agents.add();
            kind.set(row, RETIRED);
            order = java.util.Arrays.copyOf(order, agents.size());
            if (!onDuty(row)) {
                break; // the torus is full
            }
            copsOnDuty++;
        }
    }

    /** Puts an off-duty cop on a random empty cell; false when there is none. */
    private boolean onDuty(int row) {
        int site = emptySite(dutyStream, row, lastStep + 1);
        if (site < 0) {
            return false;
        }
        kind.set(row, COP);
        cell.set(row, site);
        grid.put(site, agents.id(row));
        return true;
    }

    /**
     * What a run builds: citizens and cops in a table (31 bytes of columns, 8 of ids, 4 of the
     * activation order; 48 with what else a run holds: measured 40 MB for 740,000 agents on 1,000 x 1,000),
     * and the torus with its shuffle of sites (4 + 4 bytes a cell).
     */
    public static Footprint footprint(EpsteinParameters p) {
        long cells = (long) p.width() * p.height();
        long agents = Math.round(p.citizenDensity() * cells) + Math.round(p.copDensity() * cells);
        return new Footprint(agents, cells, 48 * agents + 8 * cells);
    }

    public EpsteinParameters parameters() {
        return parameters;
    }

    private void columns(int capacity) {
        agents = new AgentTable(capacity);
        kind = agents.addByte("kind");
        hardship = agents.addDouble("hardship");
        riskAversion = agents.addDouble("risk_aversion");
        active = agents.addBool("active");
        jailed = agents.addBool("jailed");
        jailLeft = agents.addDouble("jail_left");
        cell = agents.addInt("cell");
    }

    private void streams(Simulation sim) {
        activationStream = sim.streams().stream("activation");
        movementStream = sim.streams().stream("movement");
        arrestStream = sim.streams().stream("arrest");
        termStream = sim.streams().stream("jail-term");
        releaseStream = sim.streams().stream("release");
        dutyStream = sim.streams().stream("police-staffing");
    }

    /**
     * The state kept between steps: the agents' table, the lattice, the counts of the last step, the
     * outburst under way, the last step and the cops on duty. The sight offsets come from the
     * parameters and the activation order is drawn afresh every step.
     */
    @Override
    public void save(CheckpointWriter out) throws IOException {
        agents.save(out);
        grid.save(out);
        out.putLong("actives", actives);
        out.putLong("jailed_count", jailedCount);
        out.putLong("quiet", quiet);
        out.putLong("tension", tension);
        out.putLong("arrests", arrests);
        out.putLong("rebels", rebels);
        out.putLong("outbursts", outbursts);
        out.putBoolean("in_outburst", inOutburst);
        out.putLong("last_step", lastStep);
        out.putInt("cops_on_duty", copsOnDuty);
    }

    @Override
    public void load(CheckpointReader in, Simulation sim) throws IOException {
        columns(0);
        agents.load(in);
        grid = TorusGrid.load(in, parameters.width(), parameters.height());
        actives = in.getLong("actives");
        jailedCount = in.getLong("jailed_count");
        quiet = in.getLong("quiet");
        tension = in.getLong("tension");
        arrests = in.getLong("arrests");
        rebels = in.getLong("rebels");
        outbursts = in.getLong("outbursts");
        inOutburst = in.getBoolean("in_outburst");
        lastStep = in.getLong("last_step");
        copsOnDuty = in.getInt("cops_on_duty", 0, agents.size());
        streams(sim);
        order = new int[agents.size()];
        buildSight();
    }

    @Override
    public void init(Simulation sim) {
        EpsteinParameters p = parameters;
        grid = new TorusGrid(p.width(), p.height());
        int citizens = p.citizens();
        int cops = p.cops();
        int n = citizens + cops;
        columns(n);
        agents.addMany(n);

        streams(sim);
        copsOnDuty = cops;

        // random distinct cells: a shuffle of all cells, citizens first, then cops
        int cells = p.width() * p.height();
        int[] sites = new int[cells];
        for (int c = 0; c < cells; c++) {
            sites[c] = c;
        }
        shuffle(sites, cells, sim.streams().stream("placement").sequential(0, 0));
        RandomStream h = sim.streams().stream("hardship");
        RandomStream r = sim.streams().stream("risk-aversion");
        for (int row = 0; row < n; row++) {
            int id = agents.id(row);
            kind.set(row, row < citizens ? CITIZEN : COP);
            if (row < citizens) {
                hardship.set(row, h.uniform(id, 0));
                riskAversion.set(row, r.uniform(id, 0));
            }
            cell.set(row, sites[row]);
            grid.put(sites[row], id);
        }
        order = new int[n];
        buildSight();
        census(sim);
    }

    private void buildSight() {
        citizenSight = sight(parameters.citizenVision(), parameters.vision());
        copSight = sight(parameters.copVision(), parameters.vision());
        candidates = new int[Math.max(citizenSight.length, copSight.length) / 2 + 1];
    }

    /**
     * The (dx, dy) offsets within vision, taken from the engine's own neighbourhood on a scratch torus
     * just large enough that nothing wraps; the parameters ensure the real torus is at least that big.
     */
    static int[] sight(double radius, EpsteinParameters.Vision shape) {
        TorusGrid.Neighbourhood n = neighbourhood(shape);
        int r = TorusGrid.reach(radius, n);
        TorusGrid scratch = new TorusGrid(2 * r + 1, 2 * r + 1);
        int[] cells = scratch.neighbourhood(scratch.cell(r, r), radius, n);
        int[] out = new int[2 * cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[2 * i] = scratch.x(cells[i]) - r;
            out[2 * i + 1] = scratch.y(cells[i]) - r;
        }
        return out;
    }

    /** The largest row or column offset within vision: the torus must be at least 2 reach + 1 wide. */
    static int reach(double radius, EpsteinParameters.Vision shape) {
        return TorusGrid.reach(radius, neighbourhood(shape));
    }

    static TorusGrid.Neighbourhood neighbourhood(EpsteinParameters.Vision shape) {
        return switch (shape) {
            case EUCLIDEAN -> TorusGrid.Neighbourhood.EUCLIDEAN;
            case EUCLIDEAN_ANY_PART -> TorusGrid.Neighbourhood.EUCLIDEAN_ANY_PART;
            case VON_NEUMANN -> TorusGrid.Neighbourhood.VON_NEUMANN;
            case MOORE -> TorusGrid.Neighbourhood.MOORE;
        };
    }

    private static void shuffle(int[] a, int n, SplittableRandom rng) {
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public List<Pass> passes() {
        return List.of(
                Pass.of("release", this::release),
                Pass.of("activate", this::activate),
                Pass.of("census", this::census));
    }

    /** Jail: a citizen whose term has run out goes back to the lattice; the others serve one more period. */
    private void release(Simulation sim) {
        long step = sim.stepNumber();
        boolean[] in = jailed.values();
        double[] left = jailLeft.values();
        for (int row = 0; row < agents.size(); row++) {
            if (!in[row]) {
                continue;
            }
            if (left[row] > 0) {
                left[row] -= 1;
                continue;
            }
            int site = switch (parameters.jailed()) {
                case BLOCKING -> cell.get(row);
                case ON_SITE_EMPTY -> grid.isEmpty(cell.get(row)) ? cell.get(row) : emptySite(releaseStream, row, step);
                case OFF_LATTICE -> emptySite(releaseStream, row, step);
            };
            if (site < 0) {
                continue; // no empty cell anywhere: wait in jail another period
            }
            in[row] = false;
            cell.set(row, site);
            grid.put(site, agents.id(row));
        }
    }

    /** A uniformly random empty cell (rejection sampling, then a scan), or -1 when the torus is full. */
    private int emptySite(RandomStream stream, int row, long step) {
        int cells = grid.width() * grid.height();
        int id = agents.id(row);
        int c = 0;
        for (int d = 0; d < 64; d++) {
            c = stream.nextInt(cells, id, step, d);
            if (grid.isEmpty(c)) {
                return c;
            }
        }
        for (int k = 0; k < cells; k++) {
            int s = (c + k) % cells;
            if (grid.isEmpty(s)) {
                return s;
            }
        }
        return -1;
    }

    /** One period: every free agent once, in a random order, moving and acting. */
    private void activate(Simulation sim) {
        long step = sim.stepNumber();
        int n = agents.size();
        arrests = 0;
        rebels = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, n, activationStream.sequential(0, step));
        byte[] k = kind.values();
        boolean[] in = jailed.values();
        boolean moveFirst = parameters.order() == Order.MOVE_THEN_ACT;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            if (in[row] || k[row] == RETIRED) {
                continue;
            }
            boolean cop = k[row] == COP;
            int[] sight = cop ? copSight : citizenSight;
            if (moveFirst) {
                move(row, sight, step);
            }
            if (cop) {
                arrest(row, step);
            } else {
                decide(row);
            }
            if (!moveFirst) {
                move(row, sight, step);
            }
        }
    }

    private void move(int row, int[] sight, long step) {
        if (!parameters.movement()) {
            return;
        }
        int here = cell.get(row);
        int x = grid.x(here);
        int y = grid.y(here);
        int n = 0;
        for (int i = 0; i < sight.length; i += 2) {
            int c = grid.cell(x + sight[i], y + sight[i + 1]);
            if (grid.isEmpty(c)) {
                candidates[n++] = c;
            }
        }
        if (n == 0) {
            return;
        }
        int to = candidates[movementStream.nextInt(n, agents.id(row), step, 0)];
        grid.clear(here);
        grid.put(to, agents.id(row));
        cell.set(row, to);
    }

    private void decide(int row) {
        int here = cell.get(row);
        int x = grid.x(here);
        int y = grid.y(here);
        byte[] k = kind.values();
        boolean[] act = active.values();
        int cops = 0;
        int activeNeighbours = 0;
        for (int i = 0; i < citizenSight.length; i += 2) {
            int a = grid.get(grid.cell(x + citizenSight[i], y + citizenSight[i + 1]));
            if (a == TorusGrid.EMPTY) {
                continue;
            }
            if (k[a] == COP) {
                cops++;
            } else if (act[a]) {
                activeNeighbours++;
            }
        }
        int actives = 1 + activeNeighbours
                + (parameters.selfCount() == EpsteinParameters.SelfCount.TWICE_IF_ACTIVE && act[row] ? 1 : 0);
        double p = ArrestRisk.probability(parameters.arrestConstant(), ArrestRisk.ratio(cops, actives, parameters.ratio()));
        double g = ArrestRisk.grievance(hardship.get(row), parameters.legitimacy());
        act[row] = ArrestRisk.active(g, riskAversion.get(row), p, parameters.threshold());
        rebels += act[row] ? 1 : 0;
    }

    private void arrest(int row, long step) {
        int here = cell.get(row);
        int x = grid.x(here);
        int y = grid.y(here);
        byte[] k = kind.values();
        boolean[] act = active.values();
        boolean[] in = jailed.values();
        int n = 0;
        for (int i = 0; i < copSight.length; i += 2) {
            int a = grid.get(grid.cell(x + copSight[i], y + copSight[i + 1]));
            if (a != TorusGrid.EMPTY && k[a] == CITIZEN && act[a] && !in[a]) {
                candidates[n++] = a;
            }
        }
        if (n == 0) {
            return;
        }
        int suspect = candidates[arrestStream.nextInt(n, agents.id(row), step, 0)];
        act[suspect] = false;
        in[suspect] = true;
        jailLeft.set(suspect, term(suspect, step));
        arrests++;
        if (parameters.jailed() != Jailed.BLOCKING) {
            grid.clear(cell.get(suspect));
        }
        if (parameters.jailed() == Jailed.OFF_LATTICE) {
            cell.set(suspect, -1);
        }
    }

    /** The jail term: periods to serve after the one of the arrest. */
    private double term(int row, long step) {
        if (parameters.jailForLife()) {
            return Double.POSITIVE_INFINITY;
        }
        return jailTerm(termStream.uniform(agents.id(row), step), parameters.maxJailTerm(), parameters.jailTerm());
    }

    /** A jail term from a uniform draw {@code u} in [0, 1), by the switch's rule. */
    static double jailTerm(double u, double maxTerm, EpsteinParameters.JailTerm rule) {
        return switch (rule) {
            case UNIFORM -> u * maxTerm;                                   // U(0, J_max)
            case BELOW_MAX -> Math.floor(u * Math.floor(maxTerm));          // 0 .. J_max - 1
            case UP_TO_MAX -> Math.floor(u * (Math.floor(maxTerm) + 1));    // 0 .. J_max
        };
    }

    /** Counts actives, jailed, quiet and tension (quiet citizens whose grievance alone exceeds T). */
    private void census(Simulation sim) {
        lastStep = sim.stepNumber();
        int n = agents.size();
        byte[] k = kind.values();
        boolean[] act = active.values();
        boolean[] in = jailed.values();
        double[] h = hardship.values();
        double l = parameters.legitimacy();
        double t = parameters.threshold();
        actives = sim.parallel().count(n, c -> {
            long a = 0;
            for (int row = c.from(); row < c.to(); row++) {
                a += k[row] == CITIZEN && !in[row] && act[row] ? 1 : 0;
            }
            return a;
        });
        jailedCount = sim.parallel().count(n, c -> {
            long a = 0;
            for (int row = c.from(); row < c.to(); row++) {
                a += k[row] == CITIZEN && in[row] ? 1 : 0;
            }
            return a;
        });
        tension = sim.parallel().count(n, c -> {
            long a = 0;
            for (int row = c.from(); row < c.to(); row++) {
                a += k[row] == CITIZEN && !in[row] && !act[row] && ArrestRisk.grievance(h[row], l) > t ? 1 : 0;
            }
            return a;
        });
        quiet = parameters.citizens() - actives - jailedCount;
        if (actives > parameters.outburstLevel() && !inOutburst) {
            outbursts++;
            inOutburst = true;
        } else if (actives <= parameters.outburstLevel()) {
            inOutburst = false;
        }
    }

    @Override
    public MetricSet metrics() {
        return new MetricSet()
                .add("active", "citizens", "Citizens actively rebelling (free and active)", () -> actives)
                .add("jailed", "citizens", "Citizens in jail", () -> jailedCount)
                .add("quiet", "citizens", "Free citizens who are not active", () -> quiet)
                .add("tension", "citizens",
                        "Quiet citizens whose grievance exceeds the threshold (G > T): held back only by the risk of arrest",
                        () -> tension)
                .add("rebels", "citizens",
                        "Citizens who chose to be active when activated this period, including those arrested later in it",
                        () -> rebels)
                .add("arrests", "arrests per step", "Arrests made this period", () -> arrests)
                .add("outbursts", "outbursts", "Outbursts so far (periods with more actives than the outburst level, counted once per episode)",
                        () -> outbursts)
                .add("cops", "cops", "Cops on duty", () -> copsOnDuty)
                .add("legitimacy", "share", "Legitimacy L in force", () -> parameters.legitimacy())
                .page("Citizens: active, jailed, quiet", ChartStyle.STACKED, "active", "jailed", "quiet")
                .page("Active and held back by fear", ChartStyle.LINES, "active", "tension")
                .page("Arrests", ChartStyle.LINES, "arrests")
                .page("Legitimacy in force", ChartStyle.LINES, "legitimacy");
    }

    @Override
    public long agents() {
        return agents.size();
    }

    @Override
    public long bytesPerAgent() {
        return agents.bytesPerAgent() + 4L * grid.width() * grid.height() / Math.max(1, agents.size());
    }

    /** Number of citizens whose cell holds them, plus cops: for invariant tests. */
    int onLattice() {
        int cells = grid.width() * grid.height();
        int n = 0;
        for (int c = 0; c < cells; c++) {
            if (!grid.isEmpty(c)) {
                n++;
            }
        }
        return n;
    }

    /** Active citizens within the vision of at least one cop (for tests of deceptive behaviour). */
    int activesInCopSight() {
        boolean[] seen = new boolean[agents.size()];
        int n = 0;
        for (int row = 0; row < agents.size(); row++) {
            if (kind.get(row) != COP) {
                continue;
            }
            int here = cell.get(row);
            for (int i = 0; i < copSight.length; i += 2) {
                int a = grid.get(grid.cell(grid.x(here) + copSight[i], grid.y(here) + copSight[i + 1]));
                if (a != TorusGrid.EMPTY && kind.get(a) == CITIZEN && active.get(a) && !jailed.get(a) && !seen[a]) {
                    seen[a] = true;
                    n++;
                }
            }
        }
        return n;
    }

    /** Whether every free agent sits in the cell the grid says it does. */
    boolean consistent() {
        for (int row = 0; row < agents.size(); row++) {
            boolean onGrid = kind.get(row) != RETIRED && (!jailed.get(row) || parameters.jailed() == Jailed.BLOCKING);
            if (onGrid && grid.get(cell.get(row)) != agents.id(row)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> summary(MetricTable t) {
        double[] act = t.column("active");
        double[] jail = t.column("jailed");
        Outbursts o = Outbursts.of(act, parameters.outburstLevel(), 0);
        double meanActive = 0;
        double meanJailed = 0;
        for (int i = 0; i < act.length; i++) {
            meanActive += act[i] / act.length;
            meanJailed += jail[i] / jail.length;
        }
        return List.of(
                String.format(Locale.ROOT, "Epstein civil violence: %d citizens, %d cops on %dx%d, vision %.1f, L %.2f at the end, ratio %s",
                        parameters.citizens(), parameters.cops(), parameters.width(), parameters.height(),
                        parameters.citizenVision(), parameters.legitimacy(), parameters.ratio().name().toLowerCase()),
                String.format(Locale.ROOT, "Mean active %.1f, mean jailed %.1f, peak active %.0f", meanActive, meanJailed,
                        java.util.Arrays.stream(act).max().orElse(0)),
                String.format(Locale.ROOT, "%d outbursts (more than %d active): mean size %.0f, mean peak %.0f, mean wait %.1f steps",
                        o.count(), parameters.outburstLevel(), o.meanSize(), o.meanPeak(), o.meanWait()));
    }
}
