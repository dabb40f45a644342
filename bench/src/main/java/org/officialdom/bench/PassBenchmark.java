package org.officialdom.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.officialdom.engine.Model;
import org.officialdom.engine.Pass;
import org.officialdom.engine.Simulation;
import org.officialdom.model.scenario.Scenario;
import org.officialdom.model.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One pass of the bureaucracy model (the flagship scenario's parameters at its start), timed on its
 * own. Divide the time by the number of officials for nanoseconds per agent-step of that pass.
 * The model is rebuilt and stepped twice before each iteration, so that a pass that changes the
 * population (departures, recruitment) is measured on a realistic state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class PassBenchmark {

    @Param({"1000000"})
    public int officials;

    @Param({"1", "2"})
    public int threads;

    @Param({"ageing", "pressures", "circle", "evln", "voice", "investigation", "exits", "departures", "careers",
            "tournament", "recruitment", "party-exit", "measure"})
    public String pass;

    private Simulation sim;
    private Pass target;

    @Setup(Level.Iteration)
    public void build() {
        Scenario sc = ScenarioLoader.override(ScenarioLoader.builtIn("china-2012-2025"),
                List.of("organisation.officials=" + officials));
        Model model = sc.kind().create(sc.parametersAt(0));
        sim = new Simulation(model, 1, threads);
        sim.runTo(2);
        target = model.passes().stream().filter(p -> p.name().equals(pass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pass " + pass));
    }

    @TearDown(Level.Iteration)
    public void close() {
        sim.close();
    }

    @Benchmark
    public long run() {
        target.run(sim);
        return sim.model().agents();
    }
}
