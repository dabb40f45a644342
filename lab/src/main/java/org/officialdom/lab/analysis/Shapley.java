package org.officialdom.lab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.officialdom.engine.random.RandomStream;
import org.officialdom.engine.random.RandomStreams;

/**
 * Shapley values: the fair division of a total effect v(N) − v(∅) among n players (here, groups of a
 * scenario's calendar entries), given the value v(S) of every coalition S.
 *
 * <p>φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)): player i's marginal
 * contribution averaged over all orders in which the players can join. The values are efficient
 * (Σ φ_i = v(N) − v(∅) exactly), symmetric, and give a player with no effect 0; with additive
 * effects φ_i is i's own effect, and a pure interaction (an effect only when all act together) is
 * split equally. Exact over the 2^n coalitions; for larger n, averaged over sampled orders
 * (permutations drawn from a named stream), still efficient order by order.
 *
 * <p>Coalitions are bit masks: bit i set means player i is in.
 */
public final class Shapley {

    private Shapley() {
    }

    /** The exact Shapley values of n players from v over all 2^n coalitions (v is called once per coalition). */
    public static double[] exact(int n, ToDoubleFunction<Integer> v) {
        if (n > 20) {
            throw new IllegalArgumentException("exact Shapley values of " + n + " players need 2^" + n + " coalitions");
        }
        double[] value = new double[1 << n];
        for (int s = 0; s < value.length; s++) {
            value[s] = v.applyAsDouble(s);
        }
        return fromValues(n, value);
    }

    /** The exact Shapley values from the values of all 2^n coalitions ({@code value[mask]}). */
    public static double[] fromValues(int n, double[] value) {
        double[] weight = new double[n];
        // |S|! (n − |S| − 1)! / n! for |S| = 0 .. n − 1
        for (int k = 0; k < n; k++) {
            weight[k] = Math.exp(logFactorial(k) + logFactorial(n - k - 1) - logFactorial(n));
        }
        double[] phi = new double[n];
        for (int s = 0; s < value.length; s++) {
            int size = Integer.bitCount(s);
            for (int i = 0; i < n; i++) {
                if ((s & (1 << i)) == 0) {
                    phi[i] += weight[size] * (value[s | (1 << i)] - value[s]);
                }
            }
        }
        return phi;
    }

    /** The coalitions that {@code permutations} sampled orders visit (each order: ∅, then one player more at a time). */
    public static List<int[]> orders(int n, int permutations, long seed) {
        RandomStream r = new RandomStreams(seed).stream("shapley-orders");
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < permutations; p++) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1, p, 0, i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            out.add(order);
        }
        return out;
    }

    /** Shapley values estimated over the given orders: each player's marginal contribution when it joins, averaged. */
    public static double[] sampled(int n, List<int[]> orders, ToDoubleFunction<Integer> v) {
        double[] phi = new double[n];
        for (int[] order : orders) {
            int s = 0;
            double before = v.applyAsDouble(s);
            for (int player : order) {
                s |= 1 << player;
                double after = v.applyAsDouble(s);
                phi[player] += (after - before) / orders.size();
                before = after;
            }
        }
        return phi;
    }

    /** The coalitions an estimate needs: all 2^n when exact, else those the orders visit. */
    public static List<Integer> coalitions(int n, List<int[]> orders) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        if (orders == null) {
            for (int m = 0; m < (1 << n); m++) {
                s.add(m);
            }
        } else {
            for (int[] order : orders) {
                int m = 0;
                s.add(m);
                for (int player : order) {
                    m |= 1 << player;
                    s.add(m);
                }
            }
        }
        return new ArrayList<>(s);
    }

    private static double logFactorial(int k) {
        double s = 0;
        for (int i = 2; i <= k; i++) {
            s += Math.log(i);
        }
        return s;
    }
}
