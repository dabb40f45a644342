package org.officialdom.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's memory bandwidth, measured the way McCalpin's STREAM does with its "triad":
 * {@code a[i] = b[i] + s · c[i]} over arrays far larger than the caches. One operation moves
 * 24 bytes per element (two reads, one write; write-allocate traffic not counted, as in STREAM), so
 * bandwidth = 24 · elements / time. {@code parallelTriad} splits the arrays over the common pool's
 * threads (as many as cores), which is what the model's parallel passes can use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class StreamTriad {

    /** 2^25 doubles per array: 256 MiB each, 768 MiB in all. */
    @Param({"33554432"})
    public int elements;

    private double[] a;
    private double[] b;
    private double[] c;

    @Setup
    public void fill() {
        a = new double[elements];
        b = new double[elements];
        c = new double[elements];
        for (int i = 0; i < elements; i++) {
            b[i] = i;
            c[i] = 2.0 * i;
        }
    }

    @Benchmark
    public double[] triad() {
        double s = 3.0;
        for (int i = 0; i < elements; i++) {
            a[i] = b[i] + s * c[i];
        }
        return a;
    }

    @Benchmark
    public double[] parallelTriad() {
        double s = 3.0;
        int parts = Runtime.getRuntime().availableProcessors();
        int chunk = (elements + parts - 1) / parts;
        IntStream.range(0, parts).parallel().forEach(p -> {
            int to = Math.min(elements, (p + 1) * chunk);
            for (int i = p * chunk; i < to; i++) {
                a[i] = b[i] + s * c[i];
            }
        });
        return a;
    }
}
