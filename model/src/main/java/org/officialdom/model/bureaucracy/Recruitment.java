package org.officialdom.model.bureaucracy;

import org.officialdom.engine.MetricSet;
import org.officialdom.engine.GroupIndex;
import org.officialdom.engine.Parallel;
import org.officialdom.engine.RowList;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.model.parameter.Param;

/**
 * Mechanism 12, recruitment, and the trait distributions of every official who enters (at the start
 * or later). Seed (000): "The high rate of youth unemployment and the increased competition for civil
 * service positions have driven many to seek opportunities within the system."
 *
 * <p>Applicants per vacant bottom post:
 * {@code a = applicantsPerPost · cohort · (1 + unemploymentElasticity · (u − u_ref)/u_ref) · (attractiveness/m_ref)^attractivenessElasticity},
 * u the youth unemployment rate (a published series on the scenario's calendar), attractiveness the
 * officials' mean morale last step (word of mouth), m_ref the reference morale. The plan puts
 * {@code P = floor(plannedShare · vacancies)} posts to the exam (a cut in planned hiring leaves the
 * rest vacant); hires are {@code min(P, a · P)};
 * the posts go to the best exam scores: hire k of A applicants sits at exam percentile
 * {@code q_k = 1 − (k − ½)/A}, and competence is
 * {@code clip(competenceMean + competenceSd · (ρ Φ⁻¹(q_k) + √(1−ρ²) ε), 1, 10)}, ρ the exam's
 * validity. Default 72 applicants per post: 1.5 million qualified applicants for 20,839 posts in the
 * 2013 national exam (China Daily 2012-11-26).
 *
 * <p>Trait distributions (stated assumptions, documented in docs/odd.md): competence
 * Normal(7, 2) clipped to [1, 10] (Pluchino et al.'s scale); service motivation, integrity and
 * ambition the mean of two uniforms (triangular on [0, 1]); risk aversion uniform (as Epstein);
 * private support Normal(supportMean, supportSd) clipped; foreign ties u⁴ (most have none); party
 * membership with probability {@code memberShare} (rank adds 0.1 a step); savings uniform on
 * [0, 12] months.
 */
public final class Recruitment {

    public record Parameters(
            @Param(value = "Applicants per vacant post at reference unemployment and attractiveness.", unit = "applicants per post", min = 0, max = 10000)
            double applicantsPerPost,
            @Param(value = "Size of the youth cohort relative to the reference year.", unit = "ratio", min = 0, max = 10)
            double cohort,
            @Param(value = "Urban youth (16-24) unemployment rate.", unit = "percent", min = 0, max = 100, lever = true)
            double youthUnemployment,
            @Param(value = "Reference youth unemployment rate.", unit = "percent", min = 0.1, max = 100)
            double referenceUnemployment,
            @Param(value = "Relative rise in applicants per relative rise in youth unemployment.", unit = "elasticity", min = 0, max = 10)
            double unemploymentElasticity,
            @Param(value = "Elasticity of applicants to the job's attractiveness (officials' mean morale / reference morale).", unit = "elasticity", min = 0, max = 10)
            double attractivenessElasticity,
            @Param(value = "Officials' mean morale at which the job draws applicants_per_post (and the attractiveness before any is measured).", unit = "morale (0-1)", min = 0.01, max = 1)
            double referenceMorale,
            @Param(value = "Correlation of exam score and competence (the exam's validity).", unit = "correlation", min = 0, max = 1)
            double examValidity,
            @Param(value = "Mean competence of applicants.", unit = "competence (1-10)", min = 1, max = 10) double competenceMean,
            @Param(value = "Standard deviation of applicants' competence.", unit = "competence", min = 0, max = 10) double competenceSd,
            @Param(value = "Mean age at entry.", unit = "years", min = 16, max = 70) double entryAge,
            @Param(value = "Standard deviation of age at entry.", unit = "years", min = 0, max = 20) double entryAgeSd,
            @Param(value = "Share of entrants who are party members.", unit = "share", min = 0, max = 1) double memberShare,
            @Param(value = "Share of the vacant bottom-rank posts put to the exam each step (the plan; the rest stay vacant).", unit = "share", min = 0, max = 1, lever = true)
            double plannedShare,
            @Param(value = "Mean private regime support.", unit = "support (0-1)", min = 0, max = 1) double supportMean,
            @Param(value = "Standard deviation of private regime support.", unit = "support", min = 0, max = 1) double supportSd) {

        public static final Parameters DEFAULTS = new Parameters(72, 1, 12, 12, 1.0, 1.0, 0.6, 0.3, 7, 2, 24, 2, 0.6, 1.0, 0.6, 0.2);
    }

    private Recruitment() {
    }

    /** Applicants per vacant post this step. */
    public static double applicantsPerPost(Parameters p, double attractiveness) {
        double unemp = 1 + p.unemploymentElasticity() * (p.youthUnemployment() - p.referenceUnemployment()) / p.referenceUnemployment();
        double attract = Math.pow(Math.max(1e-6, attractiveness / p.referenceMorale()), p.attractivenessElasticity());
        return Math.max(0, p.applicantsPerPost() * p.cohort() * unemp * attract);
    }

    /** Exam percentile of the k-th best of A applicants (k from 1). */
    public static double percentile(long k, double applicants) {
        return Math.max(0.0, Math.min(1.0, 1 - (k - 0.5) / Math.max(applicants, k)));
    }

    /** The figures of the recruitment pass: vacancies, hires, applicants per post, posts put to the exam. */
    static final String FIGURES = "recruitment";
    static final int VACANCIES = 0;
    static final int HIRES = 1;
    static final int APPLICANTS_PER_POST = 2;
    static final int PLANNED = 3;
    static final int WIDTH = 4;

    /** The declared outputs of recruitment. */
    static void metrics(MetricSet s, Counts c) {
        double[] f = c.figures(FIGURES, WIDTH);
        s.alone();
        s.add("vacancies_bottom", "posts", "Vacant bottom-rank posts before recruitment", () -> f[VACANCIES]);
        s.add("hires", "officials per step", "Recruits who entered this step", () -> f[HIRES]);
        s.add("applicants_per_post", "applicants per post", "Exam applicants per post put to the exam", () -> f[APPLICANTS_PER_POST]);
        s.add("exam_posts", "posts per step", "Bottom-rank posts put to the exam this step (the plan)", () -> f[PLANNED]);
    }

    /** The step's exam: bottom-rank posts vacant before it, posts put to the exam, applicants per post, recruits hired. */
    record Intake(long vacancies, long planned, double applicantsPerPost, long hires) {
    }

    /**
     * The pass: the exam fills the vacant bottom-rank posts. Units take hires in turn from a random
     * start (draw 0 of stream "recruits" for (0, step)), each as many as it has free posts; hire k
     * gets the k-th best exam score, its traits ({@link #draw}), its unit's head as patron and, if
     * a member, a party-exit threshold ({@link PartyExit#threshold}).
     *
     * @param meanMorale the officials' mean morale last step (the job's attractiveness)
     */
    static Intake hire(Parameters p, PartyExit.Parameters party, double meanMorale, Officials o, Organisation org,
                       GroupIndex index, RandomStream s, RandomStream thresholds, long step, Parallel parallel,
                       Chronicle chronicle) {
        int units = org.units();
        int startUnit = units == 1 ? 0 : s.nextInt(units, 0, step, 0);
        // The turn is cut into chunks of units: each chunk's free posts, summed, say which hires it
        // takes (integers: the same for any number of workers), and the chunks place them on the workers.
        int chunks = Parallel.chunks(units);
        long[] firstHire = new long[chunks + 1];
        parallel.forEach(units, c -> {
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
        long planned = (long) Math.floor(p.plannedShare() * vacancies);
        double perPost = applicantsPerPost(p, meanMorale <= 0 ? p.referenceMorale() : meanMorale);
        double applicants = perPost * planned;
        long hires = Math.min(planned, (long) Math.floor(applicants));
        Intake intake = new Intake(vacancies, planned, planned == 0 ? 0 : perPost, hires);
        if (hires == 0) {
            return intake;
        }
        int[] unitOfHire = new int[(int) hires];
        parallel.forEach(units, c -> {
            long k = firstHire[c.index()];
            for (int off = c.from(); off < c.to() && k < hires; off++) {
                int u = startUnit + off < units ? startUnit + off : startUnit + off - units;
                int free = org.vacancies(u, 0);
                for (int j = 0; j < free && k < hires; j++) {
                    unitOfHire[(int) k++] = u;
                    org.occupy(u, 0);
                }
            }
        });
        int first = o.table.addMany((int) hires);
        int[] ids = o.table.ids();
        parallel.forEach((int) hires, 256, c -> { // a recruit costs some 40 draws: small chunks
            RowList heads = c.scratch().rows();
            for (int h = c.from(); h < c.to(); h++) {
                int row = first + h;
                long id = ids[row];
                int u = unitOfHire[h];
                double z = inverseNormal(percentile(h + 1, applicants));
                double age = clip(p.entryAge() + p.entryAgeSd() * s.normal(id, step, 20), 18, 60);
                draw(o, row, p, s, step, 0, age, z, 0, 0);
                o.unit.values()[row] = u;
                o.patron.values()[row] = headOf(u, o, org, index, heads);
                o.threshold.values()[row] = o.member.values()[row]
                        ? PartyExit.threshold(party, thresholds.normal(id, 0, 0))
                        : Double.POSITIVE_INFINITY;
            }
        });
        for (int h = 0; h < hires; h++) {
            int row = first + h;
            int id = ids[row];
            if (chronicle.tracked(id)) {
                double age = clip(p.entryAge() + p.entryAgeSd() * s.normal(id, step, 20), 18, 60);
                chronicle.add(id, new CareerEvent.Entered(unitOfHire[h], percentile(h + 1, applicants), perPost, (int) age,
                        o.member.values()[row]));
            }
        }
        return intake;
    }

    /** The lowest id among the heads of unit u (its officials at its top rank), or -1 if it has none. */
    private static int headOf(int u, Officials o, Organisation org, GroupIndex index, RowList scratch) {
        int top = org.topRank(u);
        index.collect(u * org.ranks() + top, scratch);
        int[] unit = o.unit.values();
        byte[] rank = o.rank.values();
        int head = -1;
        for (int q = 0; q < scratch.size(); q++) {
            int row = scratch.get(q);
            int id = o.table.id(row);
            if (unit[row] == u && rank[row] == top && (head < 0 || id < head)) {
                head = id;
            }
        }
        return head;
    }

    /** Draws the traits of a new official in row {@code row} (draws 0..15 of the stream for its id). */
    static void draw(Officials o, int row, Parameters p, RandomStream s, long step, int rank, double ageYears,
                     double examZ, double circleShare, double integrityAtLeast) {
        long id = o.table.id(row);
        double rho = p.examValidity();
        double z = rho * examZ + Math.sqrt(1 - rho * rho) * s.normal(id, step, 0);
        o.competence.values()[row] = (float) clip(p.competenceMean() + p.competenceSd() * z, 1, 10);
        o.motivation.values()[row] = Officials.toTrait((s.uniform(id, step, 2) + s.uniform(id, step, 3)) / 2);
        float integrity = (float) Math.max(integrityAtLeast, (s.uniform(id, step, 4) + s.uniform(id, step, 5)) / 2);
        o.integrity.values()[row] = integrity;
        o.ambition.values()[row] = Officials.toTrait((s.uniform(id, step, 6) + s.uniform(id, step, 7)) / 2);
        o.riskAversion.values()[row] = Officials.toTrait(s.uniform(id, step, 8));
        o.support.values()[row] = Officials.toTrait(p.supportMean() + p.supportSd() * s.normal(id, step, 5));
        double t = s.uniform(id, step, 12);
        o.foreignTies.values()[row] = Officials.toTrait(t * t * t * t);
        o.member.values()[row] = s.uniform(id, step, 13) < Math.min(1.0, p.memberShare() + 0.1 * rank);
        o.savings.values()[row] = (float) (12 * s.uniform(id, step, 14));
        o.circle.values()[row] = s.uniform(id, step, 15) < circleShare * (1 - integrity);
        o.rank.values()[row] = (byte) rank;
        o.age.values()[row] = Officials.months(12 * ageYears);
        o.morale.values()[row] = 0.7f;
        o.stress.values()[row] = 0.1f;
    }

    static double clip(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** Inverse of the standard normal distribution function (Acklam's rational approximation, |error| < 1.2e-9). */
    public static double inverseNormal(double q) {
        if (q <= 0) {
            return -8;
        }
        if (q >= 1) {
            return 8;
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (q < low) {
            double x = Math.sqrt(-2 * Math.log(q));
            return (((((c[0] * x + c[1]) * x + c[2]) * x + c[3]) * x + c[4]) * x + c[5]) / ((((d[0] * x + d[1]) * x + d[2]) * x + d[3]) * x + 1);
        }
        if (q > 1 - low) {
            double x = Math.sqrt(-2 * Math.log(1 - q));
            return -(((((c[0] * x + c[1]) * x + c[2]) * x + c[3]) * x + c[4]) * x + c[5]) / ((((d[0] * x + d[1]) * x + d[2]) * x + d[3]) * x + 1);
        }
        double x = q - 0.5;
        double r = x * x;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * x
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
