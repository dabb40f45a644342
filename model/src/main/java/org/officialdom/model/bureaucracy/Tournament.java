package org.officialdom.model.bureaucracy;

import org.officialdom.engine.Metric.ChartStyle;
import org.officialdom.engine.MetricSet;
import java.util.List;
import org.officialdom.engine.GroupIndex;
import org.officialdom.engine.Parallel;
import org.officialdom.engine.RowList;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 6, the promotion tournament. Seed (001): "If you refuse to enter the circle by giving
 * gifts, you are unlikely to get a position, not to mention any promotion."
 *
 * <p>Vacancies are filled top-down: for each rank r from the top, each vacancy at (unit u, r) is
 * filled from the officials at rank r − 1 in u and in u's child units. Under the strategy
 * {@code best} the winner has the highest score
 * {@code score = merit · competence/10 + gift · [circle] + loyalty · displayedLoyalty − blockPenalty · retaliations},
 * displayed loyalty being 1 for Loyalty, 0.3 for Neglect, 0.2 for Exit, 0 for Voice and for a public
 * party exit. Pluchino, Rapisarda and Garofalo (2010) add {@code worst} (lowest score),
 * {@code random} and {@code best_worst} (best with probability p, else worst). Ties go to the lower id.
 * Under {@code random} each candidate holds a lottery ticket, a uniform draw of stream
 * "promotion-lottery" for (id, step, rank), and the lowest ticket wins: who wins never depends on
 * where the candidates' rows lie.
 * A promotion counts as won by gift when the winner is in the circle and is not the most competent
 * candidate.
 *
 * <p>The promoted official's competence at the new rank follows the {@code common_sense} hypothesis
 * ({@code c + U(−spread, spread)}, kept in [1, 10]) or the {@code peter} hypothesis (a fresh
 * {@code Normal(peterMean, peterSd)} draw, kept in [1, 10]): "in a hierarchy every employee tends to
 * rise to his level of incompetence". With gift and loyalty weighted zero on Pluchino's 160-post
 * pyramid, this is their model (the {@code peter} scenario).
 */
public final class Tournament {

    public enum Strategy { BEST, WORST, RANDOM, BEST_WORST }

    public enum Hypothesis { COMMON_SENSE, PETER }

    public record Parameters(
            @Param(value = "Weight of merit (competence / 10) in the score.", min = 0, lever = true) double merit,
            @Param(value = "Weight of gifts (membership of the gift circle) in the score.", min = 0, lever = true) double gift,
            @Param(value = "Weight of displayed loyalty in the score.", min = 0, lever = true) double loyalty,
            @Param(value = "Score lost per retaliation suffered (a blocked promotion).", min = 0) double blockPenalty,
            @Param("Who wins: best, worst, random or best_worst (Pluchino et al.).") Strategy strategy,
            @Param(value = "Probability of choosing the best under best_worst.", unit = "share", min = 0, max = 1) double bestWorstP,
            @Param("Competence at the new rank: common_sense (old ± spread) or peter (a fresh draw).") Hypothesis hypothesis,
            @Param(value = "Half-width of the competence change under common_sense.", unit = "competence", min = 0, max = 10) double spread,
            @Param(value = "Mean competence of a fresh draw under peter.", unit = "competence", min = 1, max = 10) double peterMean,
            @Param(value = "Standard deviation of a fresh draw under peter.", unit = "competence", min = 0, max = 10) double peterSd,
            @Param(value = "Responsibility weight by rank, bottom first, for global efficiency (empty: (r+1)/R).", unit = "weights",
                    min = 0, max = 1_000_000)
            List<Double> responsibility) {

        public static final Parameters DEFAULTS = new Parameters(1.0, 0.5, 0.3, 0.3, Strategy.BEST, 0.5,
                Hypothesis.COMMON_SENSE, 1.0, 7, 2, List.of());

        public Parameters {
            responsibility = responsibility == null ? List.of() : List.copyOf(responsibility);
        }
    }

    private Tournament() {
    }

    /** The figures of the tournament: promotions won on merit and by gift. */
    static final String FIGURES = "promotions";
    static final int MERIT = 0;
    static final int GIFT = 1;

    /** The declared outputs of the tournament. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(FIGURES, 2);
        s.chart("Promotions: merit vs gift", ChartStyle.LINES);
        s.add("promotions_merit", "promotions per step", "Promotions won on merit (or without gifts deciding)", () -> f[MERIT]);
        s.add("promotions_gift", "promotions per step", "Promotions won by a circle member over a more competent rival", () -> f[GIFT]);
    }

    public static double displayedLoyalty(int stance, boolean publicExit) {
        if (publicExit) {
            return 0;
        }
        return switch (stance) {
            case 0 -> 1.0;
            case 2 -> 0.3;
            case 3 -> 0.2;
            default -> 0.0;
        };
    }

    public static double score(Parameters p, double competence, boolean circle, int stance, boolean publicExit, int retaliations) {
        return p.merit() * competence / 10.0 + (circle ? p.gift() : 0) + p.loyalty() * displayedLoyalty(stance, publicExit)
                - p.blockPenalty() * retaliations;
    }

    /** Competence after promotion under the hypothesis in force (draws 0 and 1 of the stream). */
    public static double newCompetence(Parameters p, double old, RandomStream s, long id, long step) {
        double c = p.hypothesis() == Hypothesis.PETER
                ? p.peterMean() + p.peterSd() * s.normal(id, step, 0)
                : old + p.spread() * (2 * s.uniform(id, step, 2) - 1);
        return Math.max(1.0, Math.min(10.0, c));
    }

    /** Responsibility weight of rank r in a ladder of R ranks. */
    public static double responsibility(Parameters p, int r, int ranks) {
        return p.responsibility().size() == ranks ? p.responsibility().get(r) : (r + 1.0) / ranks;
    }

    /** Pluchino's global efficiency in percent: 100 Σ w_r C_r / (10 Σ w_r n_r). */
    public static double efficiency(Parameters p, double[] competenceByRank, long[] postsByRank) {
        double num = 0;
        double den = 0;
        for (int r = 0; r < postsByRank.length; r++) {
            double w = responsibility(p, r, postsByRank.length);
            num += w * competenceByRank[r];
            den += w * postsByRank[r];
        }
        return den == 0 ? 0 : 100 * num / (10 * den);
    }

    /** What one round of promotions did: won on merit and by gift, and won by members and by others, by level. */
    record Round(long merit, long gift, long[] membersByLevel, long[] othersByLevel) {
    }

    /**
     * Fills the vacancies of every rank above the bottom.
     *
     * <p>Ranks are filled from the top down and, within a rank, level by level from the top. The
     * units of one level fill their rank-r posts in parallel: a unit draws only on its own officials
     * and its children's, so two units of the same level never compete for a candidate, and each
     * unit's draws are keyed by (unit, rank, step). The result is the one a sequential pass over the
     * units in order would give, whatever the thread count.
     */
    static Round fill(Parameters p, Organisation org, Officials o, GroupIndex index, RandomStream pick, RandomStream lot,
                      RandomStream draw, long step, Parallel parallel, Chronicle chronicle) {
        int R = org.ranks();
        long[] won = new long[2];
        long[] members = new long[org.levels()];
        long[] others = new long[org.levels()];
        Filling round = new Filling(p, org, o, index, pick, lot, draw, step, chronicle);
        for (int r = R - 1; r >= 1; r--) {
            for (int l = 0; l < org.levels(); l++) {
                if (org.topRankOfLevel(l) < r) {
                    continue;
                }
                int rank = r;
                int first = org.firstUnit(l);
                int width = org.firstUnit(l + 1) - first;
                // a unit's vacancies cost far more than a table row: chunks of 256 units
                long[] w = parallel.counts(width, 256, 3, (c, n) -> {
                    RowList candidates = c.scratch().rows();
                    for (int u = first + c.from(); u < first + c.to(); u++) {
                        round.fillUnit(u, rank, n, candidates);
                    }
                });
                won[0] += w[0];
                won[1] += w[1];
                members[l] += w[2];
                others[l] += w[0] + w[1] - w[2];
            }
        }
        return new Round(won[0], won[1], members, others);
    }

    /** What the units of one round read: the columns, the index and the streams, looked up once a step. */
    private static final class Filling {
        final Parameters p;
        final Organisation org;
        final Officials o;
        final long step;
        final byte[] rank;
        final int[] unit;
        final float[] comp;
        final boolean[] circle;
        final byte[] stance;
        final boolean[] quit;
        final byte[] ret;
        final short[] inPost;
        final GroupIndex index;
        final RandomStream pick;
        final RandomStream lot;
        final RandomStream draw;
        final Chronicle chronicle;

        Filling(Parameters p, Organisation org, Officials o, GroupIndex index, RandomStream pick, RandomStream lot,
                RandomStream draw, long step, Chronicle chronicle) {
            this.p = p;
            this.org = org;
            this.o = o;
            this.step = step;
            rank = o.rank.values();
            unit = o.unit.values();
            comp = o.competence.values();
            circle = o.circle.values();
            stance = o.stance.values();
            quit = o.publicExit.values();
            ret = o.retaliations.values();
            inPost = o.inPost.values();
            this.index = index;
            this.pick = pick;
            this.lot = lot;
            this.draw = draw;
            this.chronicle = chronicle;
        }

        /** Fills the vacant rank-r posts of unit u from rank r − 1 in u and its children; adds to {merit, gift, won by a member}. */
        void fillUnit(int u, int r, long[] won, RowList list) {
            int R = org.ranks();
            int vacancies = org.vacancies(u, r);
            int k = 0;
            while (k < vacancies) {
                int chooseBest = switch (p.strategy()) {
                    case BEST -> 1;
                    case WORST -> 0;
                    case RANDOM -> -1;
                    case BEST_WORST -> pick.uniform(u * (long) R + r, step, 2L * k + 1) < p.bestWorstP() ? 1 : 0;
                };
                int best = -1;
                int worst = -1;
                int ablest = -1;
                double bestScore = 0;
                double worstScore = 0;
                int eligible = 0;
                int nChildren = org.tree().childCount(u);
                for (int g = -1; g < nChildren; g++) {
                    int src = g < 0 ? u : org.tree().child(u, g);
                    index.collect(src * R + r - 1, list);
                    for (int q = 0; q < list.size(); q++) {
                        int row = list.get(q);
                        if (rank[row] != r - 1 || unit[row] != src) {
                            continue;
                        }
                        eligible++;
                        double s = score(p, comp[row], circle[row], stance[row], quit[row], ret[row]);
                        int id = o.table.id(row);
                        if (best < 0 || s > bestScore || (s == bestScore && id < o.table.id(best))) {
                            best = row;
                            bestScore = s;
                        }
                        if (worst < 0 || s < worstScore || (s == worstScore && id < o.table.id(worst))) {
                            worst = row;
                            worstScore = s;
                        }
                        if (ablest < 0 || comp[row] > comp[ablest] || (comp[row] == comp[ablest] && id < o.table.id(ablest))) {
                            ablest = row;
                        }
                    }
                }
                if (eligible == 0) {
                    break;
                }
                int winner;
                if (chooseBest == 1) {
                    winner = best;
                } else if (chooseBest == 0) {
                    winner = worst;
                } else {
                    winner = lottery(u, r, list);
                }
                int from = unit[winner];
                org.move(from, r - 1, u, r);
                rank[winner] = (byte) r;
                unit[winner] = u;
                inPost[winner] = 0;
                int id = o.table.id(winner);
                comp[winner] = (float) newCompetence(p, comp[winner], draw, id, step);
                boolean byGift = circle[winner] && winner != ablest && p.gift() > 0;
                won[byGift ? 1 : 0]++;
                won[2] += circle[winner] ? 1 : 0;
                if (chronicle.tracked(id)) {
                    chronicle.add(id, new CareerEvent.Promoted(r, u, byGift, eligible));
                }
                k++;
            }
        }

        /**
         * The {@code random} strategy's winner for a rank-r post of unit u: the eligible candidate
         * with the lowest lottery ticket, a draw for (id, step, r); ties to the lower id.
         */
        private int lottery(int u, int r, RowList list) {
            int R = org.ranks();
            int winner = -1;
            double lowest = 0;
            int nChildren = org.tree().childCount(u);
            for (int g = -1; g < nChildren; g++) {
                int src = g < 0 ? u : org.tree().child(u, g);
                index.collect(src * R + r - 1, list);
                for (int q = 0; q < list.size(); q++) {
                    int row = list.get(q);
                    if (rank[row] != r - 1 || unit[row] != src) {
                        continue;
                    }
                    int id = o.table.id(row);
                    double ticket = lot.uniform(id, step, r);
                    if (winner < 0 || ticket < lowest || (ticket == lowest && id < o.table.id(winner))) {
                        winner = row;
                        lowest = ticket;
                    }
                }
            }
            return winner;
        }
    }
}
