package org.officialdom.model;

import org.officialdom.engine.Footprint;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.officialdom.engine.Model;

/**
 * A kind of model that scenarios can name: its name in files, a one-line description, its
 * parameter record, how to build it and how to hand it new parameters when the scenario's calendar
 * changes a lever, and what it would build (its {@link Footprint}).
 */
public record ModelKind<P extends Record>(
        String name,
        String description,
        Class<P> parameterType,
        Function<P, Model> factory,
        BiConsumer<Model, P> updater,
        Function<P, Footprint> footprinter) {

    /** What the model would build from these parameters, counted before anything is allocated. */
    public Footprint footprint(Record parameters) {
        return footprinter.apply(parameterType.cast(parameters));
    }

    public Model create(Record parameters) {
        return factory.apply(parameterType.cast(parameters));
    }

    public void update(Model model, Record parameters) {
        updater.accept(model, parameterType.cast(parameters));
    }
}
