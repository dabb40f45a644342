package org.officialdom.model.parameter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a parameter record: what it means, its unit, its allowed range, and
 * whether it is a lever or the model's size.
 * The scenario schema is generated from these annotations and from the record's {@code DEFAULTS},
 * so the schema, the defaults and the code cannot drift apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** One sentence: what the parameter means. */
    String value();

    /** The unit ("hours per week", "share per month", "officials"); empty for pure numbers. */
    String unit() default "";

    /** Smallest allowed value (inclusive), for numbers; for a list of numbers, of every entry. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value (inclusive), for numbers; for a list of numbers, of every entry. */
    double max() default Double.POSITIVE_INFINITY;

    /** For a list: the number of entries it must have (-1: any number). */
    int entries() default -1;

    /**
     * A lever: a value a researcher moves during a run (the live page offers it as a slider and marks
     * each move on the time axes). Written into the schema as {@code "x-lever": true}.
     */
    boolean lever() default false;

    /**
     * The model's size: the one whole number (officials, actors, people) that the page's size field
     * sets before a run. At most one per model. Written into the schema as {@code "x-size": true}.
     */
    boolean size() default false;
}
