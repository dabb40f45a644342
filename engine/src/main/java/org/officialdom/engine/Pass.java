package org.officialdom.engine;

import java.util.function.Consumer;

/**
 * One ordered phase of a step (as in MASON's Steppable or FLAME GPU's layers). A pass either
 * runs over agents in parallel chunks through {@link Simulation#parallel()} or does sequential
 * work (filling vacancies, say). Passes are named so that benchmarks can time each one.
 */
public interface Pass {

    String name();

    void run(Simulation sim);

    static Pass of(String name, Consumer<Simulation> body) {
        return new Pass() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Simulation sim) {
                body.accept(sim);
            }
        };
    }
}
