package org.officialdom.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void aDrawDependsOnlyOnItsCoordinates() {
        RandomStream a = new RandomStreams(5).stream("exit");
        double forward = a.uniform(17, 3, 2);
        for (int i = 0; i < 1000; i++) {
            a.uniform(i, 9, 0); // other draws in between change nothing
        }
        assertThat(new RandomStreams(5).stream("exit").uniform(17, 3, 2)).isEqualTo(forward);
        assertThat(a.uniform(17, 3, 2)).isEqualTo(forward);
    }

    @Test
    void aBlockOfDrawsIsTheSameAsOneDrawAtATime() {
        RandomStream r = new RandomStreams(9).stream("quotas");
        java.util.SplittableRandom pick = new java.util.SplittableRandom(3);
        int[] agents = new int[1000];
        for (int k = 0; k < agents.length; k++) {
            agents[k] = k % 7 == 0 ? -pick.nextInt(1 << 30) : pick.nextInt(); // negative ids widen with their sign
        }
        long[] out = new long[agents.length];
        long[] keys = new long[agents.length];
        for (long step : new long[] {0, 1, 157, -3}) {
            for (long draw : new long[] {0, 1, 20}) {
                int from = (int) (step & 7);
                int to = agents.length - (int) (draw % 5);
                r.bits(agents, from, to, step, draw, out);
                r.keys(agents, from, to, keys);
                RandomStream.bits(keys, to - from, step, draw, keys);
                for (int k = 0; k < to - from; k++) {
                    assertThat(out[k]).isEqualTo(r.bits(agents[from + k], step, draw));
                    assertThat(keys[k]).isEqualTo(out[k]);
                    assertThat(RandomStream.unit(out[k])).isEqualTo(r.uniform(agents[from + k], step, draw));
                }
            }
        }
    }

    @Test
    void streamsAndSeedsAreIndependent() {
        RandomStreams s = new RandomStreams(5);
        assertThat(s.stream("exit").bits(1, 1, 0)).isNotEqualTo(s.stream("promotion").bits(1, 1, 0));
        assertThat(new RandomStreams(6).stream("exit").bits(1, 1, 0)).isNotEqualTo(s.stream("exit").bits(1, 1, 0));
        assertThat(s.stream("exit")).isSameAs(s.stream("exit"));
    }

    @Test
    void uniformsHaveTheRightMomentsAndNoSerialCorrelation() {
        RandomStream r = new RandomStreams(1).stream("test");
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double lag = 0;
        double prev = 0;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            double u = r.uniform(i, 0); // consecutive agents
            assertThat(u).isBetween(0.0, 1.0).isNotEqualTo(1.0);
            sum += u;
            sumSq += u * u;
            lag += (u - 0.5) * (prev - 0.5);
            prev = u;
            bins[(int) (u * 10)]++;
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.005));
        assertThat(sumSq / n - (sum / n) * (sum / n)).isCloseTo(1.0 / 12, within(0.002));
        assertThat(lag / n).isCloseTo(0.0, within(0.002));
        double chi = 0;
        for (int b : bins) {
            chi += Math.pow(b - n / 10.0, 2) / (n / 10.0);
        }
        assertThat(chi).isLessThan(27.9); // chi-square, 9 degrees of freedom, p = 0.001
    }

    @Test
    void normalsHaveMeanZeroAndUnitVariance() {
        RandomStream r = new RandomStreams(2).stream("test");
        int n = 100_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double z = r.normal(i, 4, 0);
            sum += z;
            sumSq += z * z;
        }
        assertThat(sum / n).isCloseTo(0.0, within(0.015));
        assertThat(sumSq / n).isCloseTo(1.0, within(0.02));
    }

    @Test
    void nextIntStaysInRange() {
        RandomStream r = new RandomStreams(3).stream("test");
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[r.nextInt(7, i, 0, 0)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_500, 10_500);
        }
    }
}
