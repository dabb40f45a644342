package org.officialdom.model.bureaucracy;

import java.util.ArrayList;
import java.util.List;
import org.officialdom.engine.EventLog;
import org.officialdom.engine.GroupCounts;
import org.officialdom.engine.GroupTally;
import org.officialdom.engine.MetricSet;
import org.officialdom.engine.MetricTable;
import org.officialdom.engine.Model;
import org.officialdom.engine.Parallel;
import org.officialdom.engine.Pass;
import org.officialdom.engine.Simulation;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.random.RandomStreams;

/**
 * The bureaucracy model: officials in a hierarchy of units, worn by study, surveillance, pay cuts
 * and quotas, rising through a tournament bent by a gift circle, answering with Exit, Voice, Loyalty
 * or Neglect, and quitting the party in public cascades. See docs/odd.md for the whole description;
 * each mechanism is its own class with its equations and seed passage.
 *
 * <p>One step (a month by default) runs these passes in order; parallel passes read the unit
 * aggregates of the previous step and write only their own rows:
 * ageing → pressures (study, surveillance, pay, quotas, morale, stress) → circle → evln → voice →
 * investigation → exits → departures (unit aggregates, removal) → careers (rotation, punitive
 * transfers) → tournament → recruitment → party exit → output and measurement.
 */
public final class Bureaucracy implements Model {

    static final byte TRANSFER_PENDING = 100;

    BureaucracyParameters parameters;
    Organisation org;
    Officials officials;
    EventLog events;
    RandomStreams streams;
    float[] circleShare;  // per unit, last step
    float[] reformShare;  // per unit: share who acted in Voice last step
    float[] exitRate;     // per unit: leavers per month last step
    final Counts counts = new Counts();
    long step;
    /** Exits and officials present, summed over steps, by (level, sector) cell: the organisation view. */
    long[] exitsByCell;
    long[] exposureByCell;
    /** Headcount at the previous invariant check (checking mode), -1 before the first. */
    private long checkedHeadcount = -1;

    /** The rows by (unit, rank): the tournament's candidates and a unit's head (rebuilt after a resume). */
    transient UnitRankIndex index;
    private transient GroupTally tally;
    private transient GroupCounts unitCounts;
    private transient GroupTally histogram;

    public Bureaucracy(BureaucracyParameters parameters) {
        this.parameters = parameters;
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

    boolean tracked(long id) {
        int k = parameters.trackEvery();
        return k > 0 && id % k == 0;
    }

    // ------------------------------------------------------------------ initialisation

    @Override
    public void init(Simulation sim) {
        streams = sim.streams();
        events = new EventLog();
        org = Organisation.generate(parameters.organisation(), streams);
        int units = org.units();
        int R = org.ranks;
        RandomStream fillDraw = streams.stream("organisation");
        double fill = parameters.organisation().fill();
        long total = 0;
        int[] count = new int[units * R];
        for (int u = 0; u < units; u++) {
            for (int r = 0; r <= org.topRank(u); r++) {
                int n = (int) Math.floor(fill * org.posts(u, r) + fillDraw.uniform(u * (long) R + r, 0, 2));
                count[u * R + r] = Math.min(org.posts(u, r), n);
                total += count[u * R + r];
            }
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many officials for one table: " + total);
        }
        // no one holds more than one post, so the posts bound the headcount: the table never grows
        officials = new Officials(0);
        officials.table.reserve((int) Math.min(Integer.MAX_VALUE - 16, Math.max(total, org.totalPosts())), sim.parallel());
        Officials o = officials;
        o.table.addMany((int) total);
        int row = 0;
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        for (int k = 0; k < count.length; k++) {
            for (int i = 0; i < count[k]; i++) {
                unit[row] = k / R;
                rank[row] = (byte) (k % R);
                row++;
            }
            org.occupied[k] = count[k];
        }
        Recruitment.Parameters rp = parameters.recruitment();
        RandomStream traits = streams.stream("officials");
        RandomStream thresholds = streams.stream("thresholds");
        double circle0 = parameters.circle().initialShare();
        double retire = parameters.exits().retirementAge();
        double oldest = Math.min(retire, 65);
        boolean custom = !parameters.organisation().customPosts().isEmpty();
        sim.parallel().forEach(o.size(), c -> {
            for (int i = c.from(); i < c.to(); i++) {
                long id = o.table.id(i);
                int r = rank[i];
                double age = custom
                        ? Recruitment.clip(rp.entryAge() + rp.entryAgeSd() * traits.normal(id, 0, 20), 18, retire)
                        : Math.min(oldest - 0.5, rp.entryAge() + (oldest - rp.entryAge()) * traits.uniform(id, 0, 20) + 3 * r);
                Recruitment.draw(o, i, rp, traits, 0, r, age, 0, circle0, 0);
                double tenure = custom ? 0 : Math.max(0, age - rp.entryAge() - rp.entryAgeSd() * Math.abs(traits.normal(id, 0, 21)));
                o.tenure.values()[i] = Officials.months(12 * tenure);
                o.inPost.values()[i] = Officials.months(12 * Math.min(tenure, 10 * traits.uniform(id, 0, 44)));
                o.threshold.values()[i] = o.member.values()[i]
                        ? PartyExit.threshold(parameters.partyExit(), thresholds.normal(id, 0, 0), Officials.trait(o.support.values()[i]))
                        : Double.POSITIVE_INFINITY;
            }
        });
        assignPatrons();
        // the rows were laid out unit by unit, rank by rank: the index's base from the start
        index = null;
        index();
        circleShare = new float[units];
        reformShare = new float[units];
        exitRate = new float[units];
        unitAggregates(sim, false);
        // the tracked officials, by id (every track_every-th), rather than a test of every row
        int every = parameters.trackEvery();
        for (long tracked = 0; every > 0 && tracked < o.table.idsIssued(); tracked += every) {
            int id = (int) tracked;
            int i = o.table.rowOf(id);
            if (i >= 0) {
                events.add(0, id, "start", "serving as " + Rank.label(rank[i], R) + " in " + org.describe(unit[i])
                        + ", age " + o.age.values()[i] / 12 + ", " + o.tenure.values()[i] / 12 + " years of service, "
                        + (o.member.values()[i] ? "party member" : "not a party member")
                        + (o.circle.values()[i] ? ", already in the gift circle" : ""));
            }
        }
        measure(sim);
    }

    /** Each official's patron is the head of its unit (of the parent unit for the head itself). */
    private void assignPatrons() {
        int units = org.units();
        int[] head = new int[units];
        java.util.Arrays.fill(head, -1);
        Officials o = officials;
        for (int i = 0; i < o.size(); i++) {
            int u = o.unit.values()[i];
            if (o.rank.values()[i] == org.topRank(u) && head[u] < 0) {
                head[u] = o.table.id(i);
            }
        }
        for (int i = 0; i < o.size(); i++) {
            int u = o.unit.values()[i];
            int h = head[u];
            int id = o.table.id(i);
            if (h == id || h < 0) {
                int p = org.tree.parent(u);
                h = p >= 0 ? head[p] : -1;
            }
            o.patron.values()[i] = h;
        }
    }

    // ------------------------------------------------------------------ passes

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
                Pass.of("order", this::order),
                Pass.of("tournament", this::tournament),
                Pass.of("recruitment", this::recruitment),
                Pass.of("party-exit", this::partyExit),
                Pass.of("measure", this::measure));
    }

    /** The events of tracked officials noted in a parallel pass (see {@link Noted}); made anew each step. */
    private transient Noted noted;

    /** {@link #noted}, emptied for a pass over the whole table. */
    private Noted noted(Simulation sim) {
        if (noted == null) {
            noted = new Noted(parameters.trackEvery(), sim.parallel().threads());
        }
        noted.begin(officials.size());
        return noted;
    }

    /** Per worker, a block of a chunk's random bits. */
    private transient long[][] blocks;

    /**
     * The blocks of random bits, made once: a pass whose draw sits in a long loop body draws a
     * chunk's values first, in a loop of their own ({@link RandomStream#bits(int[], int, int, long,
     * long, long[])}): the same values, for less than the draw costs inside the body (see
     * {@code docs/performance.md}; in short loops that skip most officials after the draw, the
     * draw inside the loop is as cheap or cheaper).
     */
    private long[][] blocks(Simulation sim) {
        int workers = sim.parallel().threads();
        if (blocks == null || blocks.length != workers) {
            blocks = new long[workers][Parallel.CHUNK];
        }
        return blocks;
    }

    private GroupTally tally(Simulation sim) {
        if (tally == null || tally.groups() != Counts.KINDS) {
            tally = new GroupTally(Counts.KINDS, 1, sim.parallel().threads());
        }
        return tally;
    }

    private void ageing(Simulation sim) {
        step = sim.stepNumber();
        counts.clear();
        tally = null;
        noted = null; // track_every or the thread count may have changed
        tally(sim).reset();
        int mps = parameters.monthsPerStep();
        short[] age = officials.age.values();
        short[] ten = officials.tenure.values();
        short[] post = officials.inPost.values();
        short last = (short) (Short.MAX_VALUE - mps); // older than this saturates at Short.MAX_VALUE
        sim.parallel().forEach(officials.size(), c -> {
            for (int i = c.from(); i < c.to(); i++) {
                age[i] = age[i] > last ? Short.MAX_VALUE : (short) (age[i] + mps);
                ten[i] = ten[i] > last ? Short.MAX_VALUE : (short) (ten[i] + mps);
                post[i] = post[i] > last ? Short.MAX_VALUE : (short) (post[i] + mps);
            }
        });
    }

    /**
     * Pay by unit and rank for this step: {@code payTable[payRow[u] + rank]} (see {@link Pay#table}).
     * Rebuilt at the start of every step's pressures pass, before any pass reads it.
     */
    private transient double[] payTable;
    private transient int[] payRow;
    /** Per unit: the share of output its gift circle leaves (measure). */
    private transient double[] kept;
    /** Per unit: the colleagues' good of the morale target times its normalised weight, from last step's exit rate. */
    private transient double[] colleaguesTerm;
    /** By rank: the outside wage per point of competence ({@link Pay#outsidePerCompetence}), for pressures and evln. */
    private transient double[] outsidePerCompetence;

    /**
     * What the pressures and evln passes read per unit or rank, computed once a step (in pressures,
     * before either pass reads it) instead of once per official: the row of the pay table, the
     * colleagues' term of the morale target and the outside wage per point of competence.
     */
    private void prepareUnits(Morale.Weights weights, Parallel parallel) {
        int units = org.units();
        payTable = Pay.table(parameters.pay(), org.levels, org.ranks);
        outsidePerCompetence = new double[org.ranks];
        for (int r = 0; r < org.ranks; r++) {
            outsidePerCompetence[r] = Pay.outsidePerCompetence(parameters.pay(), r);
        }
        if (payRow == null || payRow.length != units) {
            payRow = new int[units];
            colleaguesTerm = new double[units];
        }
        double protectedBudget = parameters.organisation().protectedBudget();
        double months = parameters.monthsPerStep();
        int[] row = payRow;
        double[] colleagues = colleaguesTerm;
        parallel.forEach(units, c -> {
            for (int u = c.from(); u < c.to(); u++) {
                row[u] = ((org.budget[u] >= protectedBudget ? 1 : 0) * org.levels + org.level[u]) * org.ranks;
                colleagues[u] = weights.colleagues() * Morale.colleagues(parameters.morale(), 12 * exitRate[u] / months);
            }
        });
    }

    /**
     * Mechanisms 1-4 and 9: study, surveillance, pay, quotas, then morale and stress.
     *
     * <p>Every term of the morale target that depends only on the unit, on party membership and a
     * trait byte, or on the retaliations suffered is computed once a step, already multiplied by its
     * normalised weight ({@link Morale#weights}); per official the target is then five table
     * lookups, three multiplications, one division (pay over the outside wage) and four additions.
     * The sum is the class comment's {@code Σ w_k x_k / Σ w} up to the last bits (the terms are
     * added in another order, and divided by the weights' sum before, not after).
     */
    private void pressures(Simulation sim) {
        BureaucracyParameters p = parameters;
        Officials o = officials;
        GroupTally t = tally(sim);
        RandomStream quota = streams.stream("quotas");
        Morale.Parameters morale = p.morale();
        Morale.Weights w = Morale.weights(morale);
        prepareUnits(w, sim.parallel());
        double[] payTable = this.payTable;
        int[] payRow = this.payRow;
        double[] colleaguesTerm = this.colleaguesTerm;
        double months = p.monthsPerStep();
        double loadMember = PoliticalStudy.load(p.study(), true);
        double loadOther = PoliticalStudy.load(p.study(), false);
        double overtime = Quotas.overtime(p.quotas(), p.study().workWeekHours());
        double freedom = Surveillance.freedom(p.surveillance());
        double investigationFear = Investigation.fear(p.investigation());
        double adaptation = Morale.adaptationRate(morale, months);
        double saving = p.pay().savingRate() * months;
        double meaningless = p.quotas().meaninglessShare();
        Quotas.Parameters quotas = p.quotas();
        boolean campaign = quotas.campaign() > 0;
        double fairnessWeight = w.fairness();
        double retained = 1 - morale.recovery();
        // Terms that depend only on party membership (m = 0 or 1), a trait byte b, the stance or the
        // rank, once a step. Index of the (m, b) tables: m * 256 + b.
        double[] meaningWeight = new double[2];
        double[] fixedTerms = new double[512];   // freedom and ease, weighted, and the neutral 0.5 if no weights
        double[] stressAdded = new double[512];  // stressGain × (study load + overtime + fear) × months
        for (int m = 0; m < 2; m++) {
            double load = m == 1 ? loadMember : loadOther;
            meaningWeight[m] = w.meaning() * Math.max(0, 1 - load - meaningless);
            for (int b = 0; b < 256; b++) {
                double trait = Officials.trait((byte) b);
                double fear = Math.min(1, Surveillance.fear(p.surveillance(), trait) + investigationFear);
                fixedTerms[m * 256 + b] = w.freedom() * freedom + w.ease() * Morale.ease(morale, load, trait, overtime) + w.neutral();
                stressAdded[m * 256 + b] = morale.stressGain() * ((load + overtime + fear) * months);
            }
        }
        double[] recognitionTerm = new double[256]; // by the retaliations byte: weight / (1 + r)
        for (int b = 0; b < 256; b++) {
            recognitionTerm[b] = w.recognition() / (1 + (byte) b);
        }
        double[] workThreshold = new double[Stance.values().length];
        for (int k = 0; k < workThreshold.length; k++) {
            workThreshold[k] = Quotas.workThreshold(quotas, ServiceOutput.effort(p.output(), k));
        }
        double[] outsidePerCompetence = this.outsidePerCompetence;
        int[] ids = o.table.ids();
        long[][] blocks = blocks(sim);
        sim.parallel().forEach(o.size(), c -> {
            long[] draws = blocks[c.worker()];
            if (campaign) {
                quota.bits(ids, c.from(), c.to(), step, 0, draws);
            }
            int[] unit = o.unit.values();
            byte[] rank = o.rank.values();
            boolean[] member = o.member.values();
            byte[] support = o.support.values();
            byte[] riskAversion = o.riskAversion.values();
            byte[] motivation = o.motivation.values();
            float[] comp = o.competence.values();
            float[] sav = o.savings.values();
            float[] mor = o.morale.values();
            float[] str = o.stress.values();
            byte[] stance = o.stance.values();
            byte[] ret = o.retaliations.values();
            int metQuota = 0;
            int paidQuota = 0;
            int penalisedCount = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int u = unit[i];
                int r = rank[i];
                int m = member[i] ? 1 : 0;
                double competence = comp[i];
                // Quotas.outcome's three tests, combined without branches (the outcome is a coin toss
                // the processor cannot predict); without a campaign no one is reached and no draw is taken
                double savings = sav[i] + saving;
                double draw = campaign ? RandomStream.unit(draws[i - c.from()]) : 1; // 1 reaches no one (campaign <= 1)
                boolean touched = Quotas.touched(quotas, draw);
                boolean met = touched & draw < competence * workThreshold[stance[i]];
                boolean canPay = Quotas.canPay(quotas, sav[i]);
                boolean paid = touched & !met & canPay;
                boolean penalised = touched & !met & !canPay;
                metQuota += met ? 1 : 0;
                paidQuota += paid ? 1 : 0;
                penalisedCount += penalised ? 1 : 0;
                savings -= paid ? quotas.outOfPocket() : 0;
                double penalty = penalised ? quotas.penaltyStress() : 0;
                sav[i] = (float) Math.min(1000, savings);
                double fairness = Pay.fairness(payTable[payRow[u] + r], competence * outsidePerCompetence[r]);
                double target = fixedTerms[m * 256 + (support[i] & 0xFF)] + colleaguesTerm[u]
                        + meaningWeight[m] * Officials.trait(motivation[i])
                        + recognitionTerm[ret[i] & 0xFF] * (penalty > 0 ? 0.5 : 1)
                        + fairnessWeight * fairness;
                mor[i] = (float) Morale.adapt(mor[i], target, adaptation);
                str[i] = (float) Morale.clampStress(str[i] * retained + stressAdded[m * 256 + (riskAversion[i] & 0xFF)] + penalty);
            }
            t.addCount(c.worker(), Counts.QUOTA_MET, metQuota);
            t.addCount(c.worker(), Counts.QUOTA_OUT_OF_POCKET, paidQuota);
            t.addCount(c.worker(), Counts.QUOTA_PENALTY, penalisedCount);
        });
    }

    /** The circle pass's events, by the code it notes: {kind, detail}. */
    private static final String[][] CIRCLE_EVENTS = {
        {"circle-left", "stopped giving gifts and left the circle"},
        {"gift", "gave gifts to superiors and entered the circle"},
        {"refused", "was invited into the gift circle and refused"},
    };

    /** Mechanism 5. */
    private void circle(Simulation sim) {
        Circle.Parameters p = parameters.circle();
        Officials o = officials;
        GroupTally t = tally(sim);
        RandomStream s = streams.stream("circle");
        double months = parameters.monthsPerStep();
        Noted noted = noted(sim);
        sim.parallel().forEach(o.size(), c -> {
            int[] unit = o.unit.values();
            boolean[] in = o.circle.values();
            float[] integ = o.integrity.values();
            float[] sav = o.savings.values();
            byte[] stance = o.stance.values();
            long[] notes = noted.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int u = unit[i];
                long id = o.table.id(i);
                double cs = circleShare[u];
                integ[i] = (float) Circle.erode(p, integ[i], cs, months);
                if (in[i]) {
                    if (stance[i] == Stance.VOICE.ordinal()
                            || s.uniform(id, step, 0) < Circle.leaveProbability(p, integ[i], reformShare[u])) {
                        in[i] = false;
                        t.count(c.worker(), Counts.CIRCLE_LEFT);
                        noteAt = noted.note(notes, noteAt, (int) id, i, 0);
                    }
                } else if (stance[i] != Stance.VOICE.ordinal() && s.uniform(id, step, 1) < cs) {
                    double ambition = Officials.trait(o.ambition.values()[i]);
                    if (sav[i] >= p.giftCost() && s.uniform(id, step, 2) < Circle.joinProbability(p, 1.0, ambition, integ[i])) {
                        in[i] = true;
                        sav[i] -= (float) p.giftCost();
                        integ[i] = (float) Math.max(0, integ[i] - p.integrityCost());
                        t.count(c.worker(), Counts.CIRCLE_JOINED);
                        noteAt = noted.note(notes, noteAt, (int) id, i, 1);
                    } else {
                        t.count(c.worker(), Counts.CIRCLE_REFUSED);
                        noteAt = noted.note(notes, noteAt, (int) id, i, 2);
                    }
                }
            }
            noted.keep(c, notes, noteAt);
        });
        noted.forEach((row, code) -> events.add(step, o.table.id(row), CIRCLE_EVENTS[code][0], CIRCLE_EVENTS[code][1]));
    }

    /** Mechanism 10. */
    private void evln(Simulation sim) {
        BureaucracyParameters p = parameters;
        EvlnChoice.Parameters e = p.evln();
        Officials o = officials;
        RandomStream s = streams.stream("evln");
        double months = p.monthsPerStep();
        double reconsider = 1 - Math.pow(1 - e.reconsider(), months);
        double investigationFear = Investigation.fear(p.investigation());
        double burnout = p.morale().burnout();
        double colleagueSensitivity = p.morale().colleagueSensitivity();
        Surveillance.Parameters surveillance = p.surveillance();
        double[] payTable = this.payTable;
        int[] payRow = this.payRow;
        double[] outsidePerCompetence = this.outsidePerCompetence;
        double[] fearOf = new double[256]; // by the risk-aversion byte, the same expression as per official
        for (int b = 0; b < 256; b++) {
            fearOf[b] = Math.min(1, Surveillance.fear(surveillance, Officials.trait((byte) b)) + investigationFear);
        }
        int[] ids = o.table.ids();
        Noted noted = noted(sim);
        sim.parallel().forEach(o.size(), c -> {
            double[] u = new double[4];
            int[] unit = o.unit.values();
            byte[] rank = o.rank.values();
            byte[] stance = o.stance.values();
            float[] comp = o.competence.values();
            float[] morale = o.morale.values();
            float[] stress = o.stress.values();
            short[] tenure = o.tenure.values();
            byte[] riskAversion = o.riskAversion.values();
            byte[] motivation = o.motivation.values();
            byte[] retaliations = o.retaliations.values();
            long[] notes = noted.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int id = ids[i];
                if (s.uniform(id, step, 0) >= reconsider) {
                    continue;
                }
                int un = unit[i];
                double pay = payTable[payRow[un] + rank[i]];
                double alt = EvlnChoice.alternatives(pay, comp[i] * outsidePerCompetence[rank[i]]);
                double fear = fearOf[riskAversion[i] & 0xFF];
                double colleagues = Math.min(1, colleagueSensitivity * 12 * exitRate[un] / months);
                EvlnChoice.utilities(e, morale[i], EvlnChoice.investment(tenure[i], rank[i], org.topRank(un)),
                        alt, fear, stress[i] >= burnout, colleagues, Officials.trait(motivation[i]),
                        retaliations[i], u);
                int now = EvlnChoice.choose(e, u, stance[i], s.uniform(id, step, 1));
                if (now != stance[i]) {
                    stance[i] = (byte) now;
                    noteAt = noted.note(notes, noteAt, (int) id, i, 0);
                }
            }
            noted.keep(c, notes, noteAt);
        });
        noted.forEach((row, code) -> events.add(step, ids[row], "stance", "became " + Stance.values()[o.stance.values()[row]].label()
                + " (morale " + Decimals.fixed(o.morale.values()[row], 2) + ", stress " + Decimals.fixed(o.stress.values()[row], 2) + ")"));
    }

    /** Mechanism 8. */
    private void voice(Simulation sim) {
        Voice.Parameters p = parameters.voice();
        Officials o = officials;
        GroupTally t = tally(sim);
        RandomStream s = streams.stream("voice");
        double act = 1 - Math.pow(1 - p.actionRate(), parameters.monthsPerStep());
        Noted noted = noted(sim);
        sim.parallel().forEach(o.size(), c -> {
            byte[] stance = o.stance.values();
            int[] unit = o.unit.values();
            byte[] enemies = o.enemies.values();
            byte[] ret = o.retaliations.values();
            byte[] route = o.route.values();
            long[] notes = noted.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                if (stance[i] != Stance.VOICE.ordinal()) {
                    continue;
                }
                long id = o.table.id(i);
                if (s.uniform(id, step, 0) >= act) {
                    continue;
                }
                t.count(c.worker(), Counts.VOICE_ACTION);
                double cs = circleShare[unit[i]];
                boolean enemy = s.uniform(id, step, 1) < p.enemyRate() * cs;
                if (enemy) {
                    enemies[i] = Officials.bump(enemies[i], 1);
                    t.count(c.worker(), Counts.ENEMY_MADE);
                }
                Voice.Retaliation r = Voice.retaliation(p, cs, s.uniform(id, step, 2));
                if (r != Voice.Retaliation.NONE) {
                    ret[i] = Officials.bump(ret[i], 1);
                    t.count(c.worker(), Counts.RETALIATION);
                    if (r == Voice.Retaliation.PUNITIVE_TRANSFER) {
                        route[i] = TRANSFER_PENDING;
                    } else if (r == Voice.Retaliation.FABRICATED_ACCUSATION) {
                        enemies[i] = Officials.bump(enemies[i], 2);
                    }
                }
                noteAt = noted.note(notes, noteAt, (int) id, i, (enemy ? 1 : 0) | r.ordinal() << 1);
            }
            noted.keep(c, notes, noteAt);
        });
        noted.forEach((row, code) -> events.add(step, o.table.id(row), "voice", "refused bribes and pressed against local corruption"
                + ((code & 1) != 0 ? "; made an enemy" : "")
                + switch (Voice.Retaliation.values()[code >> 1]) {
                    case BLOCKED_PROMOTION -> "; the circle blocked the promotion";
                    case PUNITIVE_TRANSFER -> "; the circle moved to have the official transferred";
                    case FABRICATED_ACCUSATION -> "; rivals filed an accusation of bribery";
                    default -> "";
                }));
    }

    /** Mechanism 7. */
    private void investigation(Simulation sim) {
        Investigation.Parameters p = parameters.investigation();
        Officials o = officials;
        GroupTally t = tally(sim);
        RandomStream s = streams.stream("investigation");
        double months = parameters.monthsPerStep();
        // The step's hazard without a patron's protection, by (in the circle, quit the party in
        // public, enemies' byte), once a step: the same expression as per official, so the same bits.
        double[] bound = new double[4 * 256];
        for (int k = 0; k < 4; k++) {
            for (int b = 0; b < 256; b++) {
                bound[k * 256 + b] = perStep(Investigation.hazard(p, k >= 2, (byte) b, (k & 1) == 1, false), months);
            }
        }
        Noted noted = noted(sim);
        sim.parallel().forEach(o.size(), c -> {
            boolean[] circle = o.circle.values();
            byte[] enemies = o.enemies.values();
            boolean[] quit = o.publicExit.values();
            int[] patron = o.patron.values();
            boolean[] leave = o.leave.values();
            byte[] route = o.route.values();
            int[] ids = o.table.ids();
            long[] notes = noted.buffer(c.worker());
            int noteAt = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int id = ids[i];
                // The hazard without a patron's protection bounds the true one, and the verdict is NONE
                // whenever the first draw is above the hazard: most officials are settled by the bound
                // alone, without looking up whether their patron still serves. Same result, fewer reads.
                double u1 = s.uniform(id, step, 0);
                if (u1 >= bound[((circle[i] ? 2 : 0) + (quit[i] ? 1 : 0)) * 256 + (enemies[i] & 0xFF)]) {
                    continue;
                }
                boolean protectedBy = patron[i] >= 0 && o.table.isLive(patron[i]);
                double h = perStep(Investigation.hazard(p, circle[i], enemies[i], quit[i], protectedBy), months);
                Investigation.Verdict v = Investigation.verdict(p, h, u1, s.uniform(id, step, 1), circle[i], enemies[i]);
                if (v == Investigation.Verdict.NONE) {
                    continue;
                }
                t.count(c.worker(), Counts.INVESTIGATED);
                if (v == Investigation.Verdict.GUILTY || v == Investigation.Verdict.FABRICATED) {
                    leave[i] = true;
                    route[i] = (byte) (v == Investigation.Verdict.GUILTY ? ExitRoute.DISMISSAL_GUILTY : ExitRoute.DISMISSAL_FABRICATED).ordinal();
                }
                noteAt = noted.note(notes, noteAt, (int) id, i, v.ordinal());
            }
            noted.keep(c, notes, noteAt);
        });
        noted.forEach((row, code) -> events.add(step, o.table.id(row), "investigation", switch (Investigation.Verdict.values()[code]) {
            case GUILTY -> "investigated by the discipline commission and found guilty of bribery";
            case FABRICATED -> "accused of bribery by enemies and convicted although innocent";
            default -> "investigated by the discipline commission and cleared";
        }));
    }

    /** A monthly probability turned into the probability over one step of {@code months} months. */
    private static double perStep(double monthly, double months) {
        return months == 1 ? monthly : 1 - Math.pow(1 - monthly, months);
    }

    /** Mechanism 11 (retirement, death, incompetence, resignation). */
    private void exits(Simulation sim) {
        Exits.Parameters p = parameters.exits();
        Officials o = officials;
        RandomStream s = streams.stream("exits");
        double months = parameters.monthsPerStep();
        double search = 1 - Math.pow(1 - p.search(), months);
        double retireMonths = 12 * p.retirementAge();
        // the death probability by age in months, computed once a step with the same function
        double[] death = new double[(int) Math.min(Short.MAX_VALUE + 1L, (long) retireMonths + 2)];
        for (int a = 0; a < death.length; a++) {
            death[a] = Exits.death(p, a / 12.0, months);
        }
        sim.parallel().forEach(o.size(), c -> {
            boolean[] leave = o.leave.values();
            byte[] route = o.route.values();
            short[] age = o.age.values();
            float[] comp = o.competence.values();
            byte[] stance = o.stance.values();
            for (int i = c.from(); i < c.to(); i++) {
                if (leave[i]) {
                    continue;
                }
                long id = o.table.id(i);
                ExitRoute r = ExitRoute.NONE;
                if (age[i] > retireMonths) {
                    r = ExitRoute.RETIREMENT;
                } else if (s.uniform(id, step, 0) < (age[i] < death.length ? death[age[i]] : Exits.death(p, age[i] / 12.0, months))) {
                    r = ExitRoute.DEATH;
                } else if (comp[i] < p.competenceFloor()) {
                    r = ExitRoute.DISMISSAL_INCOMPETENCE;
                } else if (stance[i] == Stance.EXIT.ordinal() && s.uniform(id, step, 1) < search) {
                    r = Exits.way(p, Officials.trait(o.foreignTies.values()[i]), o.savings.values()[i], s.uniform(id, step, 2));
                }
                if (r != ExitRoute.NONE) {
                    leave[i] = true;
                    route[i] = (byte) r.ordinal();
                }
            }
        });
    }

    /** Unit aggregates of this step (circle, reformers, leavers), then the leavers go. */
    private void departures(Simulation sim) {
        long[] staffByCell = unitAggregates(sim, true);
        Officials o = officials;
        boolean[] leave = o.leave.values();
        byte[] route = o.route.values();
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        int R = org.ranks;
        int sectors = Sector.values().length;
        if (exitsByCell == null) {
            exitsByCell = new long[org.levels * sectors];
            exposureByCell = new long[org.levels * sectors];
        }
        for (int cell = 0; cell < staffByCell.length; cell++) {
            exposureByCell[cell] += staffByCell[cell];
        }
        int[] leavers = sim.parallel().select(o.size(), (c, out) -> {
            int k = 0;
            for (int i = c.from(); i < c.to(); i++) {
                if (leave[i]) {
                    out[k++] = i;
                }
            }
            return k;
        });
        for (int i : leavers) {
            exitsByCell[org.level[unit[i]] * sectors + org.sector[unit[i]]]++;
            org.occupied[unit[i] * R + rank[i]]--;
            counts.exits[route[i]]++;
            int id = o.table.id(i);
            if (tracked(id)) {
                left(id, i, route[i]);
            }
        }
        o.table.removeRows(leavers, sim.parallel());
    }

    /** The event of a tracked official's rotation or transfer; a method of its own for the reason {@link #entered} gives. */
    private void moved(int id, String kind, String text, int unit) {
        events.add(step, id, kind, text + org.describe(unit));
    }

    /** The event of a tracked official's exit; a method of its own for the reason {@link #entered} gives. */
    private void left(int id, int row, byte route) {
        Officials o = officials;
        events.add(step, id, "exit", ExitRoute.values()[route].label() + " at age " + o.age.values()[row] / 12 + " after "
                + o.tenure.values()[row] / 12 + " years of service, as " + Rank.label(o.rank.values()[row], org.ranks));
    }

    /**
     * Per-unit circle share, reformer share and exit rate, and their sums by level; returns the staff
     * by (level, sector) cell.
     */
    private long[] unitAggregates(Simulation sim, boolean withLeavers) {
        Officials o = officials;
        int units = org.units();
        if (unitCounts == null || unitCounts.groups() != units) {
            unitCounts = new GroupCounts(units, 4, sim.parallel().threads());
        }
        // per unit: staff, in the circle, leaving, in Voice. The rows are mostly in unit order (the
        // order pass), so a run of one unit's rows is counted in local variables and added at once.
        GroupCounts ut = unitCounts;
        ut.reset(sim.parallel());
        sim.parallel().forEach(o.size(), c -> {
            int[] unit = o.unit.values();
            boolean[] circle = o.circle.values();
            boolean[] leave = o.leave.values();
            byte[] stance = o.stance.values();
            int w = c.worker();
            int current = -1;
            int staff = 0;
            int inCircle = 0;
            int leaving = 0;
            int voice = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int u = unit[i];
                if (u != current) {
                    if (staff > 0) {
                        addUnit(ut, w, current, staff, inCircle, leaving, voice);
                    }
                    current = u;
                    staff = 0;
                    inCircle = 0;
                    leaving = 0;
                    voice = 0;
                }
                staff++;
                inCircle += circle[i] ? 1 : 0;
                leaving += withLeavers && leave[i] ? 1 : 0;
                voice += stance[i] == Stance.VOICE.ordinal() ? 1 : 0;
            }
            if (staff > 0) {
                addUnit(ut, w, current, staff, inCircle, leaving, voice);
            }
        });
        int levels = org.levels;
        int sectors = Sector.values().length;
        // in the circle by level, then staff by level, then staff by (level, sector)
        long[] sums = sim.parallel().counts(units, 2 * levels + levels * sectors, (c, n) -> {
            for (int u = c.from(); u < c.to(); u++) {
                long staff = ut.count(u, 0);
                long cs = ut.count(u, 1);
                circleShare[u] = staff == 0 ? 0f : (float) ((double) cs / staff);
                exitRate[u] = staff == 0 ? 0f : (float) ((double) ut.count(u, 2) / staff);
                reformShare[u] = staff == 0 ? 0f : (float) ((double) ut.count(u, 3) / staff);
                n[org.level[u]] += cs;
                n[levels + org.level[u]] += staff;
                n[2 * levels + org.level[u] * sectors + org.sector[u]] += staff;
            }
        });
        counts.circleByLevel = new double[levels];
        for (int l = 0; l < levels; l++) {
            long staff = sums[levels + l];
            counts.circleByLevel[l] = staff == 0 ? 0 : (double) sums[l] / staff;
        }
        return java.util.Arrays.copyOfRange(sums, 2 * levels, sums.length);
    }

    private static void addUnit(GroupCounts ut, int worker, int unit, int staff, int inCircle, int leaving, int voice) {
        ut.add(worker, unit, 0, staff);
        ut.add(worker, unit, 1, inCircle);
        ut.add(worker, unit, 2, leaving);
        ut.add(worker, unit, 3, voice);
    }

    /** The index, made when first needed: it adopts the table's layout as its base if the rows are in key order. */
    UnitRankIndex index() {
        if (index == null) {
            index = new UnitRankIndex(org.units(), org.ranks);
            index.adopt(officials);
        }
        return index;
    }

    /** Mechanism 13. */
    private void careers(Simulation sim) {
        Careers.Parameters p = parameters.careers();
        Officials o = officials;
        int R = org.ranks;
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        short[] inPost = o.inPost.values();
        byte[] route = o.route.values();
        RandomStream s = streams.stream("careers");
        double rate = 1 - Math.pow(1 - p.rotationRate(), parameters.monthsPerStep());
        // Rotation: heads up for rotation, grouped by level, shuffled, swapped in pairs.
        List<List<Integer>> byLevel = new ArrayList<>();
        for (int l = 0; l < org.levels; l++) {
            byLevel.add(new ArrayList<>());
        }
        if (rate > 0 && org.units() > 1) {
            int[] ids = o.table.ids();
            int[] due = sim.parallel().select(o.size(), (c, out) -> {
                int k = 0;
                for (int i = c.from(); i < c.to(); i++) {
                    int u = unit[i];
                    if (u != 0 && rank[i] == org.topRank(u) && inPost[i] >= p.rotationMonths()
                            && s.uniform(ids[i], step, 0) < rate) {
                        out[k++] = i;
                    }
                }
                return k;
            });
            for (int i : due) {
                byLevel.get(org.level[unit[i]]).add(i);
            }
        }
        java.util.SplittableRandom shuffle = s.sequential(0, step);
        for (List<Integer> list : byLevel) {
            for (int k = list.size() - 1; k > 0; k--) {
                int j = shuffle.nextInt(k + 1);
                Integer tmp = list.get(k);
                list.set(k, list.get(j));
                list.set(j, tmp);
            }
            for (int k = 0; k + 1 < list.size(); k += 2) {
                int a = list.get(k);
                // a head is swapped with a head of another unit: look ahead for one
                for (int j = k + 1; j < list.size() && unit[list.get(k + 1)] == unit[a]; j++) {
                    if (unit[list.get(j)] != unit[a]) {
                        Integer tmp = list.get(k + 1);
                        list.set(k + 1, list.get(j));
                        list.set(j, tmp);
                    }
                }
                int b = list.get(k + 1);
                if (unit[b] == unit[a]) {
                    break;
                }
                int ua = unit[a];
                unit[a] = unit[b];
                unit[b] = ua;
                inPost[a] = 0;
                inPost[b] = 0;
                counts.rotations += 2;
                for (int x : new int[] {a, b}) {
                    int id = o.table.id(x);
                    if (tracked(id)) {
                        moved(id, "rotation", "rotated to head ", unit[x]);
                    }
                }
            }
        }
        // Punitive transfers to a sideline unit of the same level.
        int[] pending = sim.parallel().select(o.size(), (c, out) -> {
            int k = 0;
            for (int i = c.from(); i < c.to(); i++) {
                if (route[i] == TRANSFER_PENDING) {
                    out[k++] = i;
                }
            }
            return k;
        });
        for (int i : pending) {
            route[i] = 0;
            int id = o.table.id(i);
            int lv = org.level[unit[i]];
            int from = org.levelStart[lv];
            int width = org.levelStart[lv + 1] - from;
            int target = -1;
            for (int k = 0; k < p.transferTries() && width > 1; k++) {
                int u = from + s.nextInt(width, id, step, 1 + k);
                if (u != unit[i] && org.sectorOf(u).sideline() && rank[i] <= org.topRank(u) && org.vacancies(u, rank[i]) > 0) {
                    target = u;
                    break;
                }
            }
            if (target < 0) {
                continue;
            }
            org.occupied[unit[i] * R + rank[i]]--;
            org.occupied[target * R + rank[i]]++;
            unit[i] = target;
            inPost[i] = 0;
            counts.punitiveTransfers++;
            if (tracked(id)) {
                moved(id, "transfer", "transferred, as a punishment, to ", target);
            }
        }
    }

    /** Steps between two reorderings of the rows by unit and rank ({@link #order}). */
    static final int ORDER_EVERY = 12;

    /**
     * Every {@value #ORDER_EVERY} steps, the rows are put in (unit, rank) order (rows of one key
     * keep their order). Leavers' rows are filled with the last rows of the table and promotions move
     * officials between units, so the rows lose their order by unit as a run goes on; the passes
     * that read a per-unit value for every official then miss the caches at every row once the
     * per-unit arrays outgrow them (at 1e8 officials). No official's state changes; the choices that
     * follow row order (the pairing of rotated heads, the order of punitive transfers, the
     * {@code random} promotion strategy's pick, a recruit's patron) see another order afterwards,
     * the same on any number of threads.
     */
    private void order(Simulation sim) {
        if (step % ORDER_EVERY != 0) {
            return;
        }
        UnitRankIndex index = index();
        officials.table.permute(index.rowsInKeyOrder(officials, sim.parallel()), sim.parallel());
        // the official at row q is the one the index listed at place q: the rows are now in key
        // order with the same starts, and the index becomes a sorted base with no moved rows
        index.adoptPermuted(officials, sim.parallel());
        indexFresh = true;
    }

    /** Whether the (unit, rank) index describes the rows as they are (set by {@link #order}, used once). */
    private transient boolean indexFresh;

    /** Mechanism 6. */
    private void tournament(Simulation sim) {
        if (!indexFresh) {
            index().refresh(officials, sim.parallel());
        }
        indexFresh = false;
        long[] won = Tournament.fill(this, sim, step);
        counts.meritPromotions = won[0];
        counts.giftPromotions = won[1];
    }

    /** Mechanism 12. */
    private void recruitment(Simulation sim) {
        Recruitment.Parameters p = parameters.recruitment();
        Officials o = officials;
        int R = org.ranks;
        int units = org.units();
        RandomStream s = streams.stream("recruits");
        int startUnit = units == 1 ? 0 : s.nextInt(units, 0, step, 0);
        // Units take hires in turn from a random start, each as many as it has free posts. The turn
        // is cut into chunks of units: each chunk's free posts, summed, say which hires it takes
        // (integers: the same for any number of workers), and the chunks place them on the workers.
        int chunks = Parallel.chunks(units);
        long[] firstHire = new long[chunks + 1];
        sim.parallel().forEach(units, c -> {
            long free = 0;
            for (int off = c.from(); off < c.to(); off++) {
                int u = startUnit + off < units ? startUnit + off : startUnit + off - units;
                free += org.vacancies(u, 0);
            }
            firstHire[c.index() + 1] = free;
        });
        for (int c = 0; c < chunks; c++) {
            firstHire[c + 1] += firstHire[c];
        }
        long vacancies = firstHire[chunks];
        double perPost = Recruitment.applicantsPerPost(p, counts.meanMorale <= 0 ? 0.6 : counts.meanMorale);
        double applicants = perPost * vacancies;
        long hires = Math.min(vacancies, (long) Math.floor(applicants));
        counts.vacancies = vacancies;
        counts.applicantsPerPost = vacancies == 0 ? 0 : perPost;
        counts.hires = hires;
        if (hires == 0) {
            return;
        }
        RandomStream thresholds = streams.stream("thresholds");
        int[] unitOfHire = new int[(int) hires];
        sim.parallel().forEach(units, c -> {
            long k = firstHire[c.index()];
            for (int off = c.from(); off < c.to() && k < hires; off++) {
                int u = startUnit + off < units ? startUnit + off : startUnit + off - units;
                int free = org.vacancies(u, 0);
                for (int j = 0; j < free && k < hires; j++) {
                    unitOfHire[(int) k++] = u;
                    org.occupied[u * R]++;
                }
            }
        });
        int first = o.table.addMany((int) hires);
        int[] ids = o.table.ids();
        index(); // made before the workers read it
        sim.parallel().forEach((int) hires, 256, c -> { // a recruit costs some 40 draws: small chunks
            UnitRankIndex.Rows heads = new UnitRankIndex.Rows();
            for (int h = c.from(); h < c.to(); h++) {
                int row = first + h;
                long id = ids[row];
                int u = unitOfHire[h];
                double z = Recruitment.inverseNormal(Recruitment.percentile(h + 1, applicants));
                double age = Recruitment.clip(p.entryAge() + p.entryAgeSd() * s.normal(id, step, 20), 18, 60);
                Recruitment.draw(o, row, p, s, step, 0, age, z, 0, 0);
                o.unit.values()[row] = u;
                o.patron.values()[row] = headOf(u, heads);
                o.threshold.values()[row] = o.member.values()[row]
                        ? PartyExit.threshold(parameters.partyExit(), thresholds.normal(id, 0, 0),
                        Officials.trait(o.support.values()[row]))
                        : Double.POSITIVE_INFINITY;
            }
        });
        for (int h = 0; h < hires; h++) {
            int row = first + h;
            int id = ids[row];
            if (tracked(id)) {
                entered(id, row, unitOfHire[h], Recruitment.percentile(h + 1, applicants), perPost, s);
            }
        }
    }

    /**
     * The event of a tracked recruit's entry. A method of its own, called rarely, so that the JIT does
     * not inline the text's building into the compiled recruitment loop: a call site taken this rarely
     * is inlined only when the callee is tiny, and this method's bytecode is not. With the text built
     * in the loop, the loop's optimising compilation took ten times longer ({@code -XX:+LogCompilation},
     * 1e6 officials: 0.88 s against 0.09 s without tracking).
     */
    private void entered(int id, int row, int unit, double percentile, double perPost, RandomStream s) {
        Recruitment.Parameters p = parameters.recruitment();
        double age = Recruitment.clip(p.entryAge() + p.entryAgeSd() * s.normal(id, step, 20), 18, 60);
        events.add(step, id, "entry", "passed the civil-service exam (percentile " + Decimals.fixed(100 * percentile, 1)
                + " of " + Decimals.fixed(perPost, 0) + " applicants per post) and entered " + org.describe(unit) + " as "
                + Rank.label(0, org.ranks) + " at age " + (int) age + (officials.member.values()[row] ? ", a party member" : ""));
    }

    /** The id of the first official (lowest row) who was head of unit u when the index was brought up to date and still is; -1 if none. */
    private int headOf(int u, UnitRankIndex.Rows scratch) {
        int top = org.topRank(u);
        index().collect(u * org.ranks + top, scratch);
        int[] unit = officials.unit.values();
        byte[] rank = officials.rank.values();
        for (int q = 0; q < scratch.count; q++) {
            int row = scratch.rows[q];
            if (unit[row] == u && rank[row] == top) {
                return officials.table.id(row);
            }
        }
        return -1;
    }

    /** Mechanism 14. */
    private void partyExit(Simulation sim) {
        Officials o = officials;
        boolean[] quit = o.publicExit.values();
        boolean[] member = o.member.values();
        long[] membersActing = sim.parallel().counts(o.size(), 2, (c, n) -> {
            long members = 0;
            long acting = 0;
            for (int i = c.from(); i < c.to(); i++) {
                members += member[i] ? 1 : 0;
                acting += member[i] & quit[i] ? 1 : 0;
            }
            n[0] = members;
            n[1] = acting;
        });
        long members = membersActing[0];
        long acting = membersActing[1];
        double observed = (members == 0 ? 0 : (double) acting / members) + parameters.partyExit().outsideShare();
        double level = observed - PartyExit.shift(parameters.partyExit(), parameters.surveillance().intensity());
        double[] th = o.threshold.values();
        int[] joined = sim.parallel().select(o.size(), (c, out) -> PartyExit.apply(c, th, quit, level, out));
        counts.partyExits = joined.length;
        counts.partyExitsCumulative += joined.length;
        for (int i : joined) {
            int id = o.table.id(i);
            if (tracked(id)) {
                events.add(step, id, "party-exit", "publicly renounced party membership, with "
                        + Decimals.fixed(100 * observed, 1) + "% of members already gone");
            }
        }
    }

    /** Mechanism 15 and every per-step measurement. */
    private void measure(Simulation sim) {
        Officials o = officials;
        BureaucracyParameters p = parameters;
        GroupTally t = tally(sim);
        if (histogram == null) {
            histogram = new GroupTally(200 + 4 + org.ranks, 1, sim.parallel().threads());
        }
        GroupTally h = histogram;
        h.reset();
        double loadMember = PoliticalStudy.load(p.study(), true);
        double loadOther = PoliticalStudy.load(p.study(), false);
        double meaningless = p.quotas().meaninglessShare();
        // the factors of output that depend only on membership, stance or unit, once a step
        double[] timeLeft = {Math.max(0, 1 - loadOther - meaningless), Math.max(0, 1 - loadMember - meaningless)};
        int stances = Stance.values().length;
        double[] effort = new double[stances];
        double[] bonus = new double[stances];
        for (int k = 0; k < stances; k++) {
            effort[k] = ServiceOutput.effort(p.output(), k);
            bonus[k] = k == Stance.VOICE.ordinal() ? 1 + p.output().voiceBonus() : 1;
        }
        if (kept == null || kept.length != org.units()) {
            kept = new double[org.units()];
        }
        double[] kept = this.kept;
        sim.parallel().forEach(org.units(), c -> {
            for (int u = c.from(); u < c.to(); u++) {
                kept[u] = ServiceOutput.kept(p.output(), circleShare[u]);
            }
        });
        double output = sim.parallel().sum(o.size(), c -> {
            double sum = 0;
            int[] unit = o.unit.values();
            byte[] stance = o.stance.values();
            byte[] rank = o.rank.values();
            float[] comp = o.competence.values();
            float[] mor = o.morale.values();
            float[] str = o.stress.values();
            boolean[] member = o.member.values();
            boolean[] quit = o.publicExit.values();
            byte[] sup = o.support.values();
            GroupTally.Local hl = h.local();
            long falsifiers = 0;
            for (int i = c.from(); i < c.to(); i++) {
                int k = stance[i];
                sum += ServiceOutput.output(comp[i], effort[k], timeLeft[member[i] ? 1 : 0], kept[unit[i]], bonus[k]);
                hl.count(Math.min(99, (int) (mor[i] * 100)), mor[i]);
                hl.count(100 + Math.min(99, (int) (str[i] * 100)), str[i]);
                hl.count(200 + stance[i]);
                hl.count(204 + rank[i], comp[i]);
                falsifiers += (sup[i] & 0xFF) < 128 & !quit[i] ? 1 : 0; // branch-free: support is a coin toss
            }
            h.merge(c.worker(), hl);
            t.addCount(c.worker(), Counts.FALSIFIER, falsifiers);
            return sum;
        });
        int n = o.size();
        counts.output = output;
        counts.headcount = n;
        counts.stances = new double[4];
        for (int k = 0; k < 4; k++) {
            counts.stances[k] = n == 0 ? 0 : (double) h.countOf(200 + k) / n;
        }
        counts.morale = distribution(h, 0, n);
        counts.stress = distribution(h, 100, n);
        counts.meanMorale = counts.morale[0];
        int R = org.ranks;
        counts.competenceByRank = new double[R];
        counts.headByRank = new long[R];
        counts.postsByRank = new long[R];
        for (int r = 0; r < R; r++) {
            counts.competenceByRank[r] = h.sumOf(204 + r, 0);
            counts.headByRank[r] = h.countOf(204 + r);
            counts.postsByRank[r] = org.postsAtRank(r);
        }
        int levels = org.levels;
        // headcount by level, then the circle's members
        long[] byLevelAndCircle = sim.parallel().counts(org.units(), levels + 1, (c, acc) -> {
            for (int u = c.from(); u < c.to(); u++) {
                int head = unitHeadcount(u);
                acc[org.level[u]] += head;
                acc[levels] += Math.round(circleShare[u] * head);
            }
        });
        counts.headByLevel = java.util.Arrays.copyOf(byLevelAndCircle, levels);
        long inCircle = byLevelAndCircle[levels];
        for (int k = 0; k < Counts.KINDS; k++) {
            counts.kinds[k] = t.countOf(k);
        }
        counts.circleShare = n == 0 ? 0 : Math.min(1.0, (double) inCircle / n);
        events.sort();
    }

    private int unitHeadcount(int u) {
        int s = 0;
        for (int r = 0; r < org.ranks; r++) {
            s += org.occupied[u * org.ranks + r];
        }
        return s;
    }

    /** Mean (index 0) and deciles 10..90 (indices 1..9) from a 100-bin histogram. */
    private static double[] distribution(GroupTally h, int base, int n) {
        double[] d = new double[10];
        if (n == 0) {
            return d;
        }
        double sum = 0;
        for (int b = 0; b < 100; b++) {
            sum += h.sumOf(base + b, 0);
        }
        d[0] = sum / n;
        long cum = 0;
        int k = 1;
        for (int b = 0; b < 100 && k < 10; b++) {
            cum += h.countOf(base + b);
            while (k < 10 && cum * 10 >= (long) k * n) {
                d[k++] = (b + 0.5) / 100.0;
            }
        }
        return d;
    }

    // ------------------------------------------------------------------ outputs

    @Override
    public MetricSet metrics() {
        return BureaucracyMetrics.declare(this);
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
    public List<String> invariantViolations() {
        List<String> broken = new java.util.ArrayList<>();
        int R = org.ranks;
        int[] recount = new int[org.occupied.length];
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
        long expected = checkedHeadcount < 0 ? counts.headcount : checkedHeadcount + counts.hires - counts.exitsTotal();
        if (counts.headcount != expected || counts.headcount != officials.size()) {
            broken.add("headcount " + counts.headcount + " is not the previous " + checkedHeadcount + " + hires "
                    + counts.hires + " - exits " + counts.exitsTotal() + " (table holds " + officials.size() + ")");
        }
        checkedHeadcount = counts.headcount;
        return broken.size() > 5 ? broken.subList(0, 5) : broken;
    }

    @Override
    public List<org.officialdom.engine.Matrix> matrices() {
        int sectors = Sector.values().length;
        List<String> rows = new java.util.ArrayList<>();
        for (int l = 0; l < org.levels; l++) {
            rows.add(org.levels == Level.values().length ? Level.values()[l].label() : "level " + l);
        }
        List<String> columns = java.util.Arrays.stream(Sector.values()).map(Sector::label).toList();
        double[][] morale = new double[org.levels][sectors];
        double[][] present = new double[org.levels][sectors];
        int[] unit = officials.unit.values();
        float[] m = officials.morale.values();
        for (int i = 0; i < officials.size(); i++) {
            int l = org.level[unit[i]];
            int s = org.sector[unit[i]];
            morale[l][s] += m[i];
            present[l][s]++;
        }
        double[][] exitRate = new double[org.levels][sectors];
        double perYear = 12.0 / parameters.monthsPerStep();
        for (int l = 0; l < org.levels; l++) {
            for (int s = 0; s < sectors; s++) {
                morale[l][s] = present[l][s] == 0 ? Double.NaN : morale[l][s] / present[l][s];
                int cell = l * sectors + s;
                exitRate[l][s] = exposureByCell == null || exposureByCell[cell] == 0 ? Double.NaN
                        : perYear * exitsByCell[cell] / exposureByCell[cell];
            }
        }
        return List.of(
                new org.officialdom.engine.Matrix("morale_by_level_and_sector", "morale (0-1)",
                        "Mean morale of the officials in post at the end, by level and sector (empty cells: no one there)",
                        rows, columns, morale),
                new org.officialdom.engine.Matrix("exit_rate_by_level_and_sector", "share per year",
                        "Officials who left over the run per official-year present, by level and sector, all routes",
                        rows, columns, exitRate));
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public List<String> summary(MetricTable t) {
        return BureaucracyMetrics.summary(this, t);
    }
}
