package org.officialdom.model.bureaucracy;

import java.util.List;
import org.officialdom.engine.Parallel;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 3, pay. Seed (000): "many of whom were facing reduced salaries" (grassroots officials);
 * "one of the best units in her city where salaries remained unaffected by the pandemic".
 *
 * <p>Monthly pay, in units of a township clerk's base pay:
 * {@code w = (1 + rankPremium · rank) · (1 + levelPremium · (L − 1 − level)) · (1 − cut_level · [budget < protected])}.
 * The outside wage an official could earn is
 * {@code w_out = outsideWage · market · (competence / 7) · (1 + rankPremium · rank)}: the private sector
 * pays for competence and, less surely, for connections of rank; {@code market =
 * max(0, 1 − marketSensitivity · (u − u_ref)/u_ref)} is the state of the private labour market, read
 * from urban youth unemployment u (the published series, mechanism 12): when young graduates find no
 * work, insiders' outside options shrink too. Pay fairness is
 * {@code min(1, w / w_out)}. Savings grow by {@code savingRate · w} a month (in months of own pay).
 */
public final class Pay {

    public record Parameters(
            @Param(value = "Pay rise per rank step, as a share of base pay.", unit = "share per rank", min = 0, max = 5)
            double rankPremium,
            @Param(value = "Pay rise per level above the township.", unit = "share per level", min = 0, max = 5)
            double levelPremium,
            @Param(value = "Pay cut by level, central first (applies to units below the protected budget).", unit = "share", lever = true,
                    min = 0, max = 1, entries = 5)
            List<Double> cutByLevel,
            @Param(value = "Outside (private-sector) wage for a competence-7 clerk, relative to a township clerk's pay.", unit = "ratio", min = 0, max = 20)
            double outsideWage,
            @Param(value = "Share of pay saved each month.", unit = "share", min = 0, max = 1)
            double savingRate,
            @Param(value = "Relative fall of the outside wage per relative rise of youth unemployment above its reference.", unit = "elasticity", min = 0, max = 10)
            double marketSensitivity) {

        public static final Parameters DEFAULTS = new Parameters(0.35, 0.10, List.of(0.0, 0.0, 0.0, 0.0, 0.0), 1.1, 0.15, 0.5);

        public Parameters {
            cutByLevel = cutByLevel == null ? List.of() : List.copyOf(cutByLevel);
        }
    }

    private Pay() {
    }

    /** Pay of an official, in township-clerk base pays per month. */
    public static double pay(Parameters p, int rank, int level, int levels, boolean protectedUnit) {
        double cut = protectedUnit || level >= p.cutByLevel().size() ? 0 : p.cutByLevel().get(level);
        return (1 + p.rankPremium() * rank) * (1 + p.levelPremium() * (levels - 1 - level)) * (1 - cut);
    }

    /**
     * Pay for every (budget protected or not, level, rank), computed once a step so that the passes
     * read a table instead of the parameter list: entry {@code (protected · levels + level) · ranks + rank}
     * is {@link #pay}{@code (p, rank, level, levels, protected)}.
     */
    public static double[] table(Parameters p, int levels, int ranks) {
        double[] t = new double[2 * levels * ranks];
        for (int prot = 0; prot < 2; prot++) {
            for (int level = 0; level < levels; level++) {
                for (int rank = 0; rank < ranks; rank++) {
                    t[(prot * levels + level) * ranks + rank] = pay(p, rank, level, levels, prot == 1);
                }
            }
        }
        return t;
    }

    /** The private labour market: {@code max(0, 1 − marketSensitivity · (u − u_ref)/u_ref)}, u the youth unemployment rate. */
    public static double market(Parameters p, double youthUnemployment, double referenceUnemployment) {
        return Math.max(0, 1 - p.marketSensitivity() * (youthUnemployment - referenceUnemployment) / referenceUnemployment);
    }

    /** The outside wage on offer to an official of this competence and rank, in this labour market. */
    public static double outside(Parameters p, double competence, int rank, double market) {
        return p.outsideWage() * market * (competence / 7.0) * (1 + p.rankPremium() * rank);
    }

    /**
     * The outside wage per point of competence at a rank, {@code outsideWage · market / 7 · (1 + rankPremium · rank)},
     * once a step: {@code competence × outsidePerCompetence} is {@link #outside} without its division
     * (equal up to the last bits).
     */
    public static double outsidePerCompetence(Parameters p, int rank, double market) {
        return p.outsideWage() * market / 7.0 * (1 + p.rankPremium() * rank);
    }

    /** Pay fairness: pay over the outside wage, capped at 1. */
    public static double fairness(double pay, double outside) {
        return outside <= 0 ? 1 : Math.min(1.0, pay / outside);
    }

    /**
     * This step's pay and outside wage, prepared once a step from {@link #pay} and
     * {@link #outsidePerCompetence} for the passes that read them per official (pressures, evln).
     * The per-unit array is kept from step to step.
     */
    static final class Schedule {
        private double[] pay;
        private int[] row = new int[0];
        private double[] outsidePerCompetence;

        void prepare(Parameters p, Organisation org, double protectedBudget, double market, Parallel parallel) {
            pay = Pay.table(p, org.levels(), org.ranks());
            outsidePerCompetence = new double[org.ranks()];
            for (int r = 0; r < org.ranks(); r++) {
                outsidePerCompetence[r] = Pay.outsidePerCompetence(p, r, market);
            }
            if (row.length != org.units()) {
                row = new int[org.units()];
            }
            int[] at = row;
            parallel.forEach(org.units(), c -> {
                for (int u = c.from(); u < c.to(); u++) {
                    at[u] = ((org.budget(u) >= protectedBudget ? 1 : 0) * org.levels() + org.levelOf(u)) * org.ranks();
                }
            });
        }

        /** The pay of an official of this rank in unit {@code u}: {@link #pay} of its unit's level and budget. */
        double of(int u, int rank) {
            return pay[row[u] + rank];
        }

        /** {@link Pay#table}: pay by (budget protected, level, rank). */
        double[] table() {
            return pay;
        }

        /** Per unit: where its row of {@link #table()} starts ({@code pay = table[rows[u] + rank]}). */
        int[] rows() {
            return row;
        }

        /** By rank: {@link Pay#outsidePerCompetence}. */
        double[] outsidePerCompetence() {
            return outsidePerCompetence;
        }
    }
}
