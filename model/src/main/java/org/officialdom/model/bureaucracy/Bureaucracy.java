package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Footprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.io.IOException;
import org.officialdom.engine.CheckpointReader;
import org.officialdom.engine.CheckpointWriter;
import org.officialdom.engine.EventBuffer;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.GroupIndex;
import org.officialdom.engine.Matrix;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Model;
import org.officialdom.engine.Pass;
import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStreams;

/**
 * The bureaucracy model: officials in a hierarchy of units, worn by study, surveillance, pay cuts
 * and quotas, rising through a tournament bent by a gift circle, answering with Exit, Voice, Loyalty
 * or Neglect, and quitting the party in public cascades. See docs/odd.md for the whole description;
 * each mechanism is its own class with its equations, its seed passage and the kernel of its pass.
 *
 * <p>This class holds the state between steps, the schedule of a step (docs/odd.md §3, "Process
 * overview and scheduling") and the outputs. Parallel passes read the unit climate of the previous
 * step and write only their own rows.
 */
public final class Bureaucracy implements Model {

    private BureaucracyParameters parameters;
    private Organisation org;
    private Officials officials;
    private Chronicle chronicle;
    private RandomStreams streams;
    private UnitClimate climate;
    private final Counts counts = new Counts();
    private long step;
    /** The ids of the officials the voice pass marked for a punitive transfer, for the careers pass of the same step. */
    private int[] transfers = new int[0];
    /** Exits and officials present, summed over steps, by (level, sector) cell: the organisation view. */
    private long[] exitsByCell;
    private long[] exposureByCell;
    /** Headcount at the previous invariant check (checking mode), -1 before the first. */
    private long checkedHeadcount = -1;

    // Working state, rebuilt from the above when first needed (after a resume too): not in a checkpoint.
    /** The rows by (unit, rank): the tournament's candidates and a unit's head. */
    private GroupIndex index;
    private EventBuffer noted;
    private Pay.Schedule pay;
    private Morale.Terms terms;
    private Census census;

    public Bureaucracy(BureaucracyParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * What a run of these parameters builds: a table row for every post (the table is reserved for
     * the posts, as no one holds two), and per unit its posts by rank, tree and climate. Bytes per
     * official: the table's columns and {@link #WORKING_BYTES_PER_OFFICIAL} of the passes' working arrays.
     */
    public static Footprint footprint(BureaucracyParameters p) {
        long[] plan = Organisation.plan(p.organisation());
        long units = plan[0];
        long posts = plan[1];
        long perOfficial = new Officials(0).table.bytesPerAgent() + WORKING_BYTES_PER_OFFICIAL;
        long perUnit = 8L * Rank.values().length * 4 + 64;
        return new Footprint(posts, 0, saturated(posts, perOfficial) + saturated(units, perUnit));
    }

    /** Per official, the passes' working arrays besides the table (indexes, scratch, counts): about 18 bytes measured at 421,054 officials after 3 steps, rounded up. */
    static final long WORKING_BYTES_PER_OFFICIAL = 32;

    private static long saturated(long n, long each) {
        return n > Long.MAX_VALUE / Math.max(1, each) ? Long.MAX_VALUE : n * each;
    }

    /** The calendar hands new levers here; the organisation's shape applies to a fresh run only. */
    public void setParameters(BureaucracyParameters p) {
        this.parameters = p;
    }

    public BureaucracyParameters parameters() {
        return parameters;
    }

    public Organisation organisation() {
        return org;
    }

    public Officials officials() {
        return officials;
    }

    Counts counts() {
        return counts;
    }

    UnitClimate climate() {
        return climate;
    }

    // ------------------------------------------------------------------ initialisation

    @Override
    public void init(Simulation sim) {
        streams = sim.streams();
        org = Organisation.generate(parameters.organisation(), streams);
        chronicle = new Chronicle(org, parameters.trackEvery());
        officials = Initialisation.staff(parameters, org, streams, sim.parallel());
        // the rows were laid out unit by unit, rank by rank: the index's base from the start
        index = null;
        index();
        climate = new UnitClimate(org.units(), org.levels());
        counts.circleByLevel = climate.measure(officials, org, false, sim.parallel()).circleByLevel();
        spinUp(sim);
        Officials o = officials;
        for (long id = 0; chronicle.trackEvery() > 0 && id < o.table.idsIssued(); id += chronicle.trackEvery()) {
            int i = o.table.rowOf((int) id);
            if (i >= 0) {
                chronicle.add((int) id, new CareerEvent.Started(o.rank.values()[i], o.unit.values()[i], o.age.values()[i] / 12,
                        o.tenure.values()[i] / 12, o.member.values()[i], o.circle.values()[i]));
            }
        }
        measure(sim);
    }

    /**
     * The spin-up: the model runs {@code spin_up_months} (in whole steps) before the start with the
     * starting levers, as steps {@code 1 − n .. 0}, so that ages, morale, stress, stances, the circle,
     * beliefs and public quits start from where the model's own dynamics take them, not from the drawn
     * population. Nothing of it is recorded: the counts, the events and the organisation view start
     * afresh at step 0.
     */
    private void spinUp(Simulation sim) {
        int n = (int) Math.ceil((double) parameters.spinUpMonths() / parameters.monthsPerStep());
        if (n == 0) {
            return;
        }
        spinning = true;
        List<Pass> passes = passes();
        for (long s = 1 - n; s <= 0; s++) {
            step = s;
            for (Pass p : passes) {
                p.run(sim);
            }
        }
        spinning = false;
        step = 0;
        chronicle = new Chronicle(org, parameters.trackEvery());
        counts.report(PartyExit.FIGURES, 0, 0);
        exitsByCell = null;
        exposureByCell = null;
    }

    /** Whether the passes are running the spin-up, whose steps the passes number themselves. */
    private boolean spinning;

    // ------------------------------------------------------------------ checkpoints

    /**
     * The state kept from one step to the next: the organisation (shape and posts held), the
     * officials' table, the tracking of the chronicle, the unit climate, the counts the metrics
     * read, the step, the punitive transfers pending, the organisation view's sums and the headcount
     * of the last invariant check. The index, the pay schedule, the morale terms, the census's
     * scratch and the event buffer are rebuilt from these when first needed.
     */
    @Override
    public void save(CheckpointWriter out) throws IOException {
        out.section("organisation");
        org.save(out);
        out.section("officials");
        officials.table.save(out);
        out.section("chronicle");
        chronicle.save(out);
        out.section("climate");
        climate.save(out);
        out.section("counts");
        counts.save(out);
        out.section("bureaucracy");
        out.putLong("step", step);
        out.putInts("transfers", transfers);
        out.putBoolean("organisation_view", exitsByCell != null);
        if (exitsByCell != null) {
            out.putLongs("exits_by_cell", exitsByCell);
            out.putLongs("exposure_by_cell", exposureByCell);
        }
        out.putLong("checked_headcount", checkedHeadcount);
    }

    @Override
    public void load(CheckpointReader in, Simulation sim) throws IOException {
        streams = sim.streams();
        in.section("organisation");
        org = Organisation.load(in);
        in.section("officials");
        officials = new Officials(0);
        officials.table.load(in);
        in.section("chronicle");
        chronicle = new Chronicle(org, parameters.trackEvery());
        chronicle.load(in);
        in.section("climate");
        climate = new UnitClimate(org.units(), org.levels());
        climate.load(in);
        in.section("counts");
        counts.load(in);
        in.section("bureaucracy");
        step = in.getLong("step");
        transfers = in.getInts("transfers");
        if (in.getBoolean("organisation_view")) {
            int cells = org.levels() * Sector.values().length;
            exitsByCell = in.getLongs("exits_by_cell", cells, 0);
            exposureByCell = in.getLongs("exposure_by_cell", cells, 0);
        }
        checkedHeadcount = in.getLong("checked_headcount");
        index = null;
    }

    // ------------------------------------------------------------------ the schedule of a step

    @Override
    public List<Pass> passes() {
        return List.of(
                Pass.of("ageing", this::ageing),
                Pass.of("pressures", this::pressures),
                Pass.of("circle", this::circle),
                Pass.of("evln", this::evln),
                Pass.of("voice", this::voice),
                Pass.of("investigation", this::investigation),
                Pass.of("exits", this::exits),
                Pass.of("departures", this::departures),
                Pass.of("careers", this::careers),
                Pass.of("tournament", this::tournament),
                Pass.of("recruitment", this::recruitment),
                Pass.of("party-exit", this::partyExit),
                Pass.of("measure", this::measure));
    }

    /** Everyone is a step older; the step's counts start from zero. */
    private void ageing(Simulation sim) {
        if (!spinning) {
            step = sim.stepNumber();
        }
        chronicle.at(step, parameters.trackEvery());
        noted = null; // track_every or the thread count may have changed
        officials.age(parameters.monthsPerStep(), sim.parallel());
    }

    /** Mechanisms 1-4 and 9: study, surveillance, pay and quotas move morale and stress ({@link Pressures}). */
    private void pressures(Simulation sim) {
        BureaucracyParameters p = parameters;
        pay().prepare(p.pay(), org, p.organisation().protectedBudget(), market(), sim.parallel());
        double overtime = Quotas.overtime(p.quotas(), p.study().workWeekHours());
        terms().prepare(p.morale(), p.monthsPerStep(), PoliticalStudy.loads(p.study()), p.quotas().meaninglessShare(), overtime,
                Surveillance.freedom(p.surveillance()), fear(), climate.exitRates(), sim.parallel());
        counts.report(Quotas.FIGURES, over(sim, Pressures.COUNTS,
                new Pressures(p, officials, pay, terms, streams.stream("quotas"), step)));
    }

    /** Mechanism 5: integrity erodes; members leave, others are asked into the gift circle. */
    private void circle(Simulation sim) {
        counts.report(Circle.FIGURES, over(sim, Circle.Kernel.COUNTS, new Circle.Kernel(parameters.circle(),
                parameters.monthsPerStep(), officials, org, climate, Investigation.addedRisk(parameters.investigation()),
                streams.stream("circle"), step)));
    }

    /** Mechanism 10: some officials reconsider their EVLN stance. */
    private void evln(Simulation sim) {
        over(sim, 0, new EvlnChoice.Kernel(parameters.evln(), parameters.morale(), parameters.monthsPerStep(), fear(), pay,
                officials, org, climate, streams.stream("evln"), step));
    }

    /** Mechanism 8: reformers act, make enemies and draw retaliation. */
    private void voice(Simulation sim) {
        Voice.Kernel kernel = new Voice.Kernel(parameters.voice(), parameters.monthsPerStep(), officials, climate,
                streams.stream("voice"), step, sim.parallel().threads());
        counts.report(Voice.FIGURES, over(sim, Voice.Kernel.COUNTS, kernel));
        transfers = kernel.transfers();
    }

    /** Mechanism 7: investigations, convictions (guilty or fabricated) and dismissals. */
    private void investigation(Simulation sim) {
        counts.report(Investigation.FIGURES, over(sim, Investigation.Kernel.width(org.ranks()), new Investigation.Kernel(
                parameters.investigation(), parameters.monthsPerStep(), officials, streams.stream("investigation"), step)));
    }

    /** Mechanism 11: retirement, death, incompetence, and those in Exit who find a way out. */
    private void exits(Simulation sim) {
        counts.report(Exits.ATTEMPTS, over(sim, Exits.Kernel.COUNTS, new Exits.Kernel(parameters.exits(), parameters.monthsPerStep(),
                market(), pay, officials, streams.stream("exits"), step)));
    }

    /** The unit climate of this step (with the leavers), then the leavers go. */
    private void departures(Simulation sim) {
        UnitClimate.Sums sums = climate.measure(officials, org, true, sim.parallel());
        counts.circleByLevel = sums.circleByLevel();
        int sectors = Sector.values().length;
        if (exitsByCell == null) {
            exitsByCell = new long[org.levels() * sectors];
            exposureByCell = new long[org.levels() * sectors];
        }
        long[] staffByCell = sums.staffByCell();
        for (int cell = 0; cell < staffByCell.length; cell++) {
            exposureByCell[cell] += staffByCell[cell];
        }
        Officials o = officials;
        boolean[] leave = o.leave.values();
        byte[] route = o.route.values();
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        int[] leavers = sim.parallel().select(o.size(), (c, out) -> {
            int k = 0;
            for (int i = c.from(); i < c.to(); i++) {
                if (leave[i]) {
                    out[k++] = i;
                }
            }
            return k;
        });
        long[] byRoute = new long[Exits.ROUTES];
        for (int i : leavers) {
            exitsByCell[org.levelOf(unit[i]) * sectors + org.sectorIndex(unit[i])]++;
            org.vacate(unit[i], rank[i]);
            byRoute[route[i]]++;
            int id = o.table.id(i);
            if (chronicle.tracked(id)) {
                chronicle.add(id, new CareerEvent.Left(ExitRoute.values()[route[i]], o.age.values()[i] / 12,
                        o.tenure.values()[i] / 12, rank[i]));
            }
        }
        counts.report(Exits.DEPARTURES, byRoute);
        o.table.removeRows(leavers, sim.parallel());
    }

    /** Mechanism 13: unit heads rotate; punitive transfers. */
    private void careers(Simulation sim) {
        Careers.Moves moves = Careers.move(parameters.careers(), parameters.monthsPerStep(), officials, org, transfers,
                streams.stream("careers"), step, sim.parallel(), chronicle);
        transfers = new int[0];
        counts.report(Careers.FIGURES, moves.rotations(), moves.punitiveTransfers());
    }

    /** Mechanism 6: vacancies filled from the rank below, top down. */
    private void tournament(Simulation sim) {
        index().update(officials.table, () -> officials.byUnitAndRank(org.ranks()), sim.parallel());
        Tournament.Round round = Tournament.fill(parameters.tournament(), org, officials, index(), streams.stream("promotion"),
                streams.stream("promotion-lottery"), streams.stream("promotion-competence"), step, sim.parallel(), chronicle);
        counts.report(Tournament.FIGURES, round.merit(), round.gift());
        climate.promotions(round.membersByLevel(), round.othersByLevel(), parameters.monthsPerStep());
    }

    /** Mechanism 12: the exam fills the vacant bottom posts. */
    private void recruitment(Simulation sim) {
        Recruitment.Intake intake = Recruitment.hire(parameters.recruitment(), parameters.partyExit(), counts.meanMorale,
                officials, org, index(), streams.stream("recruits"), streams.stream("thresholds"), step, sim.parallel(), chronicle);
        counts.report(Recruitment.FIGURES, intake.vacancies(), intake.hires(), intake.applicantsPerPost(), intake.planned());
    }

    /** Mechanism 14: members quit the party in public as they see others do. */
    private void partyExit(Simulation sim) {
        long joined = PartyExit.cascade(parameters.partyExit(), parameters.surveillance().intensity(), parameters.monthsPerStep(),
                officials, org, climate, sim.parallel(), chronicle);
        double before = counts.figures(PartyExit.FIGURES, 2)[PartyExit.CUMULATIVE];
        counts.report(PartyExit.FIGURES, joined, before + joined);
    }

    /** Mechanism 15 and every per-step measurement ({@link Census}). */
    private void measure(Simulation sim) {
        census().take(parameters, officials, org, climate, sim.parallel(), counts);
        chronicle.log().sort();
    }

    // ------------------------------------------------------------------ what the passes share

    /** Runs a kernel over every official; returns its counts and tells the events it noted. */
    private long[] over(Simulation sim, int counts, RowKernel kernel) {
        EventBuffer notes = noted(sim);
        long[] n = sim.parallel().counts(officials.size(), counts, (c, out) -> kernel.apply(c, out, notes));
        notes.forEach((row, code) -> chronicle.add(officials.table.id(row), kernel.event(row, code)));
        return n;
    }

    /** The events of tracked officials noted in a parallel pass, emptied for a pass over the whole table. */
    private EventBuffer noted(Simulation sim) {
        if (noted == null) {
            noted = new EventBuffer(parameters.trackEvery(), sim.parallel().threads());
        }
        noted.begin(officials.size());
        return noted;
    }

    /** The private labour market ({@link Pay#market}): youth unemployment against its reference. */
    private double market() {
        return Pay.market(parameters.pay(), parameters.recruitment().youthUnemployment(), parameters.recruitment().referenceUnemployment());
    }

    /** The fear by risk-aversion byte: surveillance's and investigation's (mechanisms 2 and 7). */
    private double[] fear() {
        return Surveillance.fearByTrait(parameters.surveillance(), Investigation.fear(parameters.investigation()));
    }

    private Pay.Schedule pay() {
        if (pay == null) {
            pay = new Pay.Schedule();
        }
        return pay;
    }

    private Morale.Terms terms() {
        if (terms == null) {
            terms = new Morale.Terms();
        }
        return terms;
    }

    private Census census() {
        if (census == null) {
            census = new Census();
        }
        return census;
    }

    /**
     * Updates of the (unit, rank) index between two compactions of the officials' rows into (unit,
     * rank) order: leavers' rows are filled with the last rows and promotions move officials between
     * units, and without compaction the passes that read a per-unit value for every official miss
     * the caches once the per-unit arrays outgrow them. No result depends on the layout.
     */
    static final int COMPACT_EVERY = 12;

    /** The index, made when first needed: it adopts the table's layout as its base if the rows are in key order. */
    GroupIndex index() {
        if (index == null) {
            index = new GroupIndex(org.units() * org.ranks(), compactEvery);
            index.adopt(officials.table, officials.byUnitAndRank(org.ranks()));
        }
        return index;
    }

    /** {@link #COMPACT_EVERY}, or 0 to keep the rows where removals and additions leave them (for tests). */
    private int compactEvery = COMPACT_EVERY;

    /** Turns compaction off or on (for the tests that show no result depends on the layout). */
    void compactEvery(int updates) {
        compactEvery = updates;
        index = null;
    }

    /** The officials' rows were moved from outside (a test shuffles them): the index is rebuilt when next needed. */
    void layoutChanged() {
        index = null;
    }

    // ------------------------------------------------------------------ outputs

    /** Every mechanism's declared outputs, in this order in {@code metrics.csv}; then the live page's charts. */
    @Override
    public MetricSet metrics() {
        MetricSet s = new MetricSet();
        BureaucracyMetrics.headcounts(s, counts, org);
        Recruitment.metrics(s, counts);
        Exits.metrics(s, counts);
        Tournament.metrics(s, counts);
        Careers.metrics(s, counts);
        Circle.metrics(s, counts, org, climate);
        Investigation.metrics(s, counts, org.ranks());
        Voice.metrics(s, counts);
        EvlnChoice.metrics(s, counts);
        Morale.metrics(s, counts);
        Quotas.metrics(s, counts);
        ServiceOutput.metrics(s, counts);
        PartyExit.metrics(s, counts);
        BureaucracyMetrics.competence(s, counts, () -> parameters.tournament());
        BureaucracyMetrics.page(s, org);
        return s;
    }

    @Override
    public long agents() {
        return officials.size();
    }

    @Override
    public long bytesPerAgent() {
        return officials.table.bytesPerAgent();
    }

    @Override
    public EventLog events() {
        return chronicle.log();
    }

    @Override
    public List<String> summary(MetricTable t) {
        return BureaucracyMetrics.summary(this, t);
    }

    @Override
    public List<String> invariantViolations() {
        List<String> broken = new ArrayList<>();
        int R = org.ranks();
        int[] recount = new int[org.units() * R];
        int[] unit = officials.unit.values();
        byte[] rank = officials.rank.values();
        for (int i = 0; i < officials.size(); i++) {
            recount[unit[i] * R + rank[i]]++;
        }
        for (int u = 0; u < org.units(); u++) {
            for (int r = 0; r < R; r++) {
                int occ = org.occupied(u, r);
                if (occ > org.posts(u, r) || occ < 0) {
                    broken.add("unit " + u + " rank " + r + " has " + occ + " officials for " + org.posts(u, r) + " posts");
                }
                if (recount[u * R + r] != occ) {
                    broken.add("unit " + u + " rank " + r + " counts " + occ + " officials in post but " + recount[u * R + r] + " hold it");
                }
            }
        }
        long hires = (long) counts.figures(Recruitment.FIGURES, Recruitment.WIDTH)[Recruitment.HIRES];
        long expected = checkedHeadcount < 0 ? counts.headcount : checkedHeadcount + hires - counts.exitsTotal();
        if (counts.headcount != expected || counts.headcount != officials.size()) {
            broken.add("headcount " + counts.headcount + " is not the previous " + checkedHeadcount + " + hires "
                    + hires + " - exits " + counts.exitsTotal() + " (table holds " + officials.size() + ")");
        }
        checkedHeadcount = counts.headcount;
        return broken.size() > 5 ? broken.subList(0, 5) : broken;
    }

    @Override
    public List<Matrix> matrices() {
        int sectors = Sector.values().length;
        List<String> rows = new ArrayList<>();
        for (int l = 0; l < org.levels(); l++) {
            rows.add(org.levels() == Level.values().length ? Level.values()[l].label() : "level " + l);
        }
        List<String> columns = Arrays.stream(Sector.values()).map(Sector::label).toList();
        double[][] morale = new double[org.levels()][sectors];
        long[][] moraleSum = new long[org.levels()][sectors]; // fixed point: the same sum in any row order
        double[][] present = new double[org.levels()][sectors];
        int[] unit = officials.unit.values();
        float[] m = officials.morale.values();
        for (int i = 0; i < officials.size(); i++) {
            int l = org.levelOf(unit[i]);
            int s = org.sectorIndex(unit[i]);
            moraleSum[l][s] += (long) (m[i] * 0x1p32);
            present[l][s]++;
        }
        double[][] exitRate = new double[org.levels()][sectors];
        double perYear = 12.0 / parameters.monthsPerStep();
        for (int l = 0; l < org.levels(); l++) {
            for (int s = 0; s < sectors; s++) {
                morale[l][s] = present[l][s] == 0 ? Double.NaN : moraleSum[l][s] / 0x1p32 / present[l][s];
                int cell = l * sectors + s;
                exitRate[l][s] = exposureByCell == null || exposureByCell[cell] == 0 ? Double.NaN
                        : perYear * exitsByCell[cell] / exposureByCell[cell];
            }
        }
        return List.of(
                new Matrix("morale_by_level_and_sector", "morale (0-1)",
                        "Mean morale of the officials in post at the end, by level and sector (empty cells: no one there)",
                        rows, columns, morale),
                new Matrix("exit_rate_by_level_and_sector", "share per year",
                        "Officials who left over the run per official-year present, by level and sector, all routes",
                        rows, columns, exitRate));
    }
}
