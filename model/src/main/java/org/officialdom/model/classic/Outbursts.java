package org.officialdom.model.classic;

import java.util.ArrayList;
import java.util.List;

/**
 * Outbursts in a series of active citizens, as Epstein (2002) counts them: an outburst lasts while
 * more than {@code level} citizens are active (the paper uses 50 on the 40×40 torus). For each one
 * it gives its start, its length, its peak and its size (total activation: actives summed over its
 * periods); between them, the waiting times (quiet stretches from the end of one outburst to the
 * start of the next).
 */
public record Outbursts(List<Episode> episodes, List<Integer> waits) {

    /** One outburst: steps {@code start .. end-1} above the level. */
    public record Episode(int start, int end, double peak, double size) {
        public int length() {
            return end - start;
        }
    }

    /** Finds the outbursts of {@code actives} from index {@code from} on (earlier indices are burn-in). */
    public static Outbursts of(double[] actives, double level, int from) {
        List<Episode> eps = new ArrayList<>();
        int i = Math.max(0, from);
        // an outburst already running at the start of the window is not counted: its start is unknown
        while (i < actives.length && actives[i] > level) {
            i++;
        }
        while (i < actives.length) {
            if (actives[i] > level) {
                int start = i;
                double peak = 0;
                double size = 0;
                while (i < actives.length && actives[i] > level) {
                    peak = Math.max(peak, actives[i]);
                    size += actives[i];
                    i++;
                }
                eps.add(new Episode(start, i, peak, size));
            } else {
                i++;
            }
        }
        List<Integer> waits = new ArrayList<>();
        for (int k = 1; k < eps.size(); k++) {
            waits.add(eps.get(k).start() - eps.get(k - 1).end());
        }
        return new Outbursts(List.copyOf(eps), List.copyOf(waits));
    }

    public int count() {
        return episodes.size();
    }

    public double meanSize() {
        return episodes.stream().mapToDouble(Episode::size).average().orElse(0);
    }

    public double meanPeak() {
        return episodes.stream().mapToDouble(Episode::peak).average().orElse(0);
    }

    public double meanLength() {
        return episodes.stream().mapToInt(Episode::length).average().orElse(0);
    }

    public double meanWait() {
        return waits.stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
