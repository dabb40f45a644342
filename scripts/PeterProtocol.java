import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.officialdom.engine.Simulation;
import org.officialdom.model.bureaucracy.Bureaucracy;
import org.officialdom.model.bureaucracy.BureaucracyParameters;
import org.officialdom.model.bureaucracy.Tournament;
import org.officialdom.model.scenario.ScenarioLoader;

/**
 * Pluchino, Rapisarda and Garofalo's (2010) protocol on the built-in {@code peter} scenario: every
 * strategy under both hypotheses, on the same initial configurations (seeds 1..C), for Y years; the
 * gain of a run is its mean efficiency over the years after the transient minus its efficiency at
 * year 0, in percentage points. Prints, per cell, the mean gain over configurations, their standard
 * deviation and the standard error of the mean, and the mean efficiency at a few years.
 *
 * <p>Run through {@code scripts/peter-protocol.sh [CONFIGURATIONS] [YEARS] [TRANSIENT] [WORKERS]}.
 */
public final class PeterProtocol {

    record Cell(Tournament.Strategy strategy, Tournament.Hypothesis hypothesis) {
    }

    public static void main(String[] args) throws Exception {
        int configurations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int years = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int transientYears = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int[] marks = {0, 25, 50, 100, 200, 500, years};
        BureaucracyParameters peter = (BureaucracyParameters) ScenarioLoader.builtIn("peter").parametersAt(0);
        System.out.printf(Locale.ROOT, "peter scenario, %d configurations (seeds 1-%d), %d years, gain = mean efficiency of years %d-%d minus year 0%n",
                configurations, configurations, years, transientYears + 1, years);
        List<Cell> cells = new ArrayList<>();
        for (Tournament.Hypothesis h : List.of(Tournament.Hypothesis.COMMON_SENSE, Tournament.Hypothesis.PETER)) {
            for (Tournament.Strategy s : Tournament.Strategy.values()) {
                cells.add(new Cell(s, h));
            }
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        System.out.printf(Locale.ROOT, "%-13s %-11s %8s %6s %6s   mean efficiency at year%n", "hypothesis", "strategy", "gain", "sd", "se");
        System.out.printf(Locale.ROOT, "%-13s %-11s %8s %6s %6s  ", "", "", "", "", "");
        for (int m : marks) {
            System.out.printf(Locale.ROOT, " %6d", m);
        }
        System.out.println();
        for (Cell cell : cells) {
            BureaucracyParameters p = peter.with("tournament.strategy", cell.strategy())
                    .with("tournament.hypothesis", cell.hypothesis());
            List<Future<double[]>> runs = new ArrayList<>();
            for (int k = 1; k <= configurations; k++) {
                long seed = k;
                runs.add(pool.submit(() -> {
                    try (Simulation sim = new Simulation(new Bureaucracy(p), seed, 1)) {
                        sim.runTo(years);
                        return sim.metrics().column("efficiency");
                    }
                }));
            }
            double[] gains = new double[configurations];
            double[] atMark = new double[marks.length];
            for (int k = 0; k < configurations; k++) {
                double[] e = runs.get(k).get();
                double mean = 0;
                for (int t = transientYears + 1; t <= years; t++) {
                    mean += e[t] / (years - transientYears);
                }
                gains[k] = mean - e[0];
                for (int i = 0; i < marks.length; i++) {
                    atMark[i] += e[marks[i]] / configurations;
                }
            }
            double g = 0;
            for (double x : gains) {
                g += x / configurations;
            }
            double var = 0;
            for (double x : gains) {
                var += (x - g) * (x - g) / (configurations - 1);
            }
            double sd = Math.sqrt(var);
            System.out.printf(Locale.ROOT, "%-13s %-11s %+8.2f %6.2f %6.2f  ", cell.hypothesis().name().toLowerCase(),
                    cell.strategy().name().toLowerCase(), g, sd, sd / Math.sqrt(configurations));
            for (double a : atMark) {
                System.out.printf(Locale.ROOT, " %6.2f", a);
            }
            System.out.println();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "wall time %.0f s with %d worker(s)%n", (System.nanoTime() - start) / 1e9, workers);
    }
}
