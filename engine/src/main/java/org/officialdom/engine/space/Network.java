package org.officialdom.engine.space;

import java.io.Serializable;
import java.util.Arrays;
import org.officialdom.engine.random.RandomStream;

/**
 * A directed network over nodes {@code 0..n-1} in compressed sparse row form: the neighbours of
 * node i are {@code targets[offsets[i] .. offsets[i+1]-1]}, sorted. Undirected networks store each
 * tie in both directions. Memory: 4 bytes per node plus 4 per directed tie.
 */
public final class Network implements Serializable {

    private final int nodes;
    private final int[] offsets;
    private final int[] targets;

    private Network(int nodes, int[] offsets, int[] targets) {
        this.nodes = nodes;
        this.offsets = offsets;
        this.targets = targets;
    }

    /** Builds a network from edge lists {@code from[k] -> to[k]}; duplicates and self-ties are dropped. */
    public static Network fromEdges(int nodes, int[] from, int[] to, boolean undirected) {
        int m = from.length * (undirected ? 2 : 1);
        long[] packed = new long[m];
        int k = 0;
        for (int e = 0; e < from.length; e++) {
            check(nodes, from[e]);
            check(nodes, to[e]);
            packed[k++] = ((long) from[e] << 32) | to[e];
            if (undirected) {
                packed[k++] = ((long) to[e] << 32) | from[e];
            }
        }
        Arrays.sort(packed);
        int[] offsets = new int[nodes + 1];
        int[] targets = new int[m];
        int t = 0;
        long prev = -1;
        for (long p : packed) {
            int a = (int) (p >>> 32);
            int b = (int) p;
            if (p == prev || a == b) {
                continue;
            }
            prev = p;
            targets[t++] = b;
            offsets[a + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            offsets[i + 1] += offsets[i];
        }
        return new Network(nodes, offsets, Arrays.copyOf(targets, t));
    }

    /**
     * An undirected Erdős–Rényi-style random network with mean degree close to {@code meanDegree}:
     * each node draws {@code meanDegree/2} partners uniformly from the stream; the draw for node i
     * depends only on (i, draw index), so the network is the same whatever the thread count.
     */
    public static Network random(int nodes, double meanDegree, RandomStream stream) {
        int perNode = (int) Math.round(meanDegree / 2.0);
        int[] from = new int[nodes * perNode];
        int[] to = new int[nodes * perNode];
        int k = 0;
        for (int i = 0; i < nodes; i++) {
            for (int d = 0; d < perNode; d++) {
                from[k] = i;
                to[k] = stream.nextInt(nodes, i, 0, d);
                k++;
            }
        }
        return fromEdges(nodes, from, to, true);
    }

    /** A ring lattice: each node tied to its {@code k} nearest neighbours on each side. */
    public static Network ring(int nodes, int k) {
        int[] from = new int[nodes * k];
        int[] to = new int[nodes * k];
        int e = 0;
        for (int i = 0; i < nodes; i++) {
            for (int d = 1; d <= k; d++) {
                from[e] = i;
                to[e] = (i + d) % nodes;
                e++;
            }
        }
        return fromEdges(nodes, from, to, true);
    }

    private static void check(int nodes, int node) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException("node " + node + " outside 0.." + (nodes - 1));
        }
    }

    public int nodes() {
        return nodes;
    }

    public int degree(int node) {
        return offsets[node + 1] - offsets[node];
    }

    /** The i-th neighbour of a node. */
    public int neighbour(int node, int i) {
        return targets[offsets[node] + i];
    }

    /** Total number of directed ties stored. */
    public long ties() {
        return targets.length;
    }

    public boolean connected(int a, int b) {
        return Arrays.binarySearch(targets, offsets[a], offsets[a + 1], b) >= 0;
    }
}
