package org.officialdom.lab.calibration;

import java.util.List;
import org.officialdom.engine.MetricTable;
import org.officialdom.model.scenario.Scenario;

/**
 * One pattern a calibration fits: an observed series and the same quantity summarised from a run.
 *
 * <p>Two kinds:
 * <ul>
 *   <li><b>by step</b> ({@code summary: step}): {@code values[i]} is the metric at step
 *       {@code fromStep + i};</li>
 *   <li><b>by year</b>: {@code values[i]} belongs to the scenario's calendar year {@code years[i]}
 *       (steps whose month, from the scenario's start, falls in that year). The run's side of year
 *       y is {@code times · Σ_m S_y(m) / Σ_p S_y(p)} over the target's metrics m and the optional
 *       denominator metrics p, where S_y is the summary: {@code year_mean} (mean over the year's
 *       steps), {@code year_sum} (sum) or {@code year_end} (the year's last step). Without a
 *       denominator the quotient is left out. With {@code pool} the years are pooled into one value:
 *       the summaries are summed over the years before the quotient (a share over a whole period).</li>
 * </ul>
 *
 * @param name      a label for tables and the store
 * @param metrics   the model's metrics summed into the numerator (one, usually)
 * @param per       the metrics summed into the denominator (empty: none)
 * @param summary   step, year_mean, year_sum or year_end
 * @param times     a constant factor (1000 for "per 1,000 officials")
 * @param pool      one value for all the years together
 * @param fromStep  first step of a by-step target
 * @param years     the scenario's calendar years of a by-year target's values (pooled: the years pooled)
 * @param yearShift the scenario's year of a data row minus the row's own year (the data's year of value i is
 *                  {@code years[i] − yearShift})
 * @param values    the observed values (one when pooled)
 * @param fitted    whether each value enters the distance (false: held out, for the out-of-sample check)
 * @param weight    weight of the target in the distance
 * @param source    where the observed values come from
 */
public record Target(String name, List<String> metrics, List<String> per, String summary, double times, boolean pool,
                     int fromStep, int[] years, int yearShift, double[] values, boolean[] fitted, double weight, String source) {

    public boolean byStep() {
        return summary.equals("step");
    }

    /** The target's label of value {@code i}: its year in the data, the pooled years, or its step's month. */
    public String labelOf(int i, Scenario sc) {
        if (byStep()) {
            return sc.labelOf(fromStep + i);
        }
        return pool ? (years[0] - yearShift) + "-" + (years[years.length - 1] - yearShift) : Integer.toString(years[i] - yearShift);
    }

    /** The run's side of each value. */
    public double[] simulate(MetricTable m, Scenario sc) {
        if (byStep()) {
            double[] col = m.column(metrics.get(0));
            double[] out = new double[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = col[fromStep + i];
            }
            return out;
        }
        int steps = m.column(metrics.get(0)).length - 1;
        if (pool) {
            double num = 0;
            double den = 0;
            for (int y : years) {
                num += sum(m, metrics, sc, steps, y);
                den += per.isEmpty() ? 1 : sum(m, per, sc, steps, y);
            }
            return new double[] {quotient(num, den)};
        }
        double[] out = new double[years.length];
        for (int i = 0; i < years.length; i++) {
            double num = sum(m, metrics, sc, steps, years[i]);
            out[i] = quotient(num, per.isEmpty() ? 1 : sum(m, per, sc, steps, years[i]));
        }
        return out;
    }

    private double quotient(double num, double den) {
        return den == 0 ? 0 : times * num / den;
    }

    private double sum(MetricTable m, List<String> names, Scenario sc, int steps, int year) {
        double s = 0;
        for (String name : names) {
            s += summarise(m.column(name), sc, steps, year);
        }
        return s;
    }

    private double summarise(double[] col, Scenario sc, int steps, int year) {
        double sum = 0;
        int n = 0;
        double last = Double.NaN;
        for (int step = 1; step <= steps; step++) {
            if (yearOf(sc, step) == year) {
                sum += col[step];
                n++;
                last = col[step];
            }
        }
        return switch (summary) {
            case "year_mean" -> n == 0 ? Double.NaN : sum / n;
            case "year_sum" -> sum;
            case "year_end" -> last;
            default -> throw new IllegalStateException(summary);
        };
    }

    /** The calendar year of a step of a scenario with a start month. */
    static int yearOf(Scenario sc, long step) {
        return Integer.parseInt(sc.labelOf(step).substring(0, 4));
    }

    /**
     * The distance of a simulated series to the observed one over the fitted values: the root mean
     * squared error divided by the mean absolute observed value (so targets in different units
     * weigh alike), times the weight.
     */
    public double distance(double[] simulated) {
        double se = 0;
        double scale = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (fitted[i]) {
                double d = simulated[i] - values[i];
                se += d * d;
                scale += Math.abs(values[i]);
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        scale /= n;
        double rmse = Math.sqrt(se / n);
        return weight * (Double.isNaN(rmse) ? Double.MAX_VALUE : rmse) / (scale > 0 ? scale : 1);
    }
}
